import { expect, test } from './fixtures';

test('keyboard: demo by keyboard, open a row with Enter, menu opens and Escape closes it', async ({ page, server }) => {
  await page.goto(server.url);
  const demo = page.getByRole('button', { name: 'Try the demo company' });
  await demo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Demo company added')).toBeVisible({ timeout: 90_000 });

  await page.getByRole('button', { name: 'Demo Company Ltd', exact: true }).focus();
  await page.keyboard.press('Enter');
  const first = page.getByTestId('employee-row').first();
  await expect(first).toBeVisible();

  // Tab order: search → status filters → first row.
  await page.getByLabel('Search').focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('employee-row').nth(1)).toBeFocused();

  // Menu: Tab to the … button, Enter opens, Escape closes and focus returns.
  await page.keyboard.press('Tab');
  const menuButton = page.getByTestId('employee-row').nth(1).getByTestId('employee-menu');
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Sync now' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  // Enter on a row opens its detail; Space too.
  const name = await page.getByTestId('employee-row').nth(1).getByTestId('employee-name').textContent();
  await page.getByTestId('employee-row').nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name ?? '');
  await page.getByRole('button', { name: '← All employees' }).focus();
  await page.keyboard.press('Space');
  await page.getByTestId('employee-row').first().focus();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('employee-detail')).toBeVisible();
});
