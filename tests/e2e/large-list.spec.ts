import type { Route } from '@playwright/test';
import { expect, shot, test } from './fixtures';

/**
 * The renderer against 50,000 employees: the core's answers are stubbed at the HTTP edge so the test
 * measures the list itself (virtualisation and paging), not how fast a sync can write 50,000 rows.
 */
const TOTAL = 50_000;
const company = {
  id: 'big',
  name: 'Big Retail plc',
  provider: 'humaans',
  paused: false,
  reviewed: true,
  lastSuccessfulSyncAt: new Date(Date.now() - 3_600_000).toISOString(),
  lastAttempt: { at: new Date(Date.now() - 600_000).toISOString(), status: 'failed', error: { code: 'HR_UNREACHABLE', message: 'Humaans did not answer within 30 seconds. Check your internet connection and try again.' } },
  nextSyncAt: null,
  counts: { ready: 45_000, pending: 5_000, leaver: 0, excluded: 0, missing: 0 },
  running: false,
};

const row = (i: number) => ({
  id: i + 1,
  identity: `E${String(i).padStart(5, '0')}`,
  hrId: `h${i}`,
  name: `Employee ${String(i).padStart(5, '0')}`,
  state: 'active',
  readiness: i % 10 === 0 ? 'pending' : 'ready',
  problemCount: i % 10 === 0 ? 2 : 0,
  warningCount: 0,
  lastSyncedAt: new Date(Date.now() - 3_600_000).toISOString(),
});

test('50,000 employees: only visible rows render, pages load as the user scrolls', async ({ page, server }) => {
  const offsets: number[] = [];
  const ok = (route: Route, value: unknown) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
  let running = true;
  await page.route('**/api/companies.list', (r) => ok(r, [{ ...company, running }]));
  await page.route('**/api/employees.list', (r) => {
    const input = r.request().postDataJSON() as { offset: number; limit: number; status: string };
    const total = input.status === 'all' ? TOTAL : input.status === 'ready' ? 45_000 : input.status === 'pending' ? 5_000 : 0;
    if (input.limit > 1) offsets.push(input.offset);
    const rows = Array.from({ length: Math.max(0, Math.min(input.limit, total - input.offset)) }, (_, k) => row(input.offset + k));
    return ok(r, { total, offset: input.offset, rows });
  });

  await page.goto(server.url);
  // While a sync runs the row says so, with a progress bar.
  await expect(page.getByTestId('company-row').getByTestId('sync-progress')).toContainText('Syncing…');
  await shot(page, 'home-syncing');
  running = false;
  await page.reload();
  await expect(page.getByTestId('last-attempt-error')).toContainText('Humaans did not answer');
  await shot(page, 'home-failed-attempt');
  await page.getByRole('button', { name: 'Big Retail plc', exact: true }).click();
  await expect(page.getByTestId('employee-total')).toHaveText('50,000 employees');
  await expect(page.getByTestId('filter-count-all')).toHaveText('50,000');
  expect(await page.getByTestId('employee-row').count()).toBeLessThan(80);

  const scroller = page.getByTestId('employee-scroller');
  for (const frac of [0.25, 0.5, 0.75, 1]) {
    await scroller.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), frac);
    await page.waitForTimeout(50);
  }
  await expect(page.getByText('Employee 49999')).toBeVisible();
  expect(await page.getByTestId('employee-row').count()).toBeLessThan(80);
  // Only the pages near what was shown were fetched, never the whole table.
  expect(new Set(offsets).size).toBeLessThan(12);

  // Keyboard: End from a row goes to the last row; Home back to the first.
  await page.getByTestId('employee-row').last().focus();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-index="0"]')).toBeFocused();
  await expect(page.getByText('Employee 00000')).toBeVisible();
  await shot(page, 'large-list');
});
