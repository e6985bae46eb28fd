import { z } from 'zod';
import {
  checkCredentialsInput,
  companyRef,
  companySettingsPatchSchema,
  createCompanyInput,
  removeCompanyInput,
  type CompanyDetail,
  type CompanyRemoval,
  type CompanySettings,
  type CompanySummary,
  type CredentialCheckResult,
} from './companies';
import { employeeRef, listEmployeesInput, type EmployeeDetail, type EmployeePage } from './employees';
import { BACKUP_DAYS, restoreInput, type BackupList, type DatabaseStatus, type RestoreResult } from './database';
import type { Result } from './errors';
import { filterRulesSchema, type FilterRule } from './filters';
import { mappingSchema, type Mapping } from './mapping';
import type { FieldInfo, Provider } from './providers';
import { historyInput, runRef, syncCompanyInput, syncEmployeeInput, type RunSummary, type SyncProgress } from './sync';
import {
  payslipHistoryInput,
  payslipMatchInput,
  payslipRetryInput,
  payslipSendInput,
  type PayslipCategories,
  type PayslipDelivery,
  type PayslipMatchReport,
  type PayslipProgress,
  type PayslipSendResult,
} from './payslips';
import {
  exportHistoryInput,
  exportInput,
  payrollTargetSetInput,
  pendingReportInput,
  searchAllInput,
  type ChangesCount,
  type ChangesPack,
  type ExportPreview,
  type ExportRecord,
  type ExportResult,
  type PayrollTarget,
  type PendingReport,
  type SearchHit,
} from './exports';

/** App-wide preferences (not per company). startAtLogin is null where it cannot apply (browser mode, CLI). */
export const appPreferencesPatchSchema = z
  .object({
    startAtLogin: z.boolean(),
    notifyOnFailure: z.boolean(),
    notifyOnPending: z.boolean(),
    backupDays: z
      .number()
      .int('Enter a whole number of days')
      .min(BACKUP_DAYS.min, `Keep backups for at least ${BACKUP_DAYS.min} day`)
      .max(BACKUP_DAYS.max, `Keep backups for at most ${BACKUP_DAYS.max} days`),
  })
  .partial();
export interface AppPreferences {
  startAtLogin: boolean | null;
  notifyOnFailure: boolean;
  notifyOnPending: boolean;
  /** How many days of daily backups (and pre-upgrade copies) to keep. */
  backupDays: number;
}

/**
 * THE contract between the front end and the core: one entry per command with its zod input schema.
 * It is bound three times — Electron IPC (shell/ipc), loopback HTTP (web/) and direct calls (cli/, tests) —
 * and every binding validates input with these schemas and answers with a Result envelope.
 */
export const commands = {
  'app.info': z.object({}),
  'app.preferences.get': z.object({}),
  'app.preferences.set': z.object({ patch: appPreferencesPatchSchema }),
  'companies.pauseAll': z.object({ paused: z.boolean() }),
  'app.database.status': z.object({}),
  'app.database.restore': restoreInput,
  'app.backups.list': z.object({}),
  'app.chooseFolder': z.object({ title: z.string().max(200).default('Choose a folder') }),
  'companies.list': z.object({}),
  'companies.get': companyRef,
  'companies.addDemo': z.object({}),
  'companies.checkCredentials': checkCredentialsInput,
  'companies.create': createCompanyInput,
  'companies.fields': z.object({ companyId: z.string().min(1), refresh: z.boolean().default(false) }),
  'companies.preview': companyRef.extend({ filters: filterRulesSchema.optional() }),
  'companies.fieldValues': z.object({ companyId: z.string().min(1), refresh: z.boolean().default(false) }),
  'companies.review': companyRef,
  'companies.setCredentials': z.object({
    companyId: z.string().min(1),
    credentials: checkCredentialsInput.shape.credentials,
  }),
  'companies.remove': removeCompanyInput,
  'companies.removalCopies': companyRef,
  'mapping.get': companyRef,
  'mapping.set': z.object({ companyId: z.string().min(1), mapping: mappingSchema }),
  'mapping.preview': z.object({ companyId: z.string().min(1), mapping: mappingSchema }),
  'filters.get': companyRef,
  'filters.set': z.object({ companyId: z.string().min(1), filters: filterRulesSchema }),
  'settings.get': companyRef,
  'settings.set': z.object({ companyId: z.string().min(1), patch: companySettingsPatchSchema }),
  'sync.company': syncCompanyInput,
  'sync.all': z.object({}),
  'sync.employee': syncEmployeeInput,
  'sync.cancel': syncCompanyInput,
  'sync.history': historyInput,
  'sync.runProblemsCsv': runRef,
  'employees.list': listEmployeesInput,
  'employees.get': employeeRef,
  'payslips.categories': companyRef,
  'payslips.match': payslipMatchInput,
  'payslips.send': payslipSendInput,
  'payslips.retry': payslipRetryInput,
  'payslips.history': payslipHistoryInput,
  'exports.target.get': companyRef,
  'exports.target.set': payrollTargetSetInput,
  'exports.preview': exportInput.omit({ outFile: true }),
  'exports.create': exportInput,
  'exports.history': exportHistoryInput,
  'exports.changes': companyRef,
  'exports.changesCounts': z.object({}),
  'reports.pending': pendingReportInput,
  'employees.searchAll': searchAllInput,
} as const;

export type CommandName = keyof typeof commands;
export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export interface AppInfo {
  version: string;
  /** Whether the system's folder dialog is available (desktop app), or paths are typed (browser mode). */
  canChooseFolder: boolean;
  mode: 'desktop' | 'browser' | 'cli';
  dataDir: string;
  secretStorage: string;
}

/**
 * The distinct values each HR field holds across the company's people (for the filter builder). A field
 * with too many different values (names, e-mails) has complete: false and no list.
 */
export type FieldValues = Record<string, { values: string[]; complete: boolean }>;

export interface PreviewResult {
  included: number;
  excluded: number;
  complete: boolean;
  employees: Array<{ externalId: string; name: string; included: boolean; reason: string }>;
}

/** How many current employees a field matching not yet saved would move between Ready and Pending. */
export interface MappingPreview {
  employees: number;
  toReady: number;
  toPending: number;
}

/** What each command answers with (inside the Result envelope). */
export interface CommandOutputs {
  'app.info': AppInfo;
  'app.preferences.get': AppPreferences;
  'app.preferences.set': AppPreferences;
  'companies.pauseAll': { changed: number };
  'app.database.status': DatabaseStatus;
  'app.database.restore': RestoreResult;
  'app.backups.list': BackupList;
  /** The folder the user picked in the system's own dialog; null when they cancelled. */
  'app.chooseFolder': { path: string | null };
  'companies.list': CompanySummary[];
  'companies.get': CompanyDetail;
  'companies.addDemo': { id: string };
  'companies.checkCredentials': CredentialCheckResult;
  'companies.create': { id: string };
  'companies.fields': FieldInfo[];
  'companies.preview': PreviewResult;
  'companies.fieldValues': FieldValues;
  'companies.review': RunSummary;
  'companies.setCredentials': CredentialCheckResult;
  'companies.remove': CompanyRemoval;
  /** How many backups (and set-aside copies) hold the company's data, for the removal to say so. */
  'companies.removalCopies': { copies: number };
  'mapping.get': Mapping;
  'mapping.set': Mapping;
  'mapping.preview': MappingPreview;
  'filters.get': FilterRule[];
  'filters.set': FilterRule[];
  'settings.get': CompanySettings;
  'settings.set': CompanySettings;
  'sync.company': RunSummary;
  'sync.all': RunSummary[];
  'sync.employee': RunSummary;
  'sync.cancel': { cancelled: boolean };
  'sync.history': RunSummary[];
  'sync.runProblemsCsv': { filename: string; csv: string };
  'employees.list': EmployeePage;
  'employees.get': EmployeeDetail;
  'payslips.categories': PayslipCategories;
  'payslips.match': PayslipMatchReport;
  'payslips.send': PayslipSendResult;
  'payslips.retry': PayslipSendResult;
  'payslips.history': PayslipDelivery[];
  /** null until the company's payroll software is chosen. */
  'exports.target.get': PayrollTarget | null;
  'exports.target.set': PayrollTarget;
  'exports.preview': ExportPreview;
  'exports.create': ExportResult;
  'exports.history': ExportRecord[];
  'exports.changes': ChangesPack;
  'exports.changesCounts': ChangesCount[];
  'reports.pending': PendingReport;
  'employees.searchAll': SearchHit[];
}

export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]>;
export type ParsedInput<K extends CommandName> = z.output<(typeof commands)[K]>;

/** The typed API the preload exposes on window.bureau and the browser-mode client implements. */
export type BureauApi = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandOutputs[K]>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
};

/** Push events from the core to every window. */
export interface PushEvents {
  'sync.progress': SyncProgress;
  'sync.finished': RunSummary;
  'employees.changed': { companyId: string };
  'companies.changed': Record<string, never>;
  /** The desktop shell asks the window to show a screen (e.g. after a notification is clicked). */
  'app.navigate': { screen: 'home' | 'company' | 'history' | 'settings'; companyId?: string };
  /** One payslip file done while payslips.send runs. */
  'payslips.progress': PayslipProgress;
  /** The database was found damaged (and is now read-only), or a backup was restored. */
  'database.changed': DatabaseStatus;
}
export type EventName = keyof PushEvents;
export const EVENT_NAMES: EventName[] = [
  'sync.progress',
  'sync.finished',
  'employees.changed',
  'companies.changed',
  'app.navigate',
  'payslips.progress',
  'database.changed',
];

/** IPC channel for a command; the prefix is checked on both sides. */
export const channelFor = (name: CommandName): string => `bureau:${name}`;
export const eventChannelFor = (name: EventName): string => `bureau-event:${name}`;

export type { Provider, Result };
export type { BackupInfo, BackupList, DatabaseStatus, RestoreResult } from './database';
