import type { DatabaseStatus } from '../../contract/database';
import { listBackups, newestGoodBackup } from '../db/backups';
import { copiesHolding } from '../db/erase';
import type { Damage } from '../live';
import type { Handlers } from './types';

/** The database file's health, its backups, and how many copies hold a company (the restore itself is in app.ts). */
export function databaseHandlers(d: {
  dbFile: string;
  backupsDir: string;
  dataDir: string;
  damage: Damage | null;
  keepDays: () => number;
}): Pick<Handlers, 'app.database.status' | 'app.backups.list' | 'companies.removalCopies'> {
  return {
    'app.database.status': async () => databaseStatus(d.dbFile, d.backupsDir, d.damage),
    'app.backups.list': async () => ({ dir: d.backupsDir, keepDays: d.keepDays(), backups: listBackups(d.backupsDir) }),
    'companies.removalCopies': async ({ companyId }) => ({ copies: copiesHolding(d.dataDir, companyId).length }),
  };
}

export function databaseStatus(dbFile: string, backupsDir: string, damage: Damage | null): DatabaseStatus {
  if (!damage) return { state: 'ok', file: dbFile };
  return { state: 'damaged', file: dbFile, message: damage.message, newestGoodBackup: newestGoodBackup(backupsDir) };
}
