import type Database from 'better-sqlite3';
import * as m0010 from './0010-initial-schema';
import * as m0020 from './0020-payslip-deliveries';
import * as m0030 from './0030-employee-list-index';
import * as m0040 from './0040-employee-decision-hashes';
import * as m0050 from './0050-employee-decision-index';
import * as m0060 from './0060-shared-run-problem-lists';
import * as m0070 from './0070-company-list-reply';
import * as m0080 from './0080-sync-leases';
import * as m0090 from './0090-company-sync-cursor';
import * as m0100 from './0100-payroll-targets';
import * as m0110 from './0110-payroll-exports';
import * as m0120 from './0120-employee-excluded-by';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** In version order; numbered in tens so a hotfix fits between two. Never edit a released migration. */
export const MIGRATIONS: Migration[] = [
  { version: 10, ...m0010 },
  { version: 20, ...m0020 },
  { version: 30, ...m0030 },
  { version: 40, ...m0040 },
  { version: 50, ...m0050 },
  { version: 60, ...m0060 },
  { version: 70, ...m0070 },
  { version: 80, ...m0080 },
  { version: 90, ...m0090 },
  { version: 100, ...m0100 },
  { version: 110, ...m0110 },
  { version: 120, ...m0120 },
];
