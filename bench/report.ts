import { MB } from './measure';

/** One line of the results table, and the same figures for --json. */
export interface Row {
  case: string;
  vendor: string;
  employees: number;
  /** The headline figure, formatted. */
  figure: string;
  target: string;
  /** PASS/MISS against the target; "info" where the target does not apply to this size. */
  verdict: 'PASS' | 'MISS' | 'info';
  /** Where the time or memory went, for whoever optimises next. */
  profile: string;
  data: Record<string, unknown>;
}

export const ms = (x: number): string =>
  x >= 10_000
    ? `${(x / 1000).toFixed(1)} s`
    : x >= 1000
      ? `${(x / 1000).toFixed(2)} s`
      : `${x.toFixed(x < 10 ? 1 : 0)} ms`;
export const mb = (bytes: number): string => `${Math.round(bytes / MB)} MB`;
export const verdict = (applies: boolean, pass: boolean): Row['verdict'] =>
  applies ? (pass ? 'PASS' : 'MISS') : 'info';

export function table(rows: Row[]): string {
  const head = ['Case', 'Vendor', 'N', 'Figure', 'Target', 'Result', 'Profile'];
  const cells = rows.map((r) => [
    r.case,
    r.vendor,
    r.employees.toLocaleString('en-GB'),
    r.figure,
    r.target,
    r.verdict,
    r.profile,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
