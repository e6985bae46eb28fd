import { z } from 'zod';
import type { AppErrorShape } from './errors';
import { companyIdSchema } from './companies';

export const TRIGGERS = ['first', 'settings', 'scheduled', 'manual-all', 'manual-company', 'employee', 'cli'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const TRIGGER_LABELS: Record<Trigger, string> = {
  first: 'First sync',
  settings: 'Settings changed',
  scheduled: 'Hourly',
  'manual-all': 'Sync all now',
  'manual-company': 'Sync now',
  employee: 'Sync now (one employee)',
  cli: 'Command line',
};

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export interface RunCounts {
  created: number;
  updated: number;
  unchanged: number;
  excluded: number;
  leavers: number;
  missing: number;
  problems: number;
}

export interface RunSummary {
  runId: string;
  companyId: string;
  trigger: Trigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  counts: RunCounts;
  error: AppErrorShape | null;
  /** e.g. "Skipped: syncing is paused for this company." */
  note: string | null;
  employeeHrId: string | null;
}

/** Why Sync now is refused before the wizard's review step: the same words in the app and the contract. */
export const notSetUp = (companyName: string): string =>
  `Finish setting up ${companyName} first: nothing has been synced`;

export const syncCompanyInput = z.object({ companyId: companyIdSchema });
export const syncEmployeeInput = z.object({ companyId: companyIdSchema, employeeId: z.number().int().positive() });
export const runRef = z.object({ runId: z.string().min(1) });
export const historyInput = z.object({
  companyId: companyIdSchema,
  limit: z.number().int().min(1).max(500).default(50),
});

export type SyncPhase = 'connecting' | 'fetching' | 'checking' | 'writing';

export interface SyncProgress {
  runId: string;
  companyId: string;
  phase: SyncPhase;
  processed: number;
  total: number | null;
}
