import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind } from '../../contract/database';
import { createPrivateFile, privateDir } from '../private-files';
import { readHeader } from './file-check';
import { openSqlite } from './sqlite';
import type { Db } from './open';

/**
 * The backups folder beside the database: a copy before each schema upgrade, and a daily online backup.
 * Every backup is written under a hidden partial name, checked by SQLite, and only then renamed into
 * place, so a file listed here is whole; it is made 0600 before a byte is written to it.
 */

const DAY_MS = 24 * 3_600_000;
const STAMP = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/;
const PARTIAL = /^\..*\.partial$/;

/** 2026-11-02T09:00:00.000Z → 2026-11-02T09-00-00-000Z: sortable, and legal in a Windows file name. */
export function stampOf(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function parseStamp(name: string): string | null {
  const m = STAMP.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

function kindOf(name: string): BackupKind {
  if (name.startsWith('daily-')) return 'daily';
  if (/^pre-v\d+-/.test(name)) return 'pre-upgrade';
  return 'other';
}

/** The backups in `dir`, newest first (a missing folder has none). Partial files being written are not listed. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const file of names) {
    if (!file.endsWith('.sqlite') || file.startsWith('.')) continue;
    const path = join(dir, file);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    let schemaVersion: number | null = null;
    try {
      const h = readHeader(path);
      schemaVersion = h.kind === 'sqlite' ? h.header.userVersion : null;
    } catch {
      /* unreadable: listed, with no version */
    }
    const kind = kindOf(file);
    out.push({
      file,
      kind,
      createdAt: (kind !== 'other' && parseStamp(file)) || st.mtime.toISOString(),
      bytes: st.size,
      schemaVersion,
    });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

/** SQLite's own check of a file, opened read-only: [] when it passes, else what it found. */
export function checkFile(path: string, how: 'quick_check' | 'integrity_check' = 'quick_check'): string[] {
  let db: Db | null = null;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    return problemsOf(db, how);
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  } finally {
    db?.close();
  }
}

/** quick_check or integrity_check on an open database: [] when it says "ok". */
export function problemsOf(db: Db, how: 'quick_check' | 'integrity_check' = 'quick_check'): string[] {
  const rows = db.pragma(`${how}(10)`) as Array<Record<string, string>>;
  // SQLite prefixes the first finding with "*** in database main ***": the file is named in the message anyway.
  return rows
    .map((r) => (Object.values(r)[0] ?? '').replace(/^\*\*\* in database \w+ \*\*\*\n/, ''))
    .filter((v) => v !== 'ok');
}

/** The newest backup that passes SQLite's check now (a restore is offered only from one that does). */
export function newestGoodBackup(dir: string): BackupInfo | null {
  for (const b of listBackups(dir)) if (checkFile(join(dir, b.file)).length === 0) return b;
  return null;
}

/**
 * Finishes a backup written to `partial`: rollback-journal mode (so opening it later, read-only, leaves no
 * -wal or -shm beside it), checked, then renamed to its real name. A copy that fails the check is deleted.
 */
function seal(partial: string, final: string): void {
  let problems: string[];
  const db = openSqlite(partial, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    problems = problemsOf(db);
  } finally {
    db.close();
  }
  if (problems.length > 0) {
    rmSync(partial, { force: true });
    throw new BackupCheckFailed(problems);
  }
  renameSync(partial, final);
}

/** A backup that SQLite's check refused: the database it was copied from is damaged. */
export class BackupCheckFailed extends Error {
  constructor(readonly problems: string[]) {
    super(`the backup failed SQLite's check (${problems[0] ?? 'unknown'})`);
  }
}

function partialFor(dir: string, name: string): string {
  const partial = join(dir, `.${name}.partial`);
  rmSync(partial, { force: true });
  createPrivateFile(partial);
  return partial;
}

function info(dir: string, file: string): BackupInfo {
  return listBackups(dir).find((b) => b.file === file)!;
}

/** The copy made before a schema upgrade (synchronous: it runs inside the open, before anything else). */
export function writePreUpgradeBackup(db: Db, dir: string, fromVersion: number, at: Date): BackupInfo {
  privateDir(dir);
  const name = `pre-v${fromVersion}-${stampOf(at)}.sqlite`;
  const partial = partialFor(dir, name);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    seal(partial, join(dir, name));
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return info(dir, name);
}

/**
 * The daily online backup, through SQLite's backup API (better-sqlite3's db.backup(): it copies a few
 * pages at a time between turns of the event loop, so the app keeps answering while it runs, and writes
 * made meanwhile through the same connection are carried into the copy).
 */
export async function writeDailyBackup(db: Db, dir: string, at: Date): Promise<BackupInfo> {
  privateDir(dir);
  const name = `daily-${stampOf(at)}.sqlite`;
  const partial = partialFor(dir, name);
  try {
    await db.backup(partial);
    seal(partial, join(dir, name));
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return info(dir, name);
}

/** Whether a daily backup is due: none yet, or the newest is a day old. */
export function dailyBackupDue(dir: string, now: Date): boolean {
  const newest = listBackups(dir).find((b) => b.kind === 'daily');
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= DAY_MS;
}

/**
 * Deletes daily and pre-upgrade backups older than keepDays, and partial files a crash left. The newest
 * backup is never deleted, however old, so there is always one to go back to; files put in the folder by
 * hand are left alone. Returns the names deleted. Called only after a new backup has been written and
 * checked, so an app that was not opened for a month keeps its last backups until it has a fresh one.
 */
export function pruneBackups(dir: string, keepDays: number, now: Date): string[] {
  // Files put there by hand are not the app's to delete, nor do they count as its newest backup.
  const own = listBackups(dir).filter((b) => b.kind !== 'other');
  const cutoff = now.getTime() - keepDays * DAY_MS;
  const gone: string[] = [];
  for (const b of own.slice(1)) {
    if (Date.parse(b.createdAt) >= cutoff) continue;
    rmSync(join(dir, b.file), { force: true });
    gone.push(b.file);
  }
  try {
    // An hour old: not one another process (the CLI beside the desktop app) is writing now.
    for (const name of readdirSync(dir)) {
      const st = PARTIAL.test(name) ? statSync(join(dir, name), { throwIfNoEntry: false }) : undefined;
      if (st && now.getTime() - st.mtimeMs > 3_600_000) rmSync(join(dir, name), { force: true });
    }
  } catch {
    /* no folder: nothing to tidy */
  }
  return gone;
}
