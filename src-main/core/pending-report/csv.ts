import { toCsv } from '../exports/csv';
import type { PendingReportContent } from './content';

/** The Pending report as a spreadsheet: one row per problem, with a byte-order mark so Excel reads names as UTF-8. */
export function pendingReportCsv(r: PendingReportContent): Buffer {
  const header = [
    'Section',
    'Employee',
    'About them',
    'Detail',
    'Problem',
    `What ${r.vendor} holds`,
    'Where to fix it',
  ];
  const rows: string[][] = [];
  for (const [section, entries] of [
    ['Must be fixed before payroll', r.pending],
    ['Worth checking (does not stop payroll)', r.warnings],
  ] as const) {
    for (const e of entries)
      for (const i of e.items) rows.push([section, e.name, e.about, i.detail, i.problem, i.holds, i.fix]);
  }
  return toCsv(header, rows, { bom: true });
}
