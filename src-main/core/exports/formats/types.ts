import type { ExportFormat, PayrollTarget } from '../../../contract/exports';
import type { Cell, Column, ExportEmployee } from '../encode';

export interface FormatContext {
  target: PayrollTarget;
  /** Whether the company syncs salaries: without them, a salary column would load blanks over real pay rates. */
  syncSalaries: boolean;
}

/** One payroll software's file: its columns in its order, and what its public description leaves open. */
export interface PayrollFormat {
  id: ExportFormat;
  /** For file names: "brightpay". */
  slug: string;
  notes: string[];
  columns(ctx: FormatContext): Column[];
  /** Whole-row checks for values the file has no column for but must not silently drop. */
  checks?: Array<(e: ExportEmployee) => Cell>;
}
