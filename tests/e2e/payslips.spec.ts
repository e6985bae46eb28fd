import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { PERSONIO_FAKE_CREDENTIALS, startFakePersonio, type RunningFakePersonio } from '../../src-main/fake-hr/personio';
import { expect, shot, test } from './fixtures';
import { callApi } from './support/api';

let fake: RunningFakePersonio;
let dir: string;
test.beforeAll(async () => {
  fake = await startFakePersonio({ people: generatePeople({ count: 12, seed: 21 }) });
  dir = mkdtempSync(join(tmpdir(), 'bureau-payslips-'));
});
test.afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('payslips: match a folder, choose the person for an unmatched file, send with a result per file, retry failed, history', async ({ page, server }) => {
  const { id } = await callApi(server.url, 'companies.create', {
    name: 'Lark & Co Accountants',
    credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
    baseUrl: fake.baseUrl,
  });
  await callApi(server.url, 'companies.review', { companyId: id });
  const { rows } = await callApi(server.url, 'employees.list', { companyId: id, status: 'all', limit: 5 });
  const [a, b, c] = rows;
  if (!a || !b || !c) throw new Error('The company has too few employees');
  const pdf = Buffer.from('%PDF-1.4\n% a payslip\n');
  writeFileSync(join(dir, `${a.identity}_2026-03.pdf`), pdf); // by employee ID
  writeFileSync(join(dir, `${b.name.replace(/ /g, '_')}.pdf`), pdf); // by name
  writeFileSync(join(dir, 'scan-0042.pdf'), pdf); // nobody: a person must choose
  writeFileSync(join(dir, 'notes.txt'), 'not a payslip');

  await page.goto(server.url);
  await page.getByRole('button', { name: 'Lark & Co Accountants', exact: true }).click();
  await page.getByRole('tab', { name: 'Payslips' }).click();

  // Off by default for a company: the reason in words and a way to switch it on.
  await expect(page.getByTestId('payslips-off')).toContainText('Sending payslips through Personio is switched off');
  await page.getByRole('button', { name: 'Switch it on' }).click();
  await expect(page.getByLabel('Category in the HR system')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Category in the HR system').locator('option:checked')).toHaveText('Payslips');

  await page.getByLabel('Pay date').fill('31/03/2026');
  await page.getByLabel('Folder with the payslip PDFs').fill(dir);
  await page.getByRole('button', { name: 'Match files' }).click();
  await expect(page.getByTestId('match-summary')).toHaveText('2 matched · 1 needs a person · 1 problem file (not sent)');
  const file = (name: string) => page.getByTestId('payslip-file').filter({ hasText: name });
  await expect(file(`${a.identity}_2026-03.pdf`)).toContainText(a.name);
  await expect(file('notes.txt')).toContainText('Not a PDF file, so it will not be sent.');
  await expect(file('scan-0042.pdf')).toContainText('choose who it is for');

  // Choose the person for the unmatched file by searching the company's employees.
  const surname = c.name.split(' ').pop() ?? c.name;
  await file('scan-0042.pdf').getByRole('searchbox').fill(surname);
  const pick = page.getByLabel('Employee for scan-0042.pdf', { exact: true });
  await expect(pick.locator('option', { hasText: c.name })).toHaveCount(1);
  await pick.selectOption({ label: `${c.name} (${c.identity})` });
  await expect(page.getByTestId('match-summary')).toHaveText('3 matched · 1 problem file (not sent)');
  await expect(file('scan-0042.pdf')).toContainText(c.name);
  await shot(page, 'payslips-matched');

  // Personio's upload breaks: every file fails, each says why in words.
  fake.faults.serverError = { count: 1000, paths: ['/v1/company/documents'] };
  await page.getByRole('button', { name: 'Send 3 payslips' }).click();
  const summary = page.getByTestId('payslip-send-summary');
  await expect(summary).toContainText('3 payslips did not go through', { timeout: 60_000 });
  await expect(page.getByTestId('payslip-result').filter({ hasText: 'scan-0042.pdf' })).toContainText('Failed');
  await expect(page.getByTestId('payslip-result').filter({ hasText: 'notes.txt' })).toContainText('Not sent');
  await shot(page, 'payslips-failed');

  // Personio recovers: Retry failed delivers them.
  fake.faults.serverError = { count: 0 };
  await summary.getByRole('button', { name: 'Retry failed' }).click();
  await expect(summary).toContainText('3 payslips delivered', { timeout: 60_000 });
  await expect(page.getByTestId('payslip-result').filter({ hasText: `${b.name.replace(/ /g, '_')}.pdf` })).toContainText(`Delivered to ${b.name}'s documents in Personio in "Payslips".`);
  const history = page.getByTestId('payslip-history');
  await expect(history.getByTestId('payslip-delivery').filter({ hasText: 'Delivered' })).toHaveCount(3);
  await expect(history).toContainText('31/03/2026');
  await expect(history.getByTestId('payslip-delivery').filter({ hasText: 'Failed' }).first()).toBeVisible();
  await shot(page, 'payslips-delivered');

  // Sending again never delivers twice.
  await page.getByRole('button', { name: 'Match files' }).click();
  await expect(file(`${a.identity}_2026-03.pdf`)).toContainText('Already delivered');
});
