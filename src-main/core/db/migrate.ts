import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import { MIGRATIONS } from './migrations';

/**
 * Brings the schema up to date. The version lives in PRAGMA user_version; pending migrations run in
 * one transaction, after a backup of an existing file; a database newer than this code is refused
 * rather than guessed at (payroll data must never be silently reshaped).
 */
export function migrate(db: Database.Database, opts: { backup?: (fromVersion: number) => void } = {}): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion();
  if (current > latest) throw futureDatabaseError(current);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  if (current > 0) opts.backup?.(current);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latest;
}

/** The schema version this code writes. */
export function latestVersion(): number {
  return MIGRATIONS.at(-1)?.version ?? 0;
}

export function futureDatabaseError(dbVersion: number): AppError {
  const latest = latestVersion();
  return new AppError(
    'DB_FROM_FUTURE',
    `This database was written by a newer version of Bureau Sync (schema ${dbVersion}; this version knows up to ${latest}). Install the latest version of Bureau Sync to open it; nothing was changed.`,
    { dbVersion, appVersion: latest },
  );
}
