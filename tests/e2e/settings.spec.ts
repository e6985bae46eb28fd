import { expect, shot, test } from './fixtures';

test('settings: pause a company and set a payroll default', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Try the demo company' }).click();
  await expect(page.getByText('Demo company added')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Demo Company Ltd', exact: true }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();

  const form = page.getByTestId('settings-form');
  await expect(form).toBeVisible();
  await page.getByLabel('Pause scheduled syncs').check();
  await page.getByLabel('NI category letter').selectOption('A');
  await page.getByLabel('How often to sync').selectOption({ label: 'Every 4 hours' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-result')).toContainText('Settings saved');
  await shot(page, 'settings');

  await page.getByRole('button', { name: '← All companies' }).click();
  await expect(page.getByTestId('company-row').getByText('Paused')).toBeVisible();
});
