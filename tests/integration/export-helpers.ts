import Papa from 'papaparse';
import type { Core } from '../../src-main/core/app';
import { call } from '../helpers/core';
import { connect, settle, type VendorFake } from './sync-rules-vendors';

/**
 * A company on a fake HR system set up as a bureau would before exporting: PeopleHR keeps the tax code, NI
 * letter, student loan and starter declaration in its API columns (the fake's layout), and pay frequency comes
 * with the salary, so salaries sync there.
 */
export async function connectForExport(core: Core, v: VendorFake, name?: string): Promise<string> {
  const id = await connect(core, v, name);
  if (v.provider === 'peoplehr') {
    await call(core, 'mapping.set', {
      companyId: id,
      mapping: {
        taxCode: 'APIColumn1',
        niCategory: 'APIColumn2',
        studentLoanPlan: 'APIColumn3',
        starterDeclaration: 'APIColumn4',
      },
    });
    await settle(core, id);
    await call(core, 'settings.set', { companyId: id, patch: { syncSalaries: true } });
    await settle(core, id);
    const run = await call(core, 'sync.company', { companyId: id });
    if (run.status !== 'succeeded') throw new Error(`sync ${run.status}: ${run.error?.message ?? ''}`);
  }
  return id;
}

/** A CSV file read back as a payroll import would: its headings and its rows by heading. */
export function readCsv(bytes: Buffer | string): { header: string[]; rows: Array<Record<string, string>> } {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`CSV did not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

/** Every current employee's payroll Employee ID by readiness, from the app's own records. */
export function readiness(core: Core, companyId: string): { ready: Set<string>; pending: Set<string> } {
  const ready = new Set<string>();
  const pending = new Set<string>();
  for (const e of core.reports.employees(companyId)) {
    if (e.state !== 'active' && e.state !== 'leaver') continue;
    (e.readiness === 'ready' ? ready : pending).add(e.fields.employeeId ?? e.employeeId);
  }
  return { ready, pending };
}
