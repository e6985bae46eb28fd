import { z } from 'zod';
import type { EmployeeState, PayrollField, Problem, Readiness } from './payroll';
import { companyIdSchema } from './companies';

export const STATUS_FILTERS = ['all', 'ready', 'pending', 'leaver', 'excluded', 'missing'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const listEmployeesInput = z.object({
  companyId: companyIdSchema,
  search: z.string().max(200).default(''),
  status: z.enum(STATUS_FILTERS).default('all'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

export interface EmployeeRow {
  id: number;
  /** What the employee is matched on across syncs (for Humaans its internal person id). */
  identity: string;
  /** The Employee ID as the HR system shows it (Humaans: `employeeId`, e.g. HU0162): what the app shows and searches. */
  shownId: string;
  /** For an excluded employee, the filter rule that leaves them out, in words; null otherwise. */
  excludedBy: string | null;
  /** The first blocking problem (the list names it in words); null in the employee's own page and when none. */
  firstProblem: { field: PayrollField; code: string } | null;
  hrId: string;
  name: string;
  state: EmployeeState;
  readiness: Readiness;
  problemCount: number;
  warningCount: number;
  lastSyncedAt: string;
}

export interface EmployeePage {
  total: number;
  offset: number;
  rows: EmployeeRow[];
}

export const employeeRef = z.object({ companyId: companyIdSchema, employeeId: z.number().int().positive() });

export interface FieldChange {
  field: PayrollField;
  from: string | null;
  to: string | null;
  runId: string;
  at: string;
}

export interface EmployeeDetail extends EmployeeRow {
  values: Record<PayrollField, string | null>;
  /** Where each value came from: a provider field key with its label, a company default, derived, or kept. */
  sources: Partial<Record<PayrollField, { kind: string; key?: string; label?: string }>>;
  problems: Problem[];
  changes: FieldChange[];
}
