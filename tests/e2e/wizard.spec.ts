import { generatePeople } from '../../src-main/fake-hr/sample-people';
import {
  PERSONIO_FAKE_CREDENTIALS,
  startFakePersonio,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { expect, shot, test } from './fixtures';
import { num } from './support/api';

const people = generatePeople({ count: 60, seed: 7 });
let fake: RunningFakePersonio;
test.beforeAll(async () => {
  fake = await startFakePersonio({ people });
});
test.afterAll(async () => {
  await fake?.close();
});

test('wizard: Personio credentials checked, filters previewed, fields matched, first sync runs', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Connect a client’s HR system' }).click();
  await page.getByRole('button', { name: /^Personio/ }).click();

  await page.getByLabel('Client company name').fill('Acme Trading Ltd');
  await page.getByLabel('Client ID').fill(PERSONIO_FAKE_CREDENTIALS.clientId);
  await page.getByLabel('Client secret', { exact: true }).fill('wrong-secret');
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveAttribute('type', 'password');
  await page.getByText('Advanced: server address').click();
  await page.getByLabel('Server address').fill(fake.baseUrl);

  // Wrong secret: the exact problem, in words.
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByTestId('check-error')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Save and continue' })).toBeDisabled();
  await shot(page, 'wizard-credentials-error');

  await page.getByLabel('Client secret', { exact: true }).fill(PERSONIO_FAKE_CREDENTIALS.clientSecret);
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByTestId('check-ok')).toContainText('Connected to Personio', { timeout: 30_000 });
  await shot(page, 'wizard-credentials-ok');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Filters with a live preview.
  const included = page.getByTestId('preview-included');
  await expect(included).toContainText('employee', { timeout: 30_000 });
  const everyone = Number((await included.textContent())?.replace(/\D/g, ''));
  expect(everyone).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Add a rule' }).click();
  await page.getByLabel('Rule 1: include or exclude').selectOption('exclude');
  await page.getByLabel('Rule 1: condition').selectOption('isNotEmpty');
  await expect
    .poll(async () => Number((await included.textContent())?.replace(/\D/g, '')), { timeout: 20_000 })
    .not.toBe(everyone);
  await shot(page, 'wizard-filters');
  await page.getByRole('button', { name: 'Remove rule 1' }).click();
  await expect
    .poll(async () => Number((await included.textContent())?.replace(/\D/g, '')), { timeout: 20_000 })
    .toBe(everyone);

  // The values Personio holds are offered: "external" is ticked from the list, not typed.
  await page.getByRole('button', { name: 'Add a rule' }).click();
  await page.getByLabel('Rule 1: include or exclude').selectOption('exclude');
  await page.getByLabel('Rule 1: field').selectOption({ label: 'Employment type' });
  // "is": a drop-down of the values.
  await expect(page.getByLabel('Rule 1: value').locator('option')).toHaveText([
    'Choose a value…',
    'external',
    'internal',
    '(blank) — nothing in the field',
  ]);
  await expect(page.getByLabel('Rule 1: value')).toHaveJSProperty('tagName', 'SELECT');
  // "is one of": tick boxes.
  await page.getByLabel('Rule 1: condition').selectOption('isOneOf');
  const values = page.getByRole('group', { name: 'Rule 1: Values' });
  // external, internal, and (blank): people with nothing in the field are a value a rule can name.
  await expect(values.getByRole('checkbox')).toHaveCount(3);
  await expect(values.getByRole('checkbox', { name: '(blank)' })).toBeVisible();
  await expect(page.getByTestId('filter-rule').first()).toContainText('Tick at least one value.');
  await values.getByRole('checkbox', { name: 'external', exact: true }).check();
  const externals = people.filter((p) => p.employmentType === 'Contractor' && !p.isLeaver).length;
  expect(externals).toBeGreaterThan(0);
  const excluded = page.getByTestId('preview-excluded');
  await expect.poll(async () => num(await excluded.textContent()), { timeout: 20_000 }).toBe(externals);
  await expect(included).toHaveText(`${everyone - externals} employees`);
  await expect(page.getByTestId('filter-preview')).toContainText(
    'Excluded by rule 1: "Employment type" is one of external',
  );
  // A field with too many different values to list (everyone's e-mail) is typed instead.
  await page.getByRole('button', { name: 'Add a rule' }).click();
  await page.getByLabel('Rule 2: field').selectOption({ label: 'Email' });
  await page.getByLabel('Rule 2: condition').selectOption('contains');
  await expect(page.getByLabel('Rule 2: value')).toHaveJSProperty('tagName', 'INPUT');
  await expect(page.getByLabel('Rule 2: value')).toBeEditable();
  await expect(page.getByTestId('filter-rule').nth(1)).toContainText('too many different values to list');
  await shot(page, 'wizard-filters-values');
  await page.getByRole('button', { name: 'Remove rule 2' }).click();
  await page.getByRole('button', { name: 'Continue to matching fields' }).click();

  // Mapping grid: suggestions, required fields marked, Do not map available.
  const grid = page.getByTestId('mapping-grid');
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('row', { name: /Employee ID/ }).getByText('Required')).toBeVisible();
  await expect(page.getByLabel('HR field for First name')).not.toHaveValue('__none__');
  await page.getByLabel('HR field for Middle names').selectOption('__none__');
  await shot(page, 'wizard-mapping');
  await page.getByRole('button', { name: 'Continue to review' }).click();

  // Review, then the first sync lands on the company's employees.
  await shot(page, 'wizard-review');
  await page.getByRole('button', { name: 'Start the first sync' }).click();
  await expect(page.getByTestId('company-page')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Acme Trading Ltd' })).toBeVisible();
  await expect(page.getByTestId('employee-row').first()).toBeVisible();
  await expect(page.getByTestId('employee-total')).toHaveText(/employees/);
});
