import type { Page } from '@playwright/test';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { startFakeHumaans, HUMAANS_DEMO_TOKEN, type FakeHumaans } from '../../src-main/fake-hr/humaans';
import { expect, shot, test } from './fixtures';
import { callApi, num } from './support/api';

/**
 * Settings after set-up, as a bureau meets it: a rotated key, a change of matching and of who to sync, a
 * company whose set-up is not finished, and Humaans people found by the ID Humaans shows.
 */
const people = generatePeople({ count: 30, seed: 21 });
let personio: RunningFakePersonio;
let humaans: FakeHumaans;
test.beforeAll(async () => {
  personio = await startFakePersonio({ people });
  humaans = await startFakeHumaans({ people });
});
test.afterAll(async () => {
  await personio?.close();
  await humaans?.close();
});

async function connectPersonio(url: string, name: string, review = true): Promise<string> {
  const { id } = await callApi(url, 'companies.create', {
    name,
    credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
    baseUrl: personio.baseUrl,
  });
  if (review) await callApi(url, 'companies.review', { companyId: id });
  return id;
}

async function openCompany(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('company-row').filter({ hasText: name }).getByRole('button', { name, exact: true }).click();
}

test('settings: a rotated key fails the sync; Replace credentials refuses a wrong key, keeps the old, stores the right one; the next sync succeeds', async ({
  page,
  server,
}) => {
  await connectPersonio(server.url, 'Rotating Ltd');
  await openCompany(page, server.url, 'Rotating Ltd');
  const rotated = { clientId: PERSONIO_FAKE_CREDENTIALS.clientId, clientSecret: 'rotated-secret-e2e-51' };
  personio.setCredentials(rotated);
  try {
    await page.getByRole('button', { name: 'Sync now' }).click();
    const failed = page.getByTestId('last-sync-failed');
    await expect(failed).toContainText('The credentials stopped working', { timeout: 30_000 });
    // One banner for one failure.
    await expect(page.locator('.banner-error')).toHaveCount(1);
    await shot(page, 'credentials-stopped-working');

    await expect(failed.getByRole('button', { name: 'Replace credentials' })).toBeVisible();

    // The home page says so too, above the table, with the counts marked as of the last success.
    await page.getByRole('button', { name: '← All companies' }).click();
    const strip = page.getByTestId('attention-strip');
    await expect(strip.getByTestId('attention-item')).toContainText('Rotating Ltd: the credentials stopped working');
    await expect(page.getByTestId('company-row').getByTestId('counts-as-of')).toContainText('as of');
    await expect(page.getByTestId('company-row').getByRole('button', { name: 'Replace credentials' })).toBeVisible();
    await shot(page, 'home-needs-attention');
    await strip.getByRole('button', { name: 'Replace credentials' }).click();
    const connection = page.getByTestId('settings-connection');
    await expect(connection).toContainText('Personio');
    await expect(connection).toContainText(personio.baseUrl);
    await expect(page.getByLabel('New client ID')).toBeFocused();
    await page.getByLabel('New client ID').fill(rotated.clientId);
    await page.getByLabel('New client secret', { exact: true }).fill('not-the-new-secret');
    await expect(page.getByLabel('New client secret', { exact: true })).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Check and replace credentials' }).click();
    const refused = page.getByTestId('replace-error');
    await expect(refused).toContainText('The credentials stored before are still in use; nothing was changed.', {
      timeout: 30_000,
    });
    await connection.scrollIntoViewIfNeeded();
    await shot(page, 'replace-credentials-refused');

    await page.getByLabel('New client secret', { exact: true }).fill(rotated.clientSecret);
    await page.getByRole('button', { name: 'Check and replace credentials' }).click();
    await expect(page.getByTestId('replace-ok')).toContainText('Saved — syncing now', { timeout: 30_000 });
    await expect(page.getByLabel('New client secret', { exact: true })).toHaveValue('');
    await shot(page, 'settings-connection');

    // The sync the replacement started succeeds, and so does the next Sync now.
    await expect(page.getByTestId('last-sync-failed')).toHaveCount(0, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('Rotating Ltd synced')).toBeVisible({ timeout: 30_000 });
  } finally {
    personio.setCredentials(PERSONIO_FAKE_CREDENTIALS);
  }
});

test('settings: change the field matching and a filter; the list shows the effect after the sync each starts', async ({
  page,
  server,
}) => {
  await connectPersonio(server.url, 'Reshaped Ltd');
  await openCompany(page, server.url, 'Reshaped Ltd');
  await expect(page.getByTestId('filter-count-ready')).toHaveText(/\d/);
  const readyBefore = num(await page.getByTestId('filter-count-ready').textContent());
  expect(readyBefore).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Settings' }).click();

  // Field matching: a wrong field for Date of birth would make everyone Ready Pending: said before saving.
  const mapping = page.getByTestId('settings-mapping');
  await expect(page.getByLabel('HR field for Date of birth')).toHaveValue(/.+/);
  await page.getByLabel('HR field for Date of birth').selectOption({ value: 'email' });
  await expect(page.getByTestId('mapping-impact')).toContainText(`${readyBefore} employees would become Pending`, {
    timeout: 20_000,
  });
  await mapping.scrollIntoViewIfNeeded();
  await shot(page, 'settings-mapping');
  await page.getByRole('button', { name: 'Save field matching' }).click();
  await expect(page.getByTestId('mapping-result')).toContainText('Saved — syncing now');

  // Who to sync: exclude one department, previewed before saving.
  const dept = people[0]!.department;
  const inDept = people.filter((p) => p.department === dept && !p.isLeaver).length;
  const filters = page.getByTestId('settings-filters');
  await filters.getByRole('button', { name: 'Add a rule' }).click();
  await page.getByLabel('Rule 1: include or exclude').selectOption('exclude');
  await page.getByLabel('Rule 1: field').selectOption({ label: 'Department' });
  await page.getByLabel('Rule 1: value').selectOption(dept);
  await expect(page.getByTestId('filter-preview')).toContainText(`Excluded by rule 1: "Department" is "${dept}"`, {
    timeout: 20_000,
  });
  await filters.scrollIntoViewIfNeeded();
  await shot(page, 'settings-filters');
  await filters.getByRole('button', { name: 'Save filters' }).click();
  await expect(page.getByTestId('filters-result')).toContainText('Saved — syncing now');

  await page.getByRole('tab', { name: 'Employees' }).click();
  await expect
    .poll(async () => num(await page.getByTestId('filter-count-ready').textContent()), { timeout: 30_000 })
    .toBe(0);
  await expect
    .poll(async () => num(await page.getByTestId('filter-count-excluded').textContent()), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(inDept);
  await page.getByTestId('filter-excluded').click();
  const row = page.getByTestId('employee-row').first();
  await expect(row).toContainText(`Excluded by rule 1: "Department" is "${dept}"`);
  await shot(page, 'excluded-listed-with-rule');
  await page.getByTestId('filter-pending').click();
  await expect(page.getByTestId('employee-row').first()).toContainText('Date of birth not valid');
  await shot(page, 'pending-first-problem');
});

test('an unfinished company refuses Sync now, and nothing is imported', async ({ page, server }) => {
  await connectPersonio(server.url, 'Half Done Ltd', false);
  await openCompany(page, server.url, 'Half Done Ltd');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('Finish setting up Half Done Ltd first: nothing has been synced')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('filter-count-all')).toHaveText(/0/);
  await shot(page, 'unfinished-refuses-sync');
});

test('Humaans: employees are shown and found by the Employee ID Humaans shows', async ({ page, server }) => {
  const { id } = await callApi(server.url, 'companies.create', {
    name: 'Humaans IDs Ltd',
    credentials: { provider: 'humaans', token: HUMAANS_DEMO_TOKEN },
    baseUrl: humaans.baseUrl,
  });
  await callApi(server.url, 'companies.review', { companyId: id });
  await openCompany(page, server.url, 'Humaans IDs Ltd');
  const someone = people.find((p) => !p.isLeaver)!;
  await page.getByTestId('employee-search').fill(someone.employeeNumber);
  const row = page.getByTestId('employee-row');
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await expect(row).toContainText(someone.employeeNumber);
  await expect(row).toContainText(someone.lastName);
  await shot(page, 'humaans-search-by-employee-id');
});
