import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupInfo } from '../../contract/database';
import { AppError } from '../errors';
import { createPrivateFile, privateDir } from '../private-files';
import { checkFile, listBackups, stampOf } from './backups';
import { describeBytes, describeWhen } from './describe';
import { latestVersion } from './migrate';
import { openSqlite } from './sqlite';

/**
 * Putting a backup back in place of the database. The backup is copied beside the database under a
 * hidden name and checked whole (integrity_check) before anything else moves; then the current file and
 * its -wal, -shm and -journal are moved, together, into set-aside/<time>/ (kept, never deleted: a damaged
 * file may still hold what a specialist can recover), and the checked copy is renamed into place. The
 * database must be closed first. An older backup is upgraded by the next open, after its own backup.
 */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export interface RestoreOutcome {
  restored: BackupInfo;
  setAside: string | null;
}

export function setAsideDirFor(dataDir: string): string {
  return join(dataDir, 'set-aside');
}

/** The backup a restore names: a file in the backups folder, or a path to one elsewhere. */
export function findBackup(name: string, backupsDir: string): { path: string; info: BackupInfo } {
  const listed = listBackups(backupsDir).find((b) => b.file === name);
  if (listed) return { path: join(backupsDir, listed.file), info: listed };
  const path = resolve(name);
  if (existsSync(path)) {
    const info = listBackups(dirname(path)).find((b) => b.file === basename(path));
    if (info) return { path, info };
  }
  const names = listBackups(backupsDir).map((b) => b.file);
  throw new AppError(
    'NOT_FOUND',
    `There is no backup called "${name}" in ${backupsDir}${names.length ? `. The backups there are: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}` : ', and no backups at all'}. Nothing was changed.`,
  );
}

export function restoreBackup(opts: {
  dbFile: string;
  backupsDir: string;
  setAsideDir: string;
  backup: string;
  now: Date;
}): RestoreOutcome {
  const { dbFile, setAsideDir, now } = opts;
  const { path, info } = findBackup(opts.backup, opts.backupsDir);
  const label = `${info.file} (${describeWhen(info.createdAt)}, ${describeBytes(info.bytes)})`;
  if (info.schemaVersion !== null && info.schemaVersion > latestVersion()) {
    throw new AppError(
      'VALIDATION',
      `The backup ${label} was written by a newer version of Bureau Sync (schema ${info.schemaVersion}). Install the latest version to restore it. Nothing was changed.`,
    );
  }
  const incoming = join(dirname(dbFile), `.${basename(dbFile)}.restoring`);
  rmSync(incoming, { force: true });
  createPrivateFile(incoming);
  try {
    copyFileSync(path, incoming);
    rollbackMode(incoming);
    const problems = checkFile(incoming, 'integrity_check');
    if (problems.length > 0) {
      throw new AppError(
        'DB_DAMAGED',
        `The backup ${label} is damaged too (SQLite's check says: ${problems[0]}). Choose an older backup. Nothing was changed.`,
      );
    }
    if (!looksLikeOurs(incoming)) {
      throw new AppError(
        'VALIDATION',
        `${label} is an SQLite file but not a Bureau Sync database (it has no companies table). Nothing was changed.`,
      );
    }
  } catch (err) {
    rmSync(incoming, { force: true });
    throw err;
  }

  let setAside: string | null = null;
  const present = [basename(dbFile), ...SIDE_FILES.map((s) => basename(dbFile) + s)].filter((n) =>
    existsSync(join(dirname(dbFile), n)),
  );
  if (present.length > 0) {
    setAside = privateDir(join(setAsideDir, stampOf(now)));
    const moved: string[] = [];
    try {
      for (const name of present) {
        renameSync(join(dirname(dbFile), name), join(setAside, name));
        moved.push(name);
      }
    } catch (err) {
      // All or nothing: a database whose -wal went aside without it would lose the log's changes.
      for (const name of moved) renameSync(join(setAside, name), join(dirname(dbFile), name));
      rmSync(incoming, { force: true });
      throw new AppError(
        'DB_IN_USE',
        `The database could not be moved aside (${(err as NodeJS.ErrnoException).code ?? String(err)}): another program has it open. Quit the desktop app and browser mode, then restore again. Nothing was changed.`,
      );
    }
  }
  renameSync(incoming, dbFile);
  return { restored: info, setAside };
}

/** A daily backup is a copy of a WAL-mode file: checking it read-only would leave a -wal and -shm beside it. */
function rollbackMode(file: string): void {
  const db = openSqlite(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function looksLikeOurs(file: string): boolean {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'companies'").get() !== undefined;
  } finally {
    db.close();
  }
}

export function restoredMessage(o: RestoreOutcome, dbFile: string): string {
  const aside = o.setAside ? ` The file it replaced is kept in ${o.setAside}.` : '';
  return `Restored ${o.restored.file}, the backup of ${describeWhen(o.restored.createdAt)}, as ${dbFile}.${aside} Companies, settings and history from after that backup are not in it; each company's employees are brought up to date by its next sync from the HR system.`;
}
