import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../contract/database';
import { listBackups, problemsOf } from '../core/db/backups';
import { describeBytes, describeWhen } from '../core/db/describe';
import { inspectDatabaseFile } from '../core/db/file-check';
import { putBackOrRestore } from '../core/db/messages';
import { futureDatabaseError, latestVersion } from '../core/db/migrate';
import { openDatabase, type Db } from '../core/db/open';
import { openImage, openSqlite } from '../core/db/sqlite';
import { restoreBackup, restoredMessage, setAsideDirFor } from '../core/db/restore';
import { AppError } from '../core/errors';
import type { ParsedCli } from './args';
import type { Out } from './out';

/**
 * `doctor`: the database file checked whole (PRAGMA integrity_check, which also compares every index with
 * its table, unlike the quick_check the app runs at each start), and the backups listed; `--restore BACKUP`
 * puts a backup back (restore.ts keeps the file it replaces aside). It never goes through the core, so it
 * works on a file the app refuses to open, and it writes nothing unless a restore is asked for.
 */
type DbReport =
  | { state: 'absent'; file: string; message: string }
  | { state: 'refused'; file: string; code: string; message: string }
  | {
      state: 'ok' | 'damaged';
      file: string;
      bytes: number;
      schemaVersion: number;
      walBytes: number;
      problems: string[];
      message: string;
    };

export function doctorCommand(dataDir: string, opts: ParsedCli['opts']): Out {
  const dbFile = join(dataDir, 'bureau-sync.sqlite');
  const backupsDir = join(dataDir, 'backups');
  if (typeof opts.restore === 'string') return restore(dbFile, backupsDir, dataDir, opts.restore);
  const database = examine(dbFile, backupsDir);
  const backups = listBackups(backupsDir);
  const json = { database, backups: { dir: backupsDir, backups } };
  const lines = [
    database.message,
    '',
    backups.length ? `Backups in ${backupsDir}, newest first:` : `No backups in ${backupsDir}.`,
    ...backups.map(backupLine),
  ];
  if (database.state === 'damaged' || database.state === 'refused') {
    lines.push(
      '',
      backups.length
        ? `To put a backup back: doctor --restore ${backups[0]!.file}  (quit the desktop app and browser mode first; the current file is kept aside)`
        : '',
    );
  }
  return {
    json,
    text: lines.join('\n').trimEnd(),
    failed: database.state === 'damaged' || database.state === 'refused',
  };
}

function examine(file: string, backupsDir: string): DbReport {
  try {
    const facts = inspectDatabaseFile(file, {
      newestBackup: () => listBackups(backupsDir)[0] ?? null,
      putBack: () => putBackOrRestore(file, listBackups(backupsDir)[0] ?? null, backupsDir),
    });
    if (facts.state === 'absent')
      return {
        state: 'absent',
        file,
        message: `There is no database at ${file} yet: the app creates one when it first starts.`,
      };
    const { problems, version } = look(file, facts.header.walMode && facts.walBytes === 0);
    if (version > latestVersion()) throw futureDatabaseError(version);
    const bytes = statSync(file).size;
    const base = { file, bytes, schemaVersion: version, walBytes: facts.walBytes, problems };
    const log = facts.walBytes ? `, with ${describeBytes(facts.walBytes)} of changes in its -wal` : '';
    if (problems.length === 0)
      return {
        ...base,
        state: 'ok',
        message: `The database ${file} (${describeBytes(bytes)}${log}, schema ${version}) passed SQLite's integrity check.`,
      };
    return {
      ...base,
      state: 'damaged',
      message: `The database ${file} (${describeBytes(bytes)}${log}) is damaged: SQLite's integrity check found ${problems.length === 10 ? 'at least 10 problems' : problems.length === 1 ? 'a problem' : `${problems.length} problems`}, the first: ${problems[0]}.`,
    };
  } catch (err) {
    if (err instanceof AppError) return { state: 'refused', file, code: err.code, message: err.message };
    throw err;
  }
}

/**
 * The schema version and SQLite's integrity check, changing nothing: a WAL-mode file with no log is read
 * from a copy of its bytes in memory (a read-only open would leave a -wal and -shm beside it); one with a
 * log is opened read-only, so what is in the log is checked too.
 */
function look(file: string, inMemory: boolean): { problems: string[]; version: number } {
  let db: Db;
  try {
    db = inMemory ? openImage(readFileSync(file)) : openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { problems: [err instanceof Error ? err.message : String(err)], version: 0 };
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    return { problems: problemsOf(db, 'integrity_check'), version };
  } catch (err) {
    return { problems: [err instanceof Error ? err.message : String(err)], version: 0 };
  } finally {
    db.close();
  }
}

const KIND: Record<BackupInfo['kind'], string> = {
  daily: 'daily',
  'pre-upgrade': 'before an upgrade',
  other: 'put there by hand',
};

function backupLine(b: BackupInfo): string {
  return `  ${b.file}  ${describeWhen(b.createdAt)}  ${describeBytes(b.bytes)}  (${KIND[b.kind]}${b.schemaVersion !== null ? `, schema ${b.schemaVersion}` : ''})`;
}

function restore(dbFile: string, backupsDir: string, dataDir: string, name: string): Out {
  const outcome = restoreBackup({
    dbFile,
    backupsDir,
    setAsideDir: setAsideDirFor(dataDir),
    backup: name,
    now: new Date(),
  });
  // Opened once as the app opens it: an older backup is upgraded now (after its own pre-upgrade copy).
  openDatabase(dbFile).close();
  const message = restoredMessage(outcome, dbFile);
  return { json: { restored: outcome.restored, setAside: outcome.setAside, message }, text: message };
}
