import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { HUMAANS_DEMO_TOKEN, startFakeHumaans, type FakeHumaans } from '../../src-main/fake-hr/humaans';
import { expect, shot, test } from './fixtures';
import { num } from './support/api';

const people = generatePeople({ count: 60, seed: 7 });
let fake: FakeHumaans;
let publicOnly: FakeHumaans;
test.beforeAll(async () => {
  fake = await startFakeHumaans({ people });
  // A token made without "View public and private data": Humaans hides leavers and private fields.
  publicOnly = await startFakeHumaans({ people, scopes: ['public:read', 'compensations:read'] });
});
test.afterAll(async () => {
  await fake?.close();
  await publicOnly?.close();
});

async function fillHumaans(page: import('@playwright/test').Page, name: string, baseUrl: string): Promise<void> {
  await page.getByRole('button', { name: 'Connect a client’s HR system' }).click();
  await page.getByRole('button', { name: /^Humaans/ }).click();
  await page.getByLabel('Client company name').fill(name);
  await page.getByLabel('API access token', { exact: true }).fill(HUMAANS_DEMO_TOKEN);
  await expect(page.getByLabel('API access token', { exact: true })).toHaveAttribute('type', 'password');
  await page.getByText('Advanced: server address').click();
  await page.getByLabel('Server address').fill(baseUrl);
}

test('wizard (Humaans): a token without private:read is refused with the scope and how to grant it', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await fillHumaans(page, 'Hidden Fields Ltd', publicOnly.baseUrl);
  await page.getByRole('button', { name: 'Check connection' }).click();
  const error = page.getByTestId('check-error');
  await expect(error).toContainText('missing the “View public and private data (private:read)” scope', {
    timeout: 30_000,
  });
  await expect(error).toContainText('How to fix it:');
  await expect(error).toContainText('generate a new token with “View public and private data (private:read)” ticked');
  await expect(page.getByRole('button', { name: 'Save and continue' })).toBeDisabled();
  await shot(page, 'humaans-missing-scope');
});

test('wizard (Humaans): connect, exclude contractors with a value Humaans holds, match fields, first sync', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await fillHumaans(page, 'Northwind Studios', fake.baseUrl);
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByTestId('check-ok')).toContainText('Connected to Humaans', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Filters: the live preview counts everyone first.
  const included = page.getByTestId('preview-included');
  await expect(included).toContainText('employee', { timeout: 30_000 });
  const everyone = num(await included.textContent());
  expect(everyone).toBeGreaterThan(0);

  // Exclude Contract type = Contractor, picked from the values Humaans holds rather than typed.
  await page.getByRole('button', { name: 'Add a rule' }).click();
  await page.getByLabel('Rule 1: include or exclude').selectOption('exclude');
  await page.getByLabel('Rule 1: field').selectOption({ label: 'Contract type' });
  const value = page.getByLabel('Rule 1: value');
  await expect(value.locator('option')).toContainText(['Choose a value…', 'Contractor', 'Full time']);
  // Excluding full-timers changes the count at once.
  await value.selectOption('Full time');
  await expect.poll(async () => num(await included.textContent()), { timeout: 20_000 }).toBeLessThan(everyone);
  // Contractors: fewer left out than full-timers, and each left-out person says which rule did it.
  await value.selectOption('Contractor');
  const contractors = people.filter((p) => p.employmentType === 'Contractor' && !p.isLeaver).length;
  await expect
    .poll(async () => num(await page.getByTestId('preview-excluded').textContent()), { timeout: 20_000 })
    .toBe(contractors);
  expect(contractors).toBeGreaterThan(0);
  await expect(included).toHaveText(`${everyone - contractors} employees`);
  await expect(page.getByTestId('filter-preview')).toContainText('Excluded by rule 1: "Contract type" is "Contractor"');
  await shot(page, 'humaans-filters');
  await page.getByRole('button', { name: 'Continue to matching fields' }).click();

  // Mapping: Humaans' own fields are suggested, with sample values.
  const grid = page.getByTestId('mapping-grid');
  await expect(grid).toBeVisible();
  await expect(page.getByLabel('HR field for National Insurance number')).toHaveValue('taxId');
  await expect(page.getByLabel('HR field for Tax code')).toHaveValue('taxCode');
  await shot(page, 'humaans-mapping');
  await page.getByRole('button', { name: 'Continue to review' }).click();

  await expect(page.getByRole('heading', { name: 'Review and run the first sync' })).toBeVisible();
  await expect(page.getByText(`${everyone - contractors} employees will sync`)).toBeVisible();
  await shot(page, 'humaans-review');
  await page.getByRole('button', { name: 'Start the first sync' }).click();
  await expect(page.getByTestId('company-page')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Northwind Studios' })).toBeVisible();
  await expect.poll(async () => num(await page.getByTestId('filter-count-ready').textContent())).toBeGreaterThan(0);
  // Contractors were left out of the first sync: listed under Excluded (with their rule), the rest as the preview promised.
  await expect.poll(async () => num(await page.getByTestId('filter-count-excluded').textContent())).toBe(contractors);
  await expect.poll(async () => num(await page.getByTestId('filter-count-all').textContent())).toBe(everyone);
  await shot(page, 'humaans-first-sync');
});
