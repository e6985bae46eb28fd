import {
  EXPORT_FORMAT_NAMES,
  type ChangedEmployee,
  type ChangesPack,
  type PackChange,
  type PackEmployee,
  type PackFlag,
} from '../../contract/exports';
import { PAYROLL_FIELD_LABELS, type PayrollField, type Problem } from '../../contract/payroll';
import type { HandOffEmployee, PayrollExportRepository } from '../db/repositories/payroll-exports';
import { blockingReasons } from './build';

/** Payroll diversion fraud arrives as a change of bank details: these changes are flagged before anyone is paid. */
const BANK_FIELDS: readonly PayrollField[] = ['sortCode', 'accountNumber', 'accountName'];
/** What HMRC matches an employment on; changing them (or more than one at once) is how duplicate employments start. */
const IDENTITY_FIELDS: readonly PayrollField[] = ['firstName', 'lastName', 'dateOfBirth', 'gender', 'niNumber'];

// UK dates of sync times, formatters made when first needed (Intl objects cost milliseconds at every start-up).
let ukDayFormat: Intl.DateTimeFormat | undefined;
let ukDayTimeFormat: Intl.DateTimeFormat | undefined;
export const ukDay = (iso: string): string =>
  (ukDayFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  })).format(new Date(iso));
export const ukDayTime = (iso: string): string =>
  (ukDayTimeFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }))
    .format(new Date(iso))
    .replace(',', '');

const pack = (e: HandOffEmployee): PackEmployee => ({
  employeeId: e.id,
  identity: e.identity,
  name: e.name,
  state: e.state,
});
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** "Sort code and account number", "First name, last name and date of birth". */
function listLabels(fields: PayrollField[]): string {
  const labels = fields.map((f, i) => (i === 0 ? PAYROLL_FIELD_LABELS[f] : lower(PAYROLL_FIELD_LABELS[f])));
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Each field's change since the export, collapsed: as exported → as now; a change undone since is no change. */
function collapse(
  changes: Array<{ field: PayrollField; from: string | null; to: string | null; at: string }>,
): PackChange[] {
  const byField = new Map<PayrollField, PackChange>();
  for (const c of changes) {
    const seen = byField.get(c.field);
    if (seen) {
      seen.to = c.to;
      seen.at = c.at;
    } else
      byField.set(c.field, {
        field: c.field,
        label: PAYROLL_FIELD_LABELS[c.field] ?? c.field,
        from: c.from,
        to: c.to,
        at: c.at,
      });
  }
  return [...byField.values()].filter((c) => c.from !== c.to);
}

function flagsFor(changes: PackChange[]): PackFlag[] {
  const flags: PackFlag[] = [];
  const bank = changes.filter((c) => BANK_FIELDS.includes(c.field));
  if (bank.length) {
    const last = bank
      .map((c) => c.at)
      .sort()
      .at(-1)!;
    flags.push({
      kind: 'bank',
      message: `${listLabels(bank.map((c) => c.field))} changed on ${ukDay(last)} — confirm with the employee before paying: payroll diversion fraud arrives as a bank-detail change.`,
    });
  }
  const identity = changes.filter((c) => IDENTITY_FIELDS.includes(c.field));
  if (identity.length) {
    const last = identity
      .map((c) => c.at)
      .sort()
      .at(-1)!;
    const what = `${listLabels(identity.map((c) => c.field))} changed on ${ukDay(last)}`;
    flags.push({
      kind: 'identity',
      message:
        identity.length > 1
          ? `${what} — more than one identity detail changing at once is a known cause of duplicate employments at HMRC: update the existing employee in the payroll software, never add them again.`
          : `${what} — update the existing employee in the payroll software (never add them again): HMRC matches employments on these details.`,
    });
  }
  return flags;
}

/** A new starter who looks like someone exported before under another employee ID: a duplicate employment in the making. */
function duplicateFlags(e: HandOffEmployee, exportedBefore: HandOffEmployee[]): PackFlag[] {
  const v = e.values;
  const name = `${v.firstName ?? ''} ${v.lastName ?? ''}`.trim().toLowerCase();
  for (const o of exportedBefore) {
    if (o.id === e.id) continue;
    const sameNi = v.niNumber !== null && v.niNumber === o.values.niNumber;
    const sameNameDob =
      v.dateOfBirth !== null &&
      v.dateOfBirth === o.values.dateOfBirth &&
      name !== '' &&
      name === `${o.values.firstName ?? ''} ${o.values.lastName ?? ''}`.trim().toLowerCase();
    if (!sameNi && !sameNameDob) continue;
    return [
      {
        kind: 'possibleDuplicate',
        message: `${sameNi ? 'Same NI number as' : 'Same name and date of birth as'} ${o.name} (employee ID ${o.identity}), exported before: if this is the same person under a new employee ID, give the payroll software the old payroll ID instead of adding a new employee, or HMRC will see a duplicate employment.`,
      },
    ];
  }
  return [];
}

/**
 * What the next pay run must take in since the last export, built on the field history (field_changes): new
 * starters, leavers, and every payroll field changed since the export that last held each employee, as exported
 * → as now. Changes reach the file only for Ready employees; whoever was exported and is now left out is listed.
 */
export function changesPack(
  repo: PayrollExportRepository,
  companyId: string,
  current: HandOffEmployee[],
  problems: Map<number, Problem[]>,
): { pack: ChangesPack; ids: Set<number> } {
  const last = repo.last(companyId);
  const baselines = repo.baselines(companyId);
  const ready = current.filter((e) => e.readiness === 'ready');
  const currentById = new Map(current.map((e) => [e.id, e]));
  const ids = new Set<number>();

  const exportedIds = [...baselines.values()].filter((b) => b.included).map((b) => b.employeeId);
  const gone = repo.byIds(exportedIds.filter((id) => !currentById.has(id)));
  const exportedBefore = exportedIds
    .map((id) => currentById.get(id) ?? gone.get(id))
    .filter((e): e is HandOffEmployee => e !== undefined);

  const newStarters: ChangesPack['newStarters'] = [];
  const leavers: ChangesPack['leavers'] = [];
  const byEmployee = new Map<
    number,
    Array<{ field: PayrollField; from: string | null; to: string | null; at: string }>
  >();
  for (const c of repo.changesSinceExport(companyId)) {
    const list = byEmployee.get(c.employeeId) ?? [];
    list.push(c);
    byEmployee.set(c.employeeId, list);
  }

  for (const e of ready) {
    const base = baselines.get(e.id);
    // Never received by the payroll software: a new starter, unless the last file refused them and nothing changed since.
    if (!base?.included) {
      if (base?.refused && collapse(byEmployee.get(e.id) ?? []).length === 0) continue;
      newStarters.push({
        employee: pack(e),
        startDate: e.values.startDate,
        leaveDate: e.values.leaveDate,
        flags: duplicateFlags(e, exportedBefore),
      });
      ids.add(e.id);
    } else if (e.state === 'leaver' && base.included.state !== 'leaver') {
      leavers.push({ employee: pack(e), leaveDate: e.values.leaveDate });
      ids.add(e.id);
    }
  }

  const changed: ChangedEmployee[] = [];
  for (const [id, list] of byEmployee) {
    const e = currentById.get(id);
    if (!e || e.readiness !== 'ready' || !baselines.get(id)?.included) continue;
    const changes = collapse(list);
    if (changes.length === 0) continue;
    changed.push({ employee: pack(e), changes, flags: flagsFor(changes) });
    ids.add(id);
  }
  changed.sort((a, b) => a.employee.name.localeCompare(b.employee.name, 'en-GB'));

  const noLongerReady: ChangesPack['noLongerReady'] = [];
  for (const id of exportedIds) {
    const e = currentById.get(id);
    if (e?.readiness === 'ready') continue;
    const who = e ?? gone.get(id);
    if (!who) continue;
    const reason = e
      ? `Pending, so left out: ${blockingReasons(problems.get(id)).join('; ')}`
      : who.state === 'excluded'
        ? 'Excluded by the company’s filters since it was last exported, so left out'
        : 'No longer in the HR system (missing) since it was last exported, so left out';
    noLongerReady.push({ employee: pack(who), reason });
  }
  noLongerReady.sort((a, b) => a.employee.name.localeCompare(b.employee.name, 'en-GB'));

  const bank = changed.filter((c) => c.flags.some((f) => f.kind === 'bank')).length;
  const since = last ? { exportId: last.id, at: last.at, format: last.format } : null;
  const summary = !since
    ? `Not exported yet: the first export loads every Ready employee (${ready.length.toLocaleString('en-GB')}).`
    : ids.size === 0
      ? `Nothing has changed since the export of ${ukDayTime(since.at)} (${EXPORT_FORMAT_NAMES[since.format]}).`
      : `${plural(ids.size, 'employee')} to update since the export of ${ukDayTime(since.at)}: ${plural(newStarters.length, 'new starter')}, ${plural(leavers.length, 'leaver')}, ${changed.length} with changed details${bank ? `; ${plural(bank, 'bank detail change')} to confirm with the employee before paying` : ''}.`;
  return { pack: { companyId, since, newStarters, leavers, changed, noLongerReady, total: ids.size, summary }, ids };
}
