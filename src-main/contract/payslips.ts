import { z } from 'zod';
import type { AppErrorShape } from './errors';
import { companyIdSchema } from './companies';

/**
 * Payslips to the HR system: a pay run's PDF payslips, from a folder, into each employee's documents in
 * their company's HR system. The user previews the matches (`payslips.match`), fixes the ones that did not
 * match with overrides, then sends (`payslips.send`); each file is delivered once, however often it is sent.
 */
export const payDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the pay date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Enter a real pay date as YYYY-MM-DD');

/** File name → the employee (the `id` of an employee row) it is for, or null to leave the file out. */
export const payslipOverridesSchema = z.record(z.string().min(1), z.number().int().positive().nullable());

const folderSchema = z.string().trim().min(1, 'Choose the folder that holds the payslips');

export const payslipMatchInput = z.object({
  companyId: companyIdSchema,
  payDate: payDateSchema,
  dir: folderSchema,
  overrides: payslipOverridesSchema.default({}),
});

export const payslipSendInput = payslipMatchInput.extend({
  /** The HR system's category (Personio category id, Humaans document type id, PeopleHR category name). */
  categoryId: z.string().trim().min(1).optional(),
  /** Send only these files (e.g. the ones that failed); default every file in the folder. */
  files: z.array(z.string().min(1)).optional(),
});

export const payslipHistoryInput = z.object({
  companyId: companyIdSchema,
  payDate: payDateSchema.optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const payslipRetryInput = z.object({ companyId: companyIdSchema, payDate: payDateSchema });

export const MATCH_STATUSES = ['matched', 'ambiguous', 'unmatched', 'notPdf', 'tooLarge', 'excluded'] as const;
export type PayslipMatchStatus = (typeof MATCH_STATUSES)[number];

export interface PayslipEmployee {
  /** The employee row's id (what overrides and employees.get take). */
  employeeId: number;
  /** The HR system's own id for the person. */
  externalId: string;
  /** The company's employee ID (payroll identity). */
  identity: string;
  name: string;
  state: string;
}

export interface PayslipFileMatch {
  file: string;
  sizeBytes: number;
  status: PayslipMatchStatus;
  /** How the employee was found. */
  matchedBy: 'override' | 'employeeId' | 'payrollId' | 'name' | null;
  employee: PayslipEmployee | null;
  /** For ambiguous files: who it could be. */
  candidates: PayslipEmployee[];
  /** Whether this exact file was already delivered to this employee for this pay date. */
  alreadyDelivered: boolean;
  /** In words, e.g. "Matched to Jane Smith by the employee ID E00042 in the file name." */
  message: string;
}

export interface PayslipMatchReport {
  companyId: string;
  payDate: string;
  dir: string;
  files: PayslipFileMatch[];
  counts: Record<PayslipMatchStatus, number>;
}

export interface PayslipCategories {
  categories: Array<{ id: string; name: string }>;
  /** The category used last time, else one whose name says payslips; null when none fits. */
  suggestedId: string | null;
  /** True when any name may be typed (PeopleHR); false when one of `categories` must be chosen. */
  freeText: boolean;
  /** Whether the HR system insists on a category (Personio). */
  required: boolean;
}

export const DELIVERY_STATUSES = ['delivered', 'alreadyDelivered', 'failed', 'unknown', 'notSent'] as const;
export type PayslipDeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface PayslipFileResult {
  file: string;
  status: PayslipDeliveryStatus;
  /** What matching made of the file (a notSent "notPdf" is expected; a notSent "unmatched" needs a person). */
  matchStatus: PayslipMatchStatus;
  employee: PayslipEmployee | null;
  documentId: string | null;
  /** One sentence a clerk understands: what happened to this file and what to do next. */
  message: string;
  error: AppErrorShape | null;
}

export interface PayslipSendResult {
  companyId: string;
  payDate: string;
  category: { id: string; name: string } | null;
  results: PayslipFileResult[];
  counts: Record<PayslipDeliveryStatus, number>;
}

/** One attempt to deliver one file, as recorded. */
export interface PayslipDelivery {
  id: number;
  companyId: string;
  payDate: string;
  file: string;
  dir: string;
  sha256: string;
  sizeBytes: number;
  employee: { employeeId: number; externalId: string; name: string };
  categoryId: string | null;
  status: 'delivered' | 'failed' | 'unknown';
  documentId: string | null;
  error: AppErrorShape | null;
  at: string;
}

/** Push event while a send runs: one per file done. */
export interface PayslipProgress {
  companyId: string;
  payDate: string;
  processed: number;
  total: number;
  file: string;
  status: PayslipDeliveryStatus;
}
