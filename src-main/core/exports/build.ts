import type { LeftOut } from '../../contract/exports';
import type { Problem } from '../../contract/payroll';
import type { HandOffEmployee } from '../db/repositories/payroll-exports';
import { isRefusal, leaverWithoutDate, type ExportEmployee } from './encode';
import type { FormatContext, PayrollFormat } from './formats';

export interface BuiltFile {
  header: string[];
  rows: string[][];
  included: HandOffEmployee[];
  leftOut: LeftOut[];
  /** Ready employees left out because the format cannot hold one of their values. */
  refused: HandOffEmployee[];
}

/** The problems that keep someone Pending, in words (the same sentences the employee list shows). */
export function blockingReasons(problems: Problem[] | undefined): string[] {
  const errors = (problems ?? []).filter((p) => p.severity === 'error').map((p) => p.message);
  return errors.length ? errors : ['Pending: a payroll detail is missing or wrong in the HR system'];
}

/**
 * The rows of one file: Ready employees (optionally only those in `only`), each cell in the target's encoding.
 * Pending employees are never written and always listed with their reasons; a Ready employee with a value the
 * target cannot hold is left out with the reason too, so nobody is dropped without a word.
 */
export function buildFile(
  format: PayrollFormat,
  ctx: FormatContext,
  employees: HandOffEmployee[],
  problems: Map<number, Problem[]>,
  only?: ReadonlySet<number>,
): BuiltFile {
  const columns = format.columns(ctx);
  const checks = format.checks ?? [];
  const rows: string[][] = [];
  const included: HandOffEmployee[] = [];
  const leftOut: LeftOut[] = [];
  const refused: HandOffEmployee[] = [];
  for (const e of employees) {
    if (e.readiness === 'pending') {
      leftOut.push({
        employeeId: e.id,
        identity: e.identity,
        name: e.name,
        kind: 'pending',
        reasons: blockingReasons(problems.get(e.id)),
      });
      continue;
    }
    if (only && !only.has(e.id)) continue;
    const emp: ExportEmployee = e;
    const reasons: string[] = [];
    const leaver = leaverWithoutDate(emp);
    if (leaver) reasons.push(leaver);
    for (const check of checks) {
      const c = check(emp);
      if (isRefusal(c)) reasons.push(c.refuse);
    }
    const row: string[] = [];
    for (const col of columns) {
      const c = col.cell(emp);
      if (isRefusal(c)) {
        if (!reasons.includes(c.refuse)) reasons.push(c.refuse);
        row.push('');
      } else row.push(c);
    }
    if (reasons.length) {
      leftOut.push({ employeeId: e.id, identity: e.identity, name: e.name, kind: 'cannotHold', reasons });
      refused.push(e);
      continue;
    }
    rows.push(row);
    included.push(e);
  }
  return { header: columns.map((c) => c.header), rows, included, leftOut, refused };
}
