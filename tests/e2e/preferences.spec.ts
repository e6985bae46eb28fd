import { expect, shot, test } from './fixtures';
import { callApi } from './support/api';

test('preferences: start at login is desktop-only in browser mode; notification choices are saved', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { name: 'Preferences', level: 1 })).toBeVisible();

  const login = page.getByLabel('Start Bureau Sync when I log in');
  await expect(login).toBeDisabled();
  await expect(login).not.toBeChecked();
  await expect(page.getByTestId('preferences-page')).toContainText('starting at login works only in the desktop app');

  const failure = page.getByLabel('Tell me when a sync fails');
  const pending = page.getByLabel('Tell me when employees become Pending');
  await expect(failure).toBeChecked();
  await expect(pending).not.toBeChecked();
  await pending.check();
  await expect(page.getByTestId('preferences-result')).toContainText('You will be told when employees become Pending.');
  await failure.uncheck();
  await expect(page.getByTestId('preferences-result')).toContainText('Failed syncs will no longer notify you.');
  await shot(page, 'preferences');

  // Saved in the core, and shown again after a reload.
  expect(await callApi(server.url, 'app.preferences.get', {})).toEqual({
    startAtLogin: null,
    notifyOnFailure: false,
    notifyOnPending: true,
    backupDays: 14,
  });
  await page.reload();
  await page.getByRole('button', { name: 'Preferences' }).click();
  await expect(page.getByLabel('Tell me when a sync fails')).not.toBeChecked();
  await expect(page.getByLabel('Tell me when employees become Pending')).toBeChecked();
});

test('app.navigate from the desktop shell (a clicked notification) opens the screen it names', async ({
  page,
  server,
}) => {
  const { id } = await callApi(server.url, 'companies.addDemo', {});
  // Browser mode has no notifications, so the push stream's first answer carries the shell's request.
  let sent = false;
  await page.route('**/api/events?**', async (route) => {
    if (sent) return route.continue();
    sent = true;
    const body = `event: app.navigate\ndata: ${JSON.stringify({ screen: 'history', companyId: id })}\n\n`;
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      body,
    });
  });
  await page.goto(server.url);
  await expect(page.getByTestId('company-page')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Sync history' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: /Demo Company Ltd/ })).toBeVisible();
});
