import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';

/** Adds the demo company (its first sync included) and opens its Settings tab. */
async function openDemoSettings(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Try the demo company' }).click();
  await expect(page.getByText('Demo company added')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Demo Company Ltd', exact: true }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
}

test('settings: pause a company and set a payroll default', async ({ page, server }) => {
  await openDemoSettings(page, server.url);

  const form = page.getByTestId('settings-form');
  await expect(form).toBeVisible();
  await page.getByLabel('Pause scheduled syncs').check();
  await page.getByLabel('NI category letter', { exact: true }).selectOption('A');
  await page.getByLabel('How often to sync').selectOption({ label: 'Every 4 hours' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-result')).toContainText(
    'Saved — syncing is paused, so the sync it starts is recorded as skipped',
  );
  await shot(page, 'settings');

  await page.getByRole('button', { name: '← All companies' }).click();
  await expect(page.getByTestId('company-row').getByText('Paused')).toBeVisible();
});

test('settings: remove a company, only once its name is typed', async ({ page, server }) => {
  await openDemoSettings(page, server.url);

  const card = page.getByTestId('remove-company');
  await expect(card).toContainText('This cannot be undone');
  const remove = card.getByRole('button', { name: 'Remove Demo Company Ltd' });
  await expect(remove).toBeDisabled();
  await card.getByLabel('Type the company’s name to confirm').fill('Demo Company');
  await expect(remove).toBeDisabled();
  await card.getByLabel('Type the company’s name to confirm').fill('demo company ltd');
  await expect(remove).toBeEnabled();
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'remove-company');
  await remove.click();

  // Back home: the company is gone and the notice says what went with it.
  const notice = page.getByTestId('home-notice');
  await expect(notice).toContainText('Demo Company Ltd removed');
  await expect(notice).toContainText(/employees, 1 sync run and 0 payslip delivery records deleted\./);
  // The demo company has no stored credentials, so the notice claims no deletion of any.
  await expect(notice).not.toContainText('credentials');
  await expect(page.getByTestId('company-row')).toHaveCount(0);
  await shot(page, 'remove-company-done');
});
