import { z } from 'zod';
import { companyIdSchema } from './companies';
import { PAYROLL_FIELDS, type EmployeeState, type PayrollField } from './payroll';

/**
 * Payroll hand-off: the files a bureau loads into the payroll software it runs for a client
 * (docs/reference/payroll-exports.md), the record of every export, and what changed since the last one.
 */
export const EXPORT_FORMATS = ['brightpay', 'sage50', 'staffology', 'custom', 'full'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const EXPORT_FORMAT_NAMES: Record<ExportFormat, string> = {
  brightpay: 'BrightPay (Import/Update Employees CSV)',
  sage50: 'Sage 50 Payroll (Employee Details template)',
  staffology: 'Staffology / IRIS cloud payroll (employee CSV)',
  custom: 'Custom CSV layout (Moneysoft, IRIS Earnie, others)',
  full: 'Bureau Sync full CSV (every payroll field)',
};

/** What a custom layout's column can hold: any payroll field, or the tax code split into code and basis. */
export const CUSTOM_VALUES = [...PAYROLL_FIELDS, 'taxCodeOnly', 'taxCodeBasis', 'state'] as const;
export const customValueSchema = z.enum(CUSTOM_VALUES);
export type CustomValue = z.infer<typeof customValueSchema>;

export const CUSTOM_VALUE_LABELS: Record<Exclude<CustomValue, PayrollField>, string> = {
  taxCodeOnly: 'Tax code without its week 1/month 1 basis',
  taxCodeBasis: 'Week 1/month 1 basis (yes/no)',
  state: 'Leaver (yes/no)',
};

export const DATE_STYLES = ['dd/mm/yyyy', 'yyyy-mm-dd'] as const;
export const BOOLEAN_STYLES = ['Yes/No', 'True/False', '1/0', 'Y/N'] as const;
export const GENDER_STYLES = ['Male/Female', 'M/F'] as const;

export const customLayoutSchema = z
  .object({
    columns: z
      .array(
        z.object({
          value: customValueSchema,
          header: z
            .string()
            .trim()
            .min(1, 'Give every column a heading')
            .max(100, 'Keep each heading under 100 characters'),
        }),
      )
      .min(1, 'Choose at least one column')
      .max(80),
    dateStyle: z.enum(DATE_STYLES).default('dd/mm/yyyy'),
    booleanStyle: z.enum(BOOLEAN_STYLES).default('Yes/No'),
    genderStyle: z.enum(GENDER_STYLES).default('Male/Female'),
  })
  .superRefine((layout, ctx) => {
    const values = layout.columns.map((c) => c.value);
    const headers = layout.columns.map((c) => c.header.toLowerCase());
    const dup = headers.find((h, i) => headers.indexOf(h) !== i);
    if (dup)
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: `Two columns are headed "${dup}"; the payroll software could not tell them apart`,
      });
    // The week 1/month 1 basis must travel with a code stripped of it, or payroll would tax cumulatively by mistake.
    if (values.includes('taxCodeOnly') && !values.includes('taxCodeBasis')) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message:
          'A tax code without its basis needs the "Week 1/month 1 basis" column too, or week 1/month 1 codes would load as cumulative',
      });
    }
    if (!values.includes('employeeId')) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: 'Include the Employee ID: the payroll software matches employees on it',
      });
    }
  });
export type CustomLayout = z.infer<typeof customLayoutSchema>;

/** Sage 50's SLR Plan Type codes for each plan: only "-1 = no loan" is public, so the bureau supplies the rest. */
export const slrPlanCodesSchema = z
  .object({
    '1': z.string().trim().max(4),
    '2': z.string().trim().max(4),
    '4': z.string().trim().max(4),
    '5': z.string().trim().max(4),
  })
  .partial();

/** A company's payroll software, chosen once: the format and its options. */
export const payrollTargetSchema = z.object({
  format: exportFormatSchema,
  /** How yes/no is spelled where the target's own spelling is not public (BrightPay). */
  booleanStyle: z.enum(BOOLEAN_STYLES).default('Yes/No'),
  sageSlrPlanCodes: slrPlanCodesSchema.default({}),
  customLayout: customLayoutSchema.nullable().default(null),
});
export type PayrollTarget = z.infer<typeof payrollTargetSchema>;

export const exportInput = z.object({
  companyId: companyIdSchema,
  /** Default: the company's payroll software. */
  format: exportFormatSchema.optional(),
  /** Only new starters, leavers and employees with a changed payroll field since the last export. */
  changesOnly: z.boolean().default(false),
  /**
   * Where the core writes the file (the command line): written first, then recorded, so a file that could not be
   * written is never counted as exported. Without it the file is handed back to the window to save.
   */
  outFile: z.string().trim().min(1).optional(),
});

/** Someone the export leaves out, and why in words. */
export interface LeftOut {
  employeeId: number;
  identity: string;
  name: string;
  /** pending: the payroll rules block them; cannotHold: the target cannot hold one of their values. */
  kind: 'pending' | 'cannotHold';
  reasons: string[];
}

export interface ExportPreview {
  companyId: string;
  format: ExportFormat;
  formatName: string;
  changesOnly: boolean;
  /** Employees the file would hold. */
  included: number;
  leftOut: LeftOut[];
  /** What the format's public description leaves open, said in the UI (payroll-exports.md "Not verified"). */
  notes: string[];
  /** Only for changesOnly: no one has changed since the last export. */
  nothingChanged: boolean;
}

export interface ExportRecord {
  id: number;
  companyId: string;
  format: ExportFormat;
  changesOnly: boolean;
  filename: string;
  at: string;
  /** The operating-system user who exported. */
  user: string;
  employees: number;
  leftOut: number;
  sha256: string;
  /** Where the command line wrote it; null when the window saved it. */
  path: string | null;
}

export interface ExportResult {
  record: ExportRecord;
  preview: ExportPreview;
  /** The file itself, base64 (exactly the bytes hashed); empty when the core wrote it to outFile. */
  data: string;
  mimeType: string;
}

export const exportHistoryInput = z.object({
  companyId: companyIdSchema,
  limit: z.number().int().min(1).max(1000).default(100),
});

export const payrollTargetSetInput = z.object({ companyId: companyIdSchema, target: payrollTargetSchema });

/** One employee as the changes pack names them. */
export interface PackEmployee {
  employeeId: number;
  identity: string;
  name: string;
  state: EmployeeState;
}

export interface PackChange {
  field: PayrollField;
  label: string;
  /** As last exported, and as now. */
  from: string | null;
  to: string | null;
  /** When the sync that made the (last) change ran. */
  at: string;
}

/** A change the bureau must act on before paying: bank details (payroll diversion fraud) or identity (duplicate employments). */
export interface PackFlag {
  kind: 'bank' | 'identity' | 'possibleDuplicate';
  message: string;
}

export interface ChangedEmployee {
  employee: PackEmployee;
  changes: PackChange[];
  flags: PackFlag[];
}

export interface ChangesPack {
  companyId: string;
  /** The last recorded export; null when the company has never been exported. */
  since: { exportId: number; at: string; format: ExportFormat } | null;
  newStarters: Array<{ employee: PackEmployee; startDate: string | null; leaveDate: string | null; flags: PackFlag[] }>;
  leavers: Array<{ employee: PackEmployee; leaveDate: string | null }>;
  changed: ChangedEmployee[];
  /** Exported before, now left out (Pending, excluded or missing): the payroll software still has them as last loaded. */
  noLongerReady: Array<{ employee: PackEmployee; reason: string }>;
  /** Employees a changes-only file would hold. */
  total: number;
  /** One sentence: what awaits the next pay run, or that nothing changed. */
  summary: string;
}

export interface ChangesCount {
  companyId: string;
  /** Employees awaiting the next pay run (starters, leavers, changed); null before the first export. */
  count: number | null;
  bankChanges: number;
  lastExportAt: string | null;
}

export const pendingReportInput = z.object({
  companyId: companyIdSchema,
  format: z.enum(['pdf', 'csv']),
  outFile: z.string().trim().min(1).optional(),
});

export interface PendingReport {
  filename: string;
  mimeType: string;
  /** base64; empty when written to outFile. */
  data: string;
  path: string | null;
  pending: number;
  warnings: number;
}

export const searchAllInput = z.object({ query: z.string().trim().min(2, 'Type at least two characters').max(100) });

export interface SearchHit {
  companyId: string;
  companyName: string;
  employeeId: number;
  identity: string;
  name: string;
  state: EmployeeState;
  readiness: 'ready' | 'pending';
  matchedBy: 'name' | 'employeeId' | 'niNumber';
}
