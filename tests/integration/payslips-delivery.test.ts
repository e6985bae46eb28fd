import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { call } from '../helpers/core';
import {
  connectForPayslips,
  folder,
  payslipCore,
  payslipsFor,
  pdf,
  startPayslipVendor,
  VENDORS,
  type PayslipVendor,
} from './payslips-vendors';

let core: Core | null = null;
let vendor: PayslipVendor | null = null;
afterEach(async () => {
  await core?.close();
  await vendor?.fake.close();
  core = null;
  vendor = null;
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(VENDORS)('payslips into %s', (provider) => {
  it('matches the folder, delivers each payslip into the right person’s documents with the chosen category, and never twice', async () => {
    vendor = await startPayslipVendor(provider);
    core = payslipCore();
    const companyId = await connectForPayslips(core, vendor);
    const staff = vendor.staff.slice(0, 4);
    const files = payslipsFor(staff);
    const dir = folder({ ...files, 'summary.csv': 'employee,net\n', 'Unknown Person.pdf': pdf('nobody') });

    const match = await call(core, 'payslips.match', { companyId, payDate: '2026-03-31', dir });
    expect(match.counts).toMatchObject({ matched: 4, unmatched: 1, notPdf: 1 });
    for (const [i, p] of staff.entries()) {
      const name = Object.keys(files)[i]!;
      const m = match.files.find((f) => f.file === name)!;
      expect(m.status).toBe('matched');
      expect(m.employee?.externalId).toBe(vendor.externalId(p));
    }

    const sent = await call(core, 'payslips.send', {
      companyId,
      payDate: '2026-03-31',
      dir,
      categoryId: vendor.category.id,
    });
    expect(sent.counts).toMatchObject({ delivered: 4, failed: 0, unknown: 0, notSent: 2 });
    expect(sent.category).toEqual(vendor.category);
    const arrived = vendor.arrived();
    expect(arrived).toHaveLength(4);
    for (const [name, bytes] of Object.entries(files)) {
      const r = sent.results.find((x) => x.file === name)!;
      const got = arrived.filter((a) => a.name === name);
      expect(got).toHaveLength(1);
      expect(got[0]!.employee).toBe(r.employee!.externalId);
      expect(got[0]!.category).toBe(vendor.category.id);
      expect(sha(got[0]!.bytes)).toBe(sha(bytes));
      expect(r.message).toContain('Delivered');
    }
    expect(sent.results.find((r) => r.file === 'summary.csv')).toMatchObject({
      status: 'notSent',
      message: expect.stringContaining('Not a PDF'),
    });

    // A repeated run (the same folder, or a re-export of it) delivers nothing twice.
    const again = await call(core, 'payslips.send', {
      companyId,
      payDate: '2026-03-31',
      dir,
      categoryId: vendor.category.id,
    });
    expect(again.counts).toMatchObject({ delivered: 0, alreadyDelivered: 4 });
    expect(vendor.arrived()).toHaveLength(4);
    const preview = await call(core, 'payslips.match', { companyId, payDate: '2026-03-31', dir });
    expect(preview.files.filter((f) => f.alreadyDelivered)).toHaveLength(4);

    const history = await call(core, 'payslips.history', { companyId });
    expect(history).toHaveLength(4);
    expect(history.every((h) => h.status === 'delivered' && h.payDate === '2026-03-31' && h.sha256.length === 64)).toBe(
      true,
    );
  });

  it('delivers an unmatched file to the employee the user picks, and leaves out a file the user excludes', async () => {
    vendor = await startPayslipVendor(provider);
    core = payslipCore();
    const companyId = await connectForPayslips(core, vendor);
    const dir = folder({ 'Payslip March (1).pdf': pdf('one'), 'Payslip March (2).pdf': pdf('two') });
    const target = vendor.staff[2]!;
    const employeeId = core.reports.employeeIdByHrId(companyId, vendor.externalId(target));
    const overrides = { 'Payslip March (1).pdf': employeeId, 'Payslip March (2).pdf': null };

    const match = await call(core, 'payslips.match', { companyId, payDate: '2026-04-30', dir, overrides });
    expect(match.files.map((f) => [f.file, f.status, f.matchedBy])).toEqual([
      ['Payslip March (1).pdf', 'matched', 'override'],
      ['Payslip March (2).pdf', 'excluded', null],
    ]);
    const sent = await call(core, 'payslips.send', {
      companyId,
      payDate: '2026-04-30',
      dir,
      overrides,
      categoryId: vendor.category.id,
    });
    expect(sent.counts).toMatchObject({ delivered: 1, notSent: 1 });
    expect(vendor.arrived().map((a) => [a.name, a.employee])).toEqual([
      ['Payslip March (1).pdf', vendor.externalId(target)],
    ]);
  });
});
