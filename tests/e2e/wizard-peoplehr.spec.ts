import { generatePeople } from '../../src-main/fake-hr/sample-people';
import {
  PEOPLEHR_FAKE_API_KEY,
  PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY,
  startFakePeopleHR,
  type FakePeopleHR,
} from '../../src-main/fake-hr/peoplehr';
import { expect, shot, test } from './fixtures';
import { num } from './support/api';

const people = generatePeople({ count: 40, seed: 9 });
let fake: FakePeopleHR;
test.beforeAll(async () => {
  fake = await startFakePeopleHR({ people });
});
test.afterAll(async () => {
  await fake?.close();
});

test('wizard (PeopleHR): salary permission missing in words, contractors excluded, tax code and NI category from API columns, Ready after the first sync', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Connect a client’s HR system' }).click();
  await page.getByRole('button', { name: /^PeopleHR/ }).click();
  await page.getByLabel('Client company name').fill('Harbour Logistics Ltd');
  await page.getByText('Advanced: server address').click();
  await page.getByLabel('Server address').fill(fake.baseUrl);

  // A key without the Salary grant connects, and says exactly what it cannot do and how to fix it.
  await page.getByLabel('API key', { exact: true }).fill(PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY);
  await page.getByRole('button', { name: 'Check connection' }).click();
  const ok = page.getByTestId('check-ok');
  await expect(ok).toContainText('Connected to PeopleHR', { timeout: 30_000 });
  const salaryWarning = page.getByTestId('check-salary-warning');
  await expect(salaryWarning).toContainText('Salaries will not sync');
  await expect(salaryWarning).toContainText('not allowed to use "Salary: Get Salary Detail"');
  await expect(salaryWarning).toContainText('tick "Get Salary Detail" under Salary, and click Save');
  await shot(page, 'peoplehr-no-salary-grant');

  // The full key: no salary warning.
  await page.getByLabel('API key', { exact: true }).fill(PEOPLEHR_FAKE_API_KEY);
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(ok).toContainText('Connected to PeopleHR', { timeout: 30_000 });
  await expect(salaryWarning).toHaveCount(0);
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Filters: exclude Employment type = Contractor.
  const included = page.getByTestId('preview-included');
  await expect(included).toContainText('employee', { timeout: 30_000 });
  const everyone = num(await included.textContent());
  await page.getByRole('button', { name: 'Add a rule' }).click();
  await page.getByLabel('Rule 1: include or exclude').selectOption('exclude');
  await page.getByLabel('Rule 1: field').selectOption({ label: 'Employment type' });
  // Picked from the values this PeopleHR holds, not typed.
  const value = page.getByLabel('Rule 1: value');
  await expect(value.locator('option')).toContainText(['Choose a value…', 'Contractor', 'Full Time']);
  await value.selectOption('Contractor');
  const contractors = people.filter((p) => p.employmentType === 'Contractor' && !p.isLeaver).length;
  expect(contractors).toBeGreaterThan(0);
  await expect
    .poll(async () => num(await page.getByTestId('preview-excluded').textContent()), { timeout: 20_000 })
    .toBe(contractors);
  await expect(included).toHaveText(`${everyone - contractors} employees`);
  await page.getByRole('button', { name: 'Continue to matching fields' }).click();

  // Mapping: PeopleHR has no tax code or NI category field; this tenant keeps them in API columns.
  await expect(page.getByTestId('mapping-grid')).toBeVisible();
  await expect(page.getByLabel('HR field for Tax code')).toHaveValue('__none__');
  await page.getByLabel('HR field for Tax code').selectOption('APIColumn1');
  await page.getByLabel('HR field for NI category letter').selectOption('APIColumn2');
  const taxRow = page.getByTestId('mapping-grid').getByRole('row', { name: /Tax code/ });
  await expect(taxRow.locator('.sample')).toHaveText(/^\d{3,4}[LMNT]|^[A-Z]{1,2}\d*/);
  await shot(page, 'peoplehr-mapping');
  await page.getByRole('button', { name: 'Continue to review' }).click();

  // Review: PeopleHR keeps pay frequency with salaries (one call per employee at 30 a minute), so this
  // bureau leaves salaries off and gives the company a pay frequency to fall back on.
  await expect(page.getByRole('heading', { name: 'Review and run the first sync' })).toBeVisible();
  await expect(page.getByLabel('Sync salaries')).toBeEnabled();
  await expect(page.getByLabel('Sync salaries')).not.toBeChecked();
  // With salaries off, the review step says Pay frequency needs a default (else everyone stays Pending).
  await expect(page.getByTestId('default-needed')).toContainText('Pay frequency comes from PeopleHR’s salary records');
  await shot(page, 'peoplehr-review-default-needed');
  await page.getByLabel('Pay frequency when the HR system has none').selectOption('monthly');
  await expect(page.getByTestId('default-needed')).toHaveCount(0);
  await expect(page.getByLabel('Pay frequency when the HR system has none')).toBeEnabled();
  await shot(page, 'peoplehr-review');
  await page.getByRole('button', { name: 'Start the first sync' }).click();
  await expect(page.getByTestId('company-page')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Harbour Logistics Ltd' })).toBeVisible();
  await expect.poll(async () => num(await page.getByTestId('filter-count-ready').textContent())).toBeGreaterThan(0);
  // Contractors are listed under Excluded, with their rule; everyone else synced as the preview promised.
  await expect.poll(async () => num(await page.getByTestId('filter-count-excluded').textContent())).toBe(contractors);
  await expect.poll(async () => num(await page.getByTestId('filter-count-all').textContent())).toBe(everyone);
  await page.getByTestId('filter-ready').click();
  await page.getByTestId('employee-row').first().click();
  await expect(page.getByTestId('field-table')).toContainText('API column 1');
  await shot(page, 'peoplehr-ready-employee');
});
