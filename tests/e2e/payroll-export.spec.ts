import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { HUMAANS_DEMO_TOKEN, startFakeHumaans, type FakeHumaans } from '../../src-main/fake-hr/humaans';
import {
  PERSONIO_FAKE_CREDENTIALS,
  startFakePersonio,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { expect, shot, test } from './fixtures';
import { callApi, num } from './support/api';

/**
 * The payroll hand-off in browser mode, clicked as a clerk would: choose the company's payroll software, see
 * who is left out and why, export (the download saved and read back), the Exports history, a bank-detail
 * change in the HR system flagged on the home page and in the changes pack, the Pending report as a PDF, and
 * the search across companies.
 */
const acmeStaff = generatePeople({ count: 30, seed: 31 });
const betaStaff = generatePeople({ count: 12, seed: 77 });
let personio: RunningFakePersonio;
let humaans: FakeHumaans;

test.beforeAll(async () => {
  personio = await startFakePersonio({ people: acmeStaff });
  humaans = await startFakeHumaans({ people: betaStaff });
});
test.afterAll(async () => {
  await personio.close();
  await humaans.close();
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('export for payroll from the Employees tab, the Exports history, changes awaiting the pay run, the Pending report, search across companies', async ({
  page,
  server,
}) => {
  const acme = await callApi(server.url, 'companies.create', {
    name: 'Acme Ltd',
    credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
    baseUrl: personio.baseUrl,
  });
  await callApi(server.url, 'companies.review', { companyId: acme.id });
  const beta = await callApi(server.url, 'companies.create', {
    name: 'Beta Ltd',
    credentials: { provider: 'humaans', token: HUMAANS_DEMO_TOKEN },
    baseUrl: humaans.baseUrl,
  });
  await callApi(server.url, 'companies.review', { companyId: beta.id });
  // Current employees (active, and leavers) by readiness: leavers are exported too, with their leave date.
  const current = (
    await callApi(server.url, 'employees.list', { companyId: acme.id, status: 'all', limit: 200 })
  ).rows.filter((r) => r.state === 'active' || r.state === 'leaver');
  const pending = current.filter((r) => r.readiness === 'pending');
  const ready = current.filter((r) => r.readiness === 'ready');
  expect(pending.length).toBeGreaterThan(0);
  const downloads = test.info().outputPath('downloads');
  mkdirSync(downloads, { recursive: true });

  await page.goto(server.url);
  const acmeRow = page.getByTestId('company-row').filter({ hasText: 'Acme Ltd' });
  await expect(acmeRow.getByTestId('count-changes')).toHaveText('Not exported yet');

  // Employees tab → Export for payroll: the payroll software is chosen once.
  await acmeRow.getByRole('button', { name: 'Acme Ltd', exact: true }).click();
  await page.getByRole('button', { name: 'Export for payroll…' }).click();
  await expect(page.getByTestId('payroll-software-form')).toBeVisible();
  await page.getByTestId('payroll-format').selectOption('brightpay');
  await shot(page, 'export-choose-software');
  await page.getByRole('button', { name: 'Save payroll software' }).click();
  await expect(page.getByTestId('payroll-software')).toHaveText('BrightPay (Import/Update Employees CSV)');

  // Who is left out, with the reasons: every Pending employee.
  const leftOut = page.getByTestId('left-out-row');
  await expect(leftOut.filter({ hasText: 'Pending' })).toHaveCount(pending.length);
  for (const p of pending) await expect(leftOut.filter({ hasText: p.name })).toContainText('Pending');
  await expect(page.getByTestId('pack-summary')).toContainText('Not exported yet');
  const count = num(await page.getByTestId('export-count').textContent());
  expect(count).toBeGreaterThan(10);
  await shot(page, 'export-screen');

  // Export: the browser saves the file; read back, it is BrightPay's CSV of the Ready employees only.
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export ${count} Ready employees` }).click();
  const download = await dl;
  expect(download.suggestedFilename()).toMatch(/^Acme-Ltd-brightpay-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  const csv = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields?.slice(0, 5)).toEqual(['Title', 'Name', 'Middle Name', 'Surname', 'Works Number']);
  expect(csv.data).toHaveLength(count);
  const names = new Set(csv.data.map((r) => `${r.Name} ${r.Surname}`));
  for (const p of pending) expect(names.has(p.name)).toBe(false);
  for (const r of csv.data) expect(ready.some((x) => x.name === `${r.Name} ${r.Surname}`)).toBe(true);
  const hash = sha256(file);
  await expect(page.getByTestId('export-notice')).toContainText(`SHA-256 ${hash}`);
  await expect(page.getByTestId('pack-summary')).toContainText('Nothing has changed since the export of');
  await shot(page, 'export-done');

  // The Exports history: when, format, who, how many, the same hash.
  await page.getByRole('tab', { name: 'Exports' }).click();
  const row = page.getByTestId('export-row').first();
  await expect(row).toContainText('BrightPay');
  await expect(row.getByTestId('export-hash')).toHaveText(hash);
  await expect(row).toContainText(String(count));
  await shot(page, 'exports-history');

  // In Personio, someone's bank details change; after the next sync the home page says a change awaits the pay run.
  const target = acmeStaff.find((p) => ready.some((r) => r.name === `${p.firstName} ${p.lastName}`))!;
  personio.setPeople(acmeStaff.map((p) => (p === target ? { ...p, sortCode: '40-47-84' } : p)));
  await callApi(server.url, 'sync.company', { companyId: acme.id });
  await page.getByRole('button', { name: '← All companies' }).click();
  await expect(acmeRow.getByTestId('count-changes')).toContainText('1');
  await expect(acmeRow.getByTestId('count-changes')).toContainText('1 bank');
  // The attention strip says it too, one click from the changes.
  await expect(page.getByTestId('attention-bank')).toContainText(
    'Acme Ltd: 1 employee’s bank details changed since the last export.',
  );
  await expect(page.getByTestId('attention-awaiting')).toContainText(
    '1 employee across 1 company changed since the last export',
  );
  await shot(page, 'home-changes-awaiting');

  await expect(acmeRow.getByRole('button', { name: /changes awaiting the next pay run/ })).toBeVisible();
  // The strip's button opens the changes pack, the bank change first and loud (as the count does).
  await page.getByTestId('attention-bank').getByRole('button', { name: 'See the changes' }).click();
  await expect(page.getByTestId('bank-flags')).toContainText(
    `${target.firstName} ${target.lastName}: Sort code changed on`,
  );
  await expect(page.getByTestId('bank-flags')).toContainText('confirm with the employee before paying');
  await expect(page.getByTestId('pack-changed')).toContainText('404784');
  await shot(page, 'changes-pack-bank');

  // The Pending report, as the PDF a clerk emails to the client's HR contact.
  await page.getByRole('button', { name: '← Back to employees' }).click();
  const pdfDl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pending report (PDF)' }).click();
  const pdf = join(downloads, (await pdfDl).suggestedFilename());
  await (await pdfDl).saveAs(pdf);
  expect(pdf).toMatch(/Acme-Ltd-employees-waiting-for-HR-details-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const p of pending) expect(text).toContain(p.name);
  for (const r of ready) expect(text).not.toContain(r.name);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, test.info().outputPath('pending-report')]);

  // Search across companies: by name finds Beta's employee, by NI number finds Acme's.
  await page.getByRole('button', { name: '← All companies' }).click();
  const betaPerson = betaStaff.find((p) => p.expectedProblems.length === 0 && !p.isLeaver) as SamplePerson;
  await page.getByLabel('Find an employee in any company').fill(betaPerson.lastName);
  const hit = page.getByTestId('search-hit').filter({ hasText: `${betaPerson.firstName} ${betaPerson.lastName}` });
  await expect(hit).toContainText('Beta Ltd');
  await shot(page, 'search-by-name');
  await page
    .getByLabel('Find an employee in any company')
    .fill(`${target.niNumber!.slice(0, 2)} ${target.niNumber!.slice(2, 8)}`);
  await expect(
    page.getByTestId('search-hit').filter({ hasText: `${target.firstName} ${target.lastName}` }),
  ).toContainText('Acme Ltd · ');
  await expect(page.getByTestId('search-hit').first()).toContainText('matched by NI number');
  await shot(page, 'search-by-ni');
  await page.getByTestId('search-hit').first().click();
  await expect(page.getByTestId('employee-detail')).toContainText(`${target.firstName} ${target.lastName}`);
});

test('a custom CSV layout: columns chosen, renamed and reordered by the bureau, saved for the company, and the file follows it', async ({
  page,
  server,
}) => {
  const acme = await callApi(server.url, 'companies.create', {
    name: 'Acme Ltd',
    credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
    baseUrl: personio.baseUrl,
  });
  await callApi(server.url, 'companies.review', { companyId: acme.id });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Acme Ltd', exact: true }).click();
  await page.getByRole('button', { name: 'Export for payroll…' }).click();
  await page.getByTestId('payroll-format').selectOption('custom');

  // The starting layout, changed: the first heading renamed, Title removed, Surname moved before Forename, ISO dates.
  await page.getByLabel('Column 1: heading').fill('Emp Code');
  await expect(page.getByLabel('Column 2: value')).toHaveValue('title');
  await page.getByRole('button', { name: 'Remove column 2' }).click();
  await expect(page.getByLabel('Column 3: value')).toHaveValue('lastName');
  await page.getByRole('button', { name: 'Move column 3 up' }).click();
  await page.getByLabel('Dates').selectOption('yyyy-mm-dd');
  await page.getByRole('button', { name: 'Add column' }).click();
  await page.getByLabel('Column 14: value').selectOption('department');
  await page.getByLabel('Column 14: heading').fill('Dept');
  await shot(page, 'custom-layout-editor');
  await page.getByRole('button', { name: 'Save payroll software' }).click();
  await expect(page.getByTestId('payroll-software')).toHaveText('Custom CSV layout (Moneysoft, IRIS Earnie, others)');

  // Saved for the company: a fresh page finds it again.
  await page.reload();
  await page.getByRole('button', { name: 'Acme Ltd', exact: true }).click();
  await page.getByRole('button', { name: 'Export for payroll…' }).click();
  await expect(page.getByTestId('payroll-software')).toHaveText('Custom CSV layout (Moneysoft, IRIS Earnie, others)');

  const count = num(await page.getByTestId('export-count').textContent());
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export ${count} Ready employees` }).click();
  const file = test.info().outputPath((await dl).suggestedFilename());
  await (await dl).saveAs(file);
  expect(file).toMatch(/Acme-Ltd-custom-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  expect(csv.meta.fields).toEqual([
    'Emp Code',
    'Surname',
    'Forename',
    'Date of Birth',
    'Gender',
    'NI Number',
    'NI Category',
    'Tax Code',
    'Week1/Month1',
    'Start Date',
    'Leave Date',
    'Sort Code',
    'Account Number',
    'Dept',
  ]);
  expect(csv.data).toHaveLength(count);
  for (const r of csv.data) expect(r['Date of Birth']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await shot(page, 'custom-layout-exported');
});
