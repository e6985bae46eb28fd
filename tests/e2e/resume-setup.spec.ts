import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { HUMAANS_DEMO_TOKEN, startFakeHumaans, type FakeHumaans } from '../../src-main/fake-hr/humaans';
import { expect, shot, test } from './fixtures';
import { num } from './support/api';

let fake: FakeHumaans;
test.beforeAll(async () => {
  fake = await startFakeHumaans({ people: generatePeople({ count: 25, seed: 5 }) });
});
test.afterAll(async () => {
  await fake?.close();
});

test('resume set-up: a company left at “Who to sync” reopens there and finishes with its first sync', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Connect a client’s HR system' }).click();
  await page.getByRole('button', { name: /^Humaans/ }).click();
  await page.getByLabel('Client company name').fill('Osprey Dental Group');
  await page.getByLabel('API access token', { exact: true }).fill(HUMAANS_DEMO_TOKEN);
  await page.getByText('Advanced: server address').click();
  await page.getByLabel('Server address').fill(fake.baseUrl);
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByTestId('check-ok')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByTestId('preview-included')).toContainText('employee', { timeout: 30_000 });

  // The user stops here.
  await page.getByRole('button', { name: 'Finish later' }).click();
  const row = page.getByTestId('company-row').filter({ hasText: 'Osprey Dental Group' });
  await expect(row.getByText('Set-up not finished')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Sync Osprey Dental Group now' })).toHaveCount(0);
  // Never synced: its counts are not known yet, so "—" rather than a misleading 0 / 0.
  for (const id of ['count-ready', 'count-pending', 'count-leaver'])
    await expect(row.getByTestId(id)).toHaveText('—Not synced yet');
  await expect(row.getByRole('button', { name: '0 ready' })).toHaveCount(0);
  await shot(page, 'home-setup-not-finished');

  // The company page says so too; either button reopens the wizard at "Who to sync".
  await row.getByRole('button', { name: 'Osprey Dental Group', exact: true }).click();
  await expect(
    page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Set-up not finished' }),
  ).toBeVisible();
  await page.getByRole('button', { name: '← All companies' }).click();
  await row.getByRole('button', { name: 'Resume set-up of Osprey Dental Group' }).click();
  await expect(page.getByTestId('wizard')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who to sync' })).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toContainText('Who to sync');
  const included = page.getByTestId('preview-included');
  await expect(included).toContainText('employee', { timeout: 30_000 });
  // The catalogue came back with it: fields are offered for rules.
  await page.getByRole('button', { name: 'Add a rule' }).click();
  await page.getByLabel('Rule 1: field').selectOption({ label: 'Contract type' });
  await page.getByRole('button', { name: 'Remove rule 1' }).click();
  await shot(page, 'wizard-resumed');

  await page.getByRole('button', { name: 'Continue to matching fields' }).click();
  await expect(page.getByTestId('mapping-grid')).toBeVisible();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByText('Osprey Dental Group')).toBeVisible();
  await expect(page.getByText('Humaans', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Start the first sync' }).click();
  await expect(page.getByTestId('company-page')).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => num(await page.getByTestId('filter-count-all').textContent())).toBeGreaterThan(0);
  await page.getByRole('button', { name: '← All companies' }).click();
  await expect(row.getByText('Set-up not finished')).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Sync Osprey Dental Group now' })).toBeVisible();
  // Synced now: real counts again.
  await expect
    .poll(
      async () =>
        num(await row.getByTestId('count-ready').textContent()) +
        num(await row.getByTestId('count-pending').textContent()),
    )
    .toBeGreaterThan(0);
});
