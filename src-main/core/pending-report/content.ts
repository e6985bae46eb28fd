import type { Mapping } from '../../contract/mapping';
import { PAYROLL_FIELD_LABELS, type Problem } from '../../contract/payroll';
import { PROVIDER_NAMES, type FieldInfo, type RealProvider } from '../../contract/providers';
import type { HandOffEmployee } from '../db/repositories/payroll-exports';
import { WHERE_TO_FIX } from '../hr/where-to-fix';
import { ukDate } from '../exports/encode';

/**
 * The Pending report a bureau emails to a client's HR contact as it is: every Pending employee with each
 * blocking problem in plain words, what the HR system holds, and where to fix it in that HR system; warnings
 * apart. No internal field keys and no vendor record IDs: the reader knows the HR system's screens, not ours.
 */
export interface ReportItem {
  /** The payroll detail, and the HR system's own name for the field when it differs. */
  detail: string;
  problem: string;
  holds: string;
  fix: string;
}

export interface ReportEntry {
  name: string;
  /** Job title · department · start date (and the employee ID where it is the client's own number). */
  about: string;
  items: ReportItem[];
}

export interface PendingReportContent {
  company: string;
  vendor: string;
  /** ISO date the report was made. */
  date: string;
  pending: ReportEntry[];
  warnings: ReportEntry[];
}

export interface ReportInput {
  company: string;
  provider: RealProvider;
  /** The HR system's internal id is the company's employee ID (Personio and Humaans by default): not shown. */
  showEmployeeId: boolean;
  mapping: Mapping;
  catalogue: FieldInfo[];
  employees: HandOffEmployee[];
  problems: Map<number, Problem[]>;
  today: string;
}

export function pendingReportContent(input: ReportInput): PendingReportContent {
  const vendor = PROVIDER_NAMES[input.provider];
  const how = WHERE_TO_FIX[input.provider];
  const fields = new Map(input.catalogue.map((f) => [f.key, f]));
  // The rules' sentences say "the HR system"; the reader knows it by its name.
  const inVendorWords = (s: string) => s.replace(/the HR system/g, vendor).replace(/^./, (c) => c.toUpperCase());

  function item(p: Problem): ReportItem {
    const payroll = PAYROLL_FIELD_LABELS[p.field] ?? p.field;
    const key = input.mapping[p.field] ?? null;
    const hr = key ? fields.get(key) : undefined;
    const hrLabel = hr?.label ?? null;
    const detail =
      hrLabel && hrLabel.toLowerCase() !== payroll.toLowerCase() ? `${payroll} (${vendor}: “${hrLabel}”)` : payroll;
    const holds = p.value === null || p.value.trim() === '' ? '(blank)' : p.value;
    if (!key) {
      return {
        detail,
        problem:
          p.code === 'missing'
            ? `${payroll} is needed for payroll and is not read from ${vendor} yet.`
            : inVendorWords(p.message),
        holds: p.code === 'missing' ? '(not read)' : holds,
        fix: `Your payroll bureau will tell you which ${vendor} field should hold “${payroll}”.`,
      };
    }
    const label = hrLabel ?? payroll;
    // evaluate.ts's "did not send" case: the field exists, but this connection may not read it.
    if (p.code === 'missing' && p.message.includes('did not send')) {
      return {
        detail,
        problem: `${payroll} is needed for payroll, but ${vendor} did not send “${label}” to Bureau Sync.`,
        holds: '(not sent)',
        fix: `Your payroll bureau will check what Bureau Sync reads from ${vendor}. If they ask you to: ${how.cannotRead(label)}`,
      };
    }
    return {
      detail,
      problem: p.code === 'missing' ? `${payroll} is blank, and payroll needs it.` : `${inVendorWords(p.message)}.`,
      holds,
      fix: how.fix({ label, key, custom: hr?.custom ?? false }),
    };
  }

  function about(e: HandOffEmployee): string {
    const v = e.values;
    return [
      v.jobTitle,
      v.department,
      v.startDate ? `started ${ukDate(v.startDate)}` : null,
      e.state === 'leaver' ? `left ${ukDate(v.leaveDate)}` : null,
      input.showEmployeeId ? `employee ID ${e.identity}` : null,
    ]
      .filter((s): s is string => !!s)
      .join(' · ');
  }

  const pending: ReportEntry[] = [];
  const warnings: ReportEntry[] = [];
  for (const e of input.employees) {
    if (e.readiness !== 'pending') continue;
    const list = input.problems.get(e.id) ?? [];
    const errors = list.filter((p) => p.severity === 'error');
    const warns = list.filter((p) => p.severity === 'warning');
    pending.push({ name: e.name, about: about(e), items: errors.map(item) });
    if (warns.length) warnings.push({ name: e.name, about: about(e), items: warns.map(item) });
  }
  return { company: input.company, vendor, date: input.today, pending, warnings };
}
