import { expect, shot, test } from './fixtures';
import { num } from './support/api';

/**
 * The renderer against 50,000 employees in the real core: before browser mode starts, the data folder is
 * seeded through the core itself (a Personio fake with 50,000 generated people, companies.create, then the
 * first sync), so paging, counts and search run against SQLite exactly as a bureau's would.
 */
const TOTAL = 50_000;
test.use({ seed: { script: 'tests/e2e/support/seed-large.ts', args: [String(TOTAL)] } });
test.setTimeout(180_000);

test('50,000 employees from the real core: counts, only visible rows render, deep scroll, search', async ({
  page,
  server,
}) => {
  expect(JSON.parse(server.seedOutput.trim().split('\n').pop() ?? '{}')).toMatchObject({ created: TOTAL });
  const offsets: number[] = [];
  page.on('request', (r) => {
    if (!r.url().endsWith('/api/employees.list')) return;
    const input = r.postDataJSON() as { offset: number; limit: number };
    if (input.limit > 1) offsets.push(input.offset);
  });

  await page.goto(server.url);
  const row = page.getByTestId('company-row').filter({ hasText: 'Big Retail plc' });
  const ready = num(await row.getByTestId('count-ready').textContent());
  const pending = num(await row.getByTestId('count-pending').textContent());
  expect(ready).toBeGreaterThan(40_000);
  expect(pending).toBeGreaterThan(0);
  await shot(page, 'home-large');

  await row.getByRole('button', { name: 'Big Retail plc', exact: true }).click();
  await expect(page.getByTestId('filter-count-all')).toHaveText('50,000');
  await expect(page.getByTestId('employee-total')).toHaveText('50,000 employees');
  await expect(page.getByTestId('filter-count-ready')).toHaveText(ready.toLocaleString('en-GB'));
  await expect(page.getByTestId('employee-row').first()).toBeVisible();
  expect(await page.getByTestId('employee-row').count()).toBeLessThan(80);

  // Scroll deep, in jumps, to the very end.
  const scroller = page.getByTestId('employee-scroller');
  for (const frac of [0.25, 0.5, 0.75, 1]) {
    await scroller.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), frac);
    await page.waitForTimeout(60);
  }
  const last = page.locator(`[data-testid="employee-row"][data-index="${TOTAL - 1}"]`);
  await expect(last).toBeVisible();
  expect(await page.getByTestId('employee-row').count()).toBeLessThan(80);
  // Only the pages near what was shown were fetched, never the whole table.
  expect(new Set(offsets).size).toBeLessThan(12);
  await shot(page, 'large-list-end');

  // Search for the last employee's ID: exactly one match, found among 50,000.
  const id = (await last.locator('.col-id').textContent())?.trim() ?? '';
  const name = (await last.getByTestId('employee-name').textContent())?.trim() ?? '';
  expect(id).not.toBe('');
  await page.getByLabel('Search').fill(id);
  await expect(page.getByTestId('employee-total')).toHaveText('1 employee match');
  await expect(page.getByTestId('employee-row')).toHaveCount(1);
  await expect(page.getByTestId('employee-row').getByTestId('employee-name')).toHaveText(name);

  // Search by surname: fewer, and every name shown has it.
  const surname = name.split(' ').pop() ?? name;
  await page.getByLabel('Search').fill(surname);
  await expect.poll(async () => num(await page.getByTestId('employee-total').textContent())).toBeGreaterThan(1);
  const matches = num(await page.getByTestId('employee-total').textContent());
  expect(matches).toBeLessThan(TOTAL);
  for (const n of await page.getByTestId('employee-row').getByTestId('employee-name').allTextContents()) {
    expect(n.toLowerCase()).toContain(surname.toLowerCase());
  }
  await shot(page, 'large-list-search');

  // Clearing the search: back to 50,000, and Home/End by keyboard still work.
  await page.getByLabel('Search').fill('');
  await expect(page.getByTestId('employee-total')).toHaveText('50,000 employees');
  await page.getByTestId('employee-row').first().focus();
  await page.keyboard.press('End');
  await expect(page.locator(`[data-index="${TOTAL - 1}"]`)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-index="0"]')).toBeFocused();
});
