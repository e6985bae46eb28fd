import { expect, shot, test } from './fixtures';

const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

test('demo company: sync, list with Ready and Pending, search, sync one employee, detail, history', async ({
  page,
  server,
}) => {
  await page.goto(server.url);

  // Home, empty.
  await expect(page.getByRole('heading', { name: 'No client companies yet' })).toBeVisible();
  await shot(page, 'home-empty');

  // Try the demo company: progress while the first sync runs, then a summary.
  await page.getByRole('button', { name: 'Try the demo company' }).click();
  await shot(page, 'home-demo-starting');
  await expect(page.getByText('Demo company added')).toBeVisible({ timeout: 90_000 });
  const row = page.getByTestId('company-row').filter({ hasText: 'Demo Company Ltd' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('last-success')).toHaveText(/just now|minute/);
  const homeReady = num(await row.getByTestId('count-ready').textContent());
  const homePending = num(await row.getByTestId('count-pending').textContent());
  expect(homeReady).toBeGreaterThan(0);
  expect(homePending).toBeGreaterThan(0);
  await shot(page, 'home-with-demo');

  // Employee list: counts match the home screen; both badges exist.
  await row.getByRole('button', { name: 'Demo Company Ltd', exact: true }).click();
  await expect(page.getByTestId('employee-row').first()).toBeVisible();
  await expect(page.getByTestId('filter-count-ready')).toHaveText(homeReady.toLocaleString('en-GB'));
  await expect(page.getByTestId('filter-count-pending')).toHaveText(homePending.toLocaleString('en-GB'));

  await page.getByTestId('filter-ready').click();
  await expect(page.getByTestId('employee-total')).toContainText(`${homeReady.toLocaleString('en-GB')} employees`);
  await expect(page.getByTestId('employee-row').first().getByText('Ready', { exact: true })).toBeVisible();
  await page.getByTestId('filter-pending').click();
  await expect(page.getByTestId('employee-total')).toContainText(`${homePending.toLocaleString('en-GB')} employee`);
  await expect(page.getByTestId('employee-row').first().getByText('Pending', { exact: true })).toBeVisible();
  await page.getByTestId('filter-all').click();
  const rows = page.getByTestId('employee-row');
  await expect(rows.filter({ has: page.locator('.badge-green') }).first()).toBeVisible();
  await expect(rows.filter({ has: page.locator('.badge-amber') }).first()).toBeVisible();
  await shot(page, 'employee-list');

  // Search narrows the list.
  const allTotal = num(await page.getByTestId('employee-total').textContent());
  const firstName = (await rows.first().getByTestId('employee-name').textContent()) ?? '';
  const term = firstName.split(' ').slice(-1)[0] ?? firstName;
  await page.getByLabel('Search').fill(term);
  await expect.poll(async () => num(await page.getByTestId('employee-total').textContent())).toBeLessThan(allTotal);
  for (const name of await rows.getByTestId('employee-name').allTextContents()) {
    expect(name.toLowerCase()).toContain(term.toLowerCase());
  }
  await shot(page, 'employee-list-search');

  // Sync now on one employee: success banner and a new timestamp.
  const target = rows.first();
  const before = await target.getByTestId('employee-synced').getAttribute('datetime');
  await target.getByRole('button', { name: /^Actions for / }).click();
  await page.getByRole('menuitem', { name: 'Sync now' }).click();
  await expect(page.getByTestId('employee-notice')).toContainText(`${firstName.split(' ')[0]}`);
  await expect(page.getByTestId('employee-notice')).toContainText('synced');
  await expect.poll(async () => rows.first().getByTestId('employee-synced').getAttribute('datetime')).not.toBe(before);
  const after = await rows.first().getByTestId('employee-synced').getAttribute('datetime');
  expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? ''));

  // Employee detail of a Pending employee: fields, sources, problems with the value sent.
  await page.getByLabel('Search').fill('');
  await page.getByTestId('filter-pending').click();
  await rows.first().click();
  await expect(page.getByTestId('employee-detail')).toBeVisible();
  await expect(page.getByTestId('field-table')).toContainText('National Insurance number');
  await expect(page.getByTestId('problem-list')).toContainText('HR system sent');
  await shot(page, 'employee-detail');

  // Back to the list by keyboard, then the sync history.
  await page.getByRole('button', { name: '← All employees' }).click();
  await expect(rows.first()).toBeVisible();
  await page.getByRole('tab', { name: 'Sync history' }).click();
  await expect(page.getByTestId('run-row').first()).toBeVisible();
  await expect(page.getByTestId('sync-history')).toContainText('First sync');
  await expect(page.getByTestId('sync-history')).toContainText('Sync now (one employee)');
  const download = page.waitForEvent('download');
  await page
    .getByTestId('run-row')
    .filter({ hasText: 'First sync' })
    .getByRole('button', { name: /Download problems/ })
    .click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await shot(page, 'history');
});
