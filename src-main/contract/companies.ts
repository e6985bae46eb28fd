import { z } from 'zod';
import type { AppErrorShape } from './errors';
import { payrollDefaultsSchema } from './mapping';
import { credentialsSchema, providerSchema, type FieldInfo, type Provider } from './providers';

export const companyIdSchema = z.string().min(1, 'Choose a company');

export const companySettingsSchema = z.object({
  paused: z.boolean(),
  syncSalaries: z.boolean(),
  includeHolidayPayInPension: z.boolean(),
  sendPayslipsViaHr: z.boolean(),
  /** Minutes between scheduled syncs. */
  frequencyMinutes: z
    .number()
    .int()
    .min(15, 'Sync at most every 15 minutes')
    .max(24 * 60, 'Sync at least once a day'),
  /** Provider field key used as the payroll Employee ID and to match employees (Personio only; others fixed). */
  idField: z.string().min(1),
  /** Company payroll defaults, used when a payroll field is unmapped or blank. */
  defaults: payrollDefaultsSchema,
});
export type CompanySettings = z.infer<typeof companySettingsSchema>;

export const companySettingsPatchSchema = companySettingsSchema.partial();

export interface Counts {
  ready: number;
  pending: number;
  leaver: number;
  excluded: number;
  missing: number;
}

export interface LastAttempt {
  at: string;
  status: 'succeeded' | 'failed' | 'skipped' | 'cancelled';
  error: AppErrorShape | null;
}

export interface CompanySummary {
  id: string;
  name: string;
  provider: Provider;
  paused: boolean;
  reviewed: boolean;
  lastSuccessfulSyncAt: string | null;
  lastAttempt: LastAttempt | null;
  nextSyncAt: string | null;
  counts: Counts;
  running: boolean;
}

export interface CompanyDetail extends CompanySummary {
  baseUrl: string | null;
  settings: CompanySettings;
  canReadSalaries: boolean;
  salaryReason: string | null;
  catalogue: FieldInfo[];
  /** Where the credentials are kept, in words ("encrypted with the macOS Keychain"). */
  secretStorage: string;
}

export const checkCredentialsInput = z.object({
  credentials: credentialsSchema,
  baseUrl: z.url('Enter a full address starting with https://').optional(),
});

export interface CredentialCheckResult {
  warnings: string[];
  canReadSalaries: boolean;
  salaryReason: string | null;
  employeeCount: number | null;
}

/** Removing a company asks for its name typed out, as a guard against removing the wrong client. */
export const removeCompanyInput = z.object({
  companyId: z.string().min(1),
  confirmName: z.string().max(200),
  /**
   * Backups made before the removal hold the company whole. By default they are rewritten without it (or
   * deleted when they cannot be), so a former client's staff data can be erased on request; true keeps them.
   */
  keepBackups: z.boolean().default(false),
});

/** Whether a typed name confirms a company's removal: case and surrounding spaces do not matter. */
export function confirmsCompanyName(typed: string, name: string): boolean {
  return typed.trim().toLocaleLowerCase('en-GB') === name.trim().toLocaleLowerCase('en-GB');
}

/** What removing a company deleted; `warning` says what could not be done (the company is gone regardless). */
export interface CompanyRemoval {
  name: string;
  employees: number;
  runs: number;
  payslipDeliveries: number;
  /** The stored HR credentials: deleted, none to delete (the demo company), or not deleted (see warning). */
  credentials: 'deleted' | 'none' | 'not-deleted';
  /** Backups and set-aside copies that held the company: rewritten without it, deleted, or kept as asked. */
  backups: { rewritten: number; deleted: number; kept: number };
  warning: string | null;
}

/** One sentence of what a removal deleted, for the app's notice and the command line alike. */
export function removalSummary(r: CompanyRemoval): string {
  const n = (count: number, one: string) => `${count.toLocaleString('en-GB')} ${one}${count === 1 ? '' : 's'}`;
  const credentials = r.credentials === 'deleted' ? '; its stored credentials deleted' : '';
  const b = r.backups;
  const copies = [
    b.rewritten ? `${n(b.rewritten, 'backup')} rewritten without it` : '',
    b.deleted ? `${n(b.deleted, 'backup')} holding it deleted` : '',
    b.kept ? `${n(b.kept, 'backup')} holding it kept, as asked` : '',
  ].filter(Boolean);
  return `${n(r.employees, 'employee')}, ${n(r.runs, 'sync run')} and ${n(r.payslipDeliveries, 'payslip delivery record')} deleted${credentials}${copies.length ? `; ${copies.join(', ')}` : ''}.`;
}

export const createCompanyInput = z.object({
  name: z.string().trim().min(1, 'Enter the client company name').max(120, 'Keep the name under 120 characters'),
  credentials: credentialsSchema,
  baseUrl: z.url('Enter a full address starting with https://').optional(),
});

export const companyRef = z.object({ companyId: companyIdSchema });

export const PROVIDER_ID_FIELD_DEFAULT: Record<Provider, string> = {
  personio: 'id',
  humaans: 'id',
  peoplehr: 'EmployeeId',
  demo: 'id',
};

export { providerSchema };
