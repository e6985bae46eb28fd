import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { HUMAANS_DEMO_TOKEN, startFakeHumaans, type FakeHumaans } from '../../src-main/fake-hr/humaans';
import { expect, shot, test } from './fixtures';
import { callApi } from './support/api';

let fake: FakeHumaans;
test.beforeAll(async () => {
  fake = await startFakeHumaans({ people: generatePeople({ count: 30, seed: 3 }) });
});
test.afterAll(async () => {
  await fake?.close();
});

test('sync states: one employee synced, an HR failure in words, pause all skips Sync now, resume all', async ({
  page,
  server,
}) => {
  // Set up through the API: this test is about what the screens say, not the wizard.
  const { id } = await callApi(server.url, 'companies.create', {
    name: 'Kestrel Foods Ltd',
    credentials: { provider: 'humaans', token: HUMAANS_DEMO_TOKEN },
    baseUrl: fake.baseUrl,
  });
  await callApi(server.url, 'companies.review', { companyId: id });

  await page.goto(server.url);
  const row = page.getByTestId('company-row').filter({ hasText: 'Kestrel Foods Ltd' });
  await expect(row.getByTestId('last-success')).toHaveText('just now');

  // Sync now on one employee: a banner naming them, and a new "last synced" timestamp on the row.
  await row.getByRole('button', { name: 'Kestrel Foods Ltd', exact: true }).click();
  const first = page.getByTestId('employee-row').first();
  const name = (await first.getByTestId('employee-name').textContent()) ?? '';
  const before = await first.getByTestId('employee-synced').getAttribute('datetime');
  await first.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Sync now' }).click();
  const notice = page.getByTestId('employee-notice');
  await expect(notice).toContainText(`${name} synced`);
  await expect(notice).toContainText('Fresh from the HR system at');
  await expect.poll(() => first.getByTestId('employee-synced').getAttribute('datetime')).not.toBe(before);
  await expect(first.getByTestId('employee-synced')).toHaveAttribute('title', /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await shot(page, 'employee-synced');

  // Humaans breaks: every request answers 503. Sync now fails, and the home row says why in words.
  fake.faults.serverError = { count: 1000 };
  await page.getByRole('button', { name: '← All companies' }).click();
  await row.getByRole('button', { name: 'Sync Kestrel Foods Ltd now' }).click();
  // Said once on the row and once in "Needs attention today", not a third time in a notice.
  await expect(page.getByTestId('attention-item')).toContainText('Kestrel Foods Ltd: the last sync failed', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('home-notice')).toHaveCount(0);
  const failure = row.getByTestId('last-attempt-error');
  await expect(failure).toContainText('Humaans');
  const sentence = (await failure.textContent()) ?? '';
  expect(sentence).toMatch(/[a-z].*\.$/);
  await expect(row.getByText('Failed', { exact: true })).toBeVisible();
  await shot(page, 'home-hr-failure');
  fake.faults.serverError = { count: 0 };

  // Pause all: the Paused badge, and Sync now is skipped with the reason in words.
  await page.getByRole('button', { name: 'Pause all' }).click();
  await expect(page.getByTestId('home-notice')).toContainText('1 company paused.');
  await expect(row.getByText('Paused', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Sync Kestrel Foods Ltd now' }).click();
  await expect(page.getByTestId('home-notice')).toContainText('Kestrel Foods Ltd was not synced');
  await expect(page.getByTestId('home-notice')).toContainText('Skipped: syncing is paused for this company.');
  await expect(row.getByText('Skipped', { exact: true })).toBeVisible();
  await shot(page, 'home-paused-skipped');

  // Resume all: the badge goes, and Sync now works again.
  await page.getByRole('button', { name: 'Resume all' }).click();
  await expect(page.getByTestId('home-notice')).toContainText('1 company resumed.');
  await expect(row.getByText('Paused', { exact: true })).toHaveCount(0);
  await row.getByRole('button', { name: 'Sync Kestrel Foods Ltd now' }).click();
  await expect(page.getByTestId('home-notice')).toContainText('Kestrel Foods Ltd synced', { timeout: 30_000 });
  await expect(row.getByTestId('last-attempt-error')).toHaveCount(0);
});
