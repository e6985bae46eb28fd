import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmployeeRow } from '../../src-main/contract/employees';
import { expect, shot, test } from './fixtures';
import { callApi } from './support/api';
import { binaryPdf, PAYSLIP_VENDORS, type PayslipVendor } from './support/payslip-vendors';

/** A name the file-name matcher reads back as the person ("Jane_Smith.pdf"): letters and one space. */
const plainName = (r: EmployeeRow) => /^[A-Za-z]+ [A-Za-z]+$/.test(r.name);

/** Sets up the company through the API (the wizard has its own tests) and picks three current employees. */
async function companyWithEmployees(serverUrl: string, v: PayslipVendor) {
  const { id } = await callApi(serverUrl, 'companies.create', {
    name: v.company,
    credentials: v.credentials,
    baseUrl: v.baseUrl(),
  });
  await callApi(serverUrl, 'companies.review', { companyId: id });
  const { rows } = await callApi(serverUrl, 'employees.list', { companyId: id, status: 'all', limit: 50 });
  const current = rows.filter((r) => r.state === 'active');
  const a = current[0];
  const b = current.find((r) => r !== a && plainName(r));
  const c = current.find((r) => r !== a && r !== b);
  if (!a || !b || !c) throw new Error(`${v.company} has too few current employees for the payslip journey`);
  return { a, b, c };
}

for (const make of PAYSLIP_VENDORS) {
  const v = make();
  test.describe(`payslips via ${v.label}`, () => {
    let dir: string;
    test.beforeAll(async () => {
      await v.start();
      dir = mkdtempSync(join(tmpdir(), `bureau-payslips-${v.label.toLowerCase()}-`));
    });
    test.afterAll(async () => {
      await v.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test(`payslips (${v.label}): match a folder, choose the person for a file, send, a fault mid-run, retry failed, history, nothing delivered twice`, async ({
      page,
      server,
    }) => {
      const { a, b, c } = await companyWithEmployees(server.url, v);
      // Binary PDFs (bytes that are not UTF-8), each a different length, so what arrived can be told apart.
      const files = [
        { name: `${a.identity}_2026-03.pdf`, who: a, bytes: binaryPdf('a', 0) }, // by employee ID
        { name: `${b.name.replace(/ /g, '_')}.pdf`, who: b, bytes: binaryPdf('bb', 300) }, // by name
        { name: 'scan-0042.pdf', who: c, bytes: binaryPdf('ccc', 700) }, // nobody: a person must choose
      ];
      for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
      writeFileSync(join(dir, 'notes.txt'), 'not a payslip');

      await page.goto(server.url);
      await page.getByRole('button', { name: v.company, exact: true }).click();
      await page.getByRole('tab', { name: 'Payslips' }).click();

      // Off by default for a company: the reason in words and a way to switch it on.
      await expect(page.getByTestId('payslips-off')).toContainText(
        `Sending payslips through ${v.label} is switched off`,
      );
      await page.getByRole('button', { name: 'Switch it on' }).click();
      const category = page.getByLabel('Category in the HR system');
      if (v.category.freeText) await expect(category).toHaveValue(v.category.name);
      else await expect(category.locator('option:checked')).toHaveText(v.category.name);

      await page.getByLabel('Pay date').fill('31/03/2026');
      await page.getByLabel('Folder with the payslip PDFs').fill(dir);
      await page.getByRole('button', { name: 'Match files' }).click();
      await expect(page.getByTestId('match-summary')).toHaveText(
        '2 matched · 1 needs a person · 1 problem file (not sent)',
      );
      const file = (name: string) => page.getByTestId('payslip-file').filter({ hasText: name });
      await expect(file(files[0]!.name)).toContainText(a.name);
      await expect(file(files[1]!.name)).toContainText(b.name);
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
      await shot(page, `payslips-${v.label}-matched`);

      // The HR system's upload breaks after the first payslip: one delivered, two failed, each says why.
      v.onUpload((stored) => {
        if (stored === 1) v.faults().serverError = { count: 1000, paths: [v.uploadPath] };
      });
      await page.getByRole('button', { name: 'Send 3 payslips' }).click();
      const summary = page.getByTestId('payslip-send-summary');
      await expect(summary).toContainText('2 payslips did not go through; 1 payslip did.', { timeout: 90_000 });
      const results = page.getByTestId('payslip-result');
      await expect(results.and(page.locator('[data-status="delivered"]'))).toHaveCount(1);
      await expect(results.and(page.locator('[data-status="delivered"]'))).toContainText(
        `documents in ${v.label} in "${v.category.name}".`,
      );
      await expect(results.and(page.locator('[data-status="failed"], [data-status="unknown"]'))).toHaveCount(2);
      await expect(results.filter({ hasText: 'notes.txt' })).toContainText('Not sent');
      expect(v.received()).toHaveLength(1);
      await shot(page, `payslips-${v.label}-fault-mid-run`);

      // The HR system recovers: Retry failed delivers the other two.
      v.faults().serverError = { count: 0 };
      v.onUpload(undefined);
      await summary.getByRole('button', { name: 'Retry failed' }).click();
      await expect(summary).toContainText('2 payslips delivered', { timeout: 90_000 });
      await expect(results.and(page.locator('[data-status="delivered"]'))).toHaveCount(2);
      const history = page.getByTestId('payslip-history');
      await expect(history.getByTestId('payslip-delivery').filter({ hasText: 'Delivered' })).toHaveCount(3);
      await expect(history.getByTestId('payslip-delivery').filter({ hasText: /Failed|Not confirmed/ })).toHaveCount(2);
      await expect(history).toContainText('31/03/2026');
      await shot(page, `payslips-${v.label}-delivered`);

      // What arrived at the HR system: each payslip once, for the right person, byte for byte.
      const arrived = v.received();
      expect(
        arrived
          .map((r) => ({ employee: r.employee, fileName: r.fileName, category: r.category, length: r.bytes.length }))
          .sort((x, y) => x.fileName.localeCompare(y.fileName)),
      ).toEqual(
        files
          .map((f) => ({ employee: f.who.hrId, fileName: f.name, category: v.category.name, length: f.bytes.length }))
          .sort((x, y) => x.fileName.localeCompare(y.fileName)),
      );
      for (const f of files) expect(arrived.find((r) => r.fileName === f.name)?.bytes.equals(f.bytes)).toBe(true);

      // Matching and sending again delivers nothing twice.
      await page.getByRole('button', { name: 'Match files' }).click();
      for (const f of files) await expect(file(f.name)).toContainText('Already delivered');
      await page.getByRole('button', { name: 'Send 3 payslips' }).click();
      await expect(summary).toContainText('3 payslips delivered; 1 file not sent.', { timeout: 60_000 });
      await expect(results.and(page.locator('[data-status="alreadyDelivered"]'))).toHaveCount(3);
      expect(v.received()).toHaveLength(3);
    });
  });
}
