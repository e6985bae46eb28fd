import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call, FakeClock, makeCore } from '../helpers/core';
import { connectForExport, readCsv } from './export-helpers';
import { startVendor, TODAY, VENDORS, type VendorFake } from './sync-rules-vendors';

/**
 * The pay-run pack: after an export, an edit in the HR system (a fake over real HTTP) shows up as exactly
 * that change, as exported → as now; a bank-detail change is flagged; a second export with nothing changed
 * says so; "changes only" files hold exactly the employees who changed.
 */
const open: Array<{ core: Core; v: VendorFake }> = [];
afterEach(async () => {
  for (const { core, v } of open.splice(0)) {
    await core.close();
    await v.fake.close();
  }
});

const ADMIN_NI = /^(CR|FY|MW|NC|OO|PP)/;
const fine = (p: SamplePerson) =>
  p.expectedProblems.length === 0 &&
  !p.isLeaver &&
  p.leaveDate === null &&
  p.workCountry === 'United Kingdom' &&
  p.employmentType !== 'Contractor' &&
  !ADMIN_NI.test(p.niNumber ?? '') &&
  p.studentLoanPlan !== '5';

describe.each(VENDORS)('changes since the last export, %s', (provider) => {
  it('nothing changed says so; an edit shows exactly that change; a sort code change is flagged; changes-only holds exactly who changed', async () => {
    const all = generatePeople({ count: 31, seed: 5, today: TODAY });
    const staff = all.slice(0, 30);
    const v = await startVendor(provider, staff);
    const clock = new FakeClock('2026-12-03T09:00:00Z');
    const core = makeCore({ clock });
    open.push({ core, v });
    const id = await connectForExport(core, v);

    expect((await call(core, 'exports.changes', { companyId: id })).summary).toMatch(
      /^Not exported yet: the first export loads every Ready employee/,
    );
    const first = await call(core, 'exports.create', { companyId: id, format: 'brightpay' });
    expect(first.preview.included).toBeGreaterThan(15);

    clock.advance(3_600_000);
    const nothing = await call(core, 'exports.changes', { companyId: id });
    expect(nothing).toMatchObject({ total: 0, newStarters: [], leavers: [], changed: [] });
    expect(nothing.summary).toBe(
      'Nothing has changed since the export of 03/12/2026 09:00 (BrightPay (Import/Update Employees CSV)).',
    );
    const empty = await call(core, 'exports.create', { companyId: id, format: 'brightpay', changesOnly: true });
    expect(empty.preview).toMatchObject({ nothingChanged: true, included: 0 });
    expect(readCsv(Buffer.from(empty.data, 'base64')).rows).toEqual([]);

    // In the HR system: new bank details for one, a new surname and birth date for another, one leaves, one starts.
    const [bank, renamed, leaving] = staff.filter(fine);
    const starter = all[30]!;
    expect(fine(starter)).toBe(true);
    const edited = staff.map((p) => {
      if (p === bank) return { ...p, sortCode: '11-22-33', accountNumber: '99887766' };
      if (p === renamed) return { ...p, lastName: 'Fairweather', dateOfBirth: '1985-06-15' };
      if (p === leaving) return v.makeLeaver(p);
      return p;
    });
    v.fake.setPeople([...edited, starter]);
    clock.advance(3_600_000);
    expect((await call(core, 'sync.company', { companyId: id })).status).toBe('succeeded');

    const pack = await call(core, 'exports.changes', { companyId: id });
    const byName = (p: SamplePerson) => `${p.firstName} ${p.lastName}`;
    expect(pack.newStarters.map((s) => [s.employee.name, s.startDate])).toEqual([[byName(starter), starter.startDate]]);
    expect(pack.leavers.map((l) => [l.employee.name, l.leaveDate])).toEqual([[byName(leaving!), '2026-10-15']]);

    const bankEntry = pack.changed.find((c) => c.employee.name === byName(bank!))!;
    expect(bankEntry.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['sortCode', bank!.sortCode.replace(/-/g, ''), '112233'],
      ['accountNumber', bank!.accountNumber, '99887766'],
    ]);
    expect(bankEntry.flags).toEqual([
      {
        kind: 'bank',
        message:
          'Sort code and account number changed on 03/12/2026 — confirm with the employee before paying: payroll diversion fraud arrives as a bank-detail change.',
      },
    ]);

    const renamedEntry = pack.changed.find((c) => c.employee.name === `${renamed!.firstName} Fairweather`)!;
    expect(renamedEntry.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['lastName', renamed!.lastName, 'Fairweather'],
      ['dateOfBirth', renamed!.dateOfBirth, '1985-06-15'],
    ]);
    expect(renamedEntry.flags).toEqual([
      {
        kind: 'identity',
        message: expect.stringMatching(
          /^Last name and date of birth changed on 03\/12\/2026 — more than one identity detail .* duplicate employments at HMRC/,
        ),
      },
    ]);

    const leaverEntry = pack.changed.find((c) => c.employee.name === byName(leaving!))!;
    expect(leaverEntry.changes.map((c) => [c.field, c.to])).toContainEqual(['leaveDate', '2026-10-15']);
    // Humaans also closes the leaver's current job role, which the HR system reports as a new job title.
    for (const c of leaverEntry.changes)
      expect(provider === 'humaans' ? ['leaveDate', 'jobTitle', 'department'] : ['leaveDate']).toContain(c.field);
    // Nobody else changed: exactly these three employees, and the starter.
    expect(pack.changed.map((c) => c.employee.employeeId).sort()).toEqual(
      [bankEntry, renamedEntry, leaverEntry].map((c) => c.employee.employeeId).sort(),
    );
    expect(pack.total).toBe(4);
    // Since the last export of all: the changes-only file at 10:00 that held no one.
    expect(pack.summary).toMatch(
      /^4 employees to update since the export of 03\/12\/2026 10:00: 1 new starter, 1 leaver, 3 with changed details; 1 bank detail change to confirm/,
    );

    const changes = await call(core, 'exports.create', { companyId: id, format: 'brightpay', changesOnly: true });
    const rows = readCsv(Buffer.from(changes.data, 'base64')).rows;
    expect(rows.map((r) => `${r.Name} ${r.Surname}`).sort()).toEqual(
      [byName(bank!), `${renamed!.firstName} Fairweather`, byName(leaving!), byName(starter)].sort(),
    );
    expect(rows.find((r) => r.Surname === 'Fairweather')!['Date of Birth']).toBe('15/06/1985');
    expect(rows.find((r) => r.Name === leaving!.firstName && r.Surname === leaving!.lastName)!['Leave Date']).toBe(
      '15/10/2026',
    );

    // Loaded: nothing awaits the next pay run any more.
    const after = await call(core, 'exports.changes', { companyId: id });
    expect(after.total).toBe(0);
    expect(after.summary).toMatch(/^Nothing has changed since the export of 03\/12\/2026 11:00/);
    const counts = await call(core, 'exports.changesCounts', {});
    expect(counts).toEqual([{ companyId: id, count: 0, bankChanges: 0, lastExportAt: changes.record.at }]);
  });
});
