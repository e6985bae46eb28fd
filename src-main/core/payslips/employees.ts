import type { FieldInfo } from '../../contract/providers';
import type { StoredEmployee } from '../db/repositories/employees';
import { normaliseLabel } from '../mapping/label-match';
import type { MatchEmployee } from './match';

/**
 * The synced employees a payslip can be for, with every ID a bureau may put in a file name: the company's
 * employee ID, the HR system's own id, and any HR field labelled as a payroll or employee number.
 * People no longer in the HR system ("missing") cannot receive documents there, so they are left out.
 */
/** A field that is the person's own number: "Payroll ID", "Employee number" (never "Reports to employee ID"). */
const PAYROLL_ID_LABEL =
  /^(payroll|employee|staff|personnel|works)\s*(id|number|no|num|nr|ref|reference)$|^personalnummer$/;

export function matchEmployees(stored: Iterable<StoredEmployee>, catalogue: FieldInfo[]): MatchEmployee[] {
  const payrollKeys = catalogue.filter((f) => PAYROLL_ID_LABEL.test(normaliseLabel(f.label))).map((f) => f.key);
  const out: MatchEmployee[] = [];
  for (const e of stored) {
    if (e.state === 'missing') continue;
    let fields: Record<string, string | null> = {};
    try {
      fields = (JSON.parse(e.recordJson) as { fields?: Record<string, string | null> }).fields ?? {};
    } catch {
      /* an unreadable stored record still matches by its ids and name */
    }
    const ids: MatchEmployee['ids'] = [];
    const add = (value: string | null | undefined, kind: 'employeeId' | 'payrollId') => {
      if (value && value.trim() !== '' && !ids.some((i) => i.value === value.trim()))
        ids.push({ value: value.trim(), kind });
    };
    add(e.identity, 'employeeId');
    add(e.values.employeeId, 'employeeId');
    add(e.hrId, 'employeeId');
    for (const k of payrollKeys) add(fields[k], 'payrollId');
    const [first, ...rest] = e.name.split(/\s+/);
    out.push({
      employeeId: e.id,
      externalId: e.hrId,
      identity: e.identity,
      name: e.name,
      state: e.state,
      ids,
      firstName: e.values.firstName ?? first ?? '',
      lastName: e.values.lastName ?? rest.join(' '),
    });
  }
  return out;
}
