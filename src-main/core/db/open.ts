import type Database from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';
import { createPrivateFile, privateDir } from '../private-files';
import { listBackups, newestGoodBackup, problemsOf, writePreUpgradeBackup } from './backups';
import { inspectDatabaseFile, readHeader, type DatabaseFileFacts } from './file-check';
import { cannotReadMessage, damagedMessage, inUseMessage, notSqliteMessage, putBackOrRestore } from './messages';
import { futureDatabaseError, latestVersion, migrate } from './migrate';
import { openImage, openSqlite } from './sqlite';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better-sqlite3 addon built for the running runtime. The desktop app passes an
   * Electron-ABI build prepared on first start; Node (tests, CLI, browser mode) uses the default.
   */
  nativeBinding?: string;
  /** Where backups go; defaults to `backups/` beside the database. */
  backupDir?: string;
  /** When the pre-upgrade backup is stamped (tests pass their clock). */
  now?: () => Date;
}

/** A database opened for the app: healthy and writable, or damaged and opened read-only (db null if even that failed). */
export type OpenedDatabase =
  { db: Db; damage: null } | { db: Db | null; damage: { problems: string[]; message: string } };

export const backupsDirFor = (file: string, opts: OpenOptions = {}) => opts.backupDir ?? join(dirname(file), 'backups');

/**
 * Opens (or, only where there is no file at all, creates) the one database file: checks the file before
 * SQLite sees it (file-check.ts), refuses a newer schema before anything is written, runs PRAGMA
 * quick_check, then WAL, foreign keys, a busy timeout, and the numbered migrations after a backup.
 * Never deletes or rebuilds a file. A file that fails the check is opened read-only instead.
 */
export function openAppDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  if (file === ':memory:') return { db: configure(openSqlite(file, binding(opts)), opts, null), damage: null };
  const backups = backupsDirFor(file, opts);
  privateDir(dirname(file));
  const facts = inspectDatabaseFile(file, {
    newestBackup: () => listBackups(backups)[0] ?? null,
    putBack: () => putBackOrRestore(file, listBackups(backups)[0] ?? null, backups),
  });
  if (facts.state === 'absent') createPrivateFile(file);
  else refuseNewer(file, facts, opts);

  let db: Db;
  try {
    db = openSqlite(file, { ...binding(opts), fileMustExist: true });
  } catch (err) {
    throw explain(err, file, backups);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // Read before anything writes: setting WAL mode rewrites the header of a rollback-journal file.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion()) throw futureDatabaseError(version);
    const problems = problemsOf(db);
    if (problems.length > 0) {
      db.close();
      return {
        db: reopenReadOnly(file, opts),
        damage: { problems, message: damagedMessage(file, problems[0]!, newestGoodBackup(backups)) },
      };
    }
    return { db: configure(db, opts, facts.state === 'present' ? backups : null), damage: null };
  } catch (err) {
    if (db.open) db.close();
    if (isCorrupt(err)) {
      const problem = err instanceof Error ? err.message : String(err);
      return {
        db: reopenReadOnly(file, opts),
        damage: { problems: [problem], message: damagedMessage(file, problem, newestGoodBackup(backups)) },
      };
    }
    throw explain(err, file, backups);
  }
}

/** Opens the database for code that needs it healthy (tests, tools): a damaged file throws DB_DAMAGED. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const opened = openAppDatabase(file, opts);
  if (opened.damage) {
    opened.db?.close();
    throw new AppError('DB_DAMAGED', opened.damage.message, { problems: opened.damage.problems });
  }
  return opened.db;
}

function binding(opts: OpenOptions): Database.Options {
  return opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
}

function configure(db: Db, opts: OpenOptions, backupDir: string | null): Db {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // NORMAL is durable in WAL mode across application crashes; only an OS crash can lose the last commit.
  db.pragma('synchronous = NORMAL');
  migrate(db, {
    backup: backupDir
      ? (fromVersion) => void writePreUpgradeBackup(db, backupDir, fromVersion, opts.now?.() ?? new Date())
      : undefined,
  });
  return db;
}

/**
 * A database written by a newer version is refused before SQLite opens it for writing. With no log
 * beside it, the header's user_version is the schema version and nothing needs opening; with a log
 * (the newer version is running, or stopped without tidying up) the version may be in the log, so it is
 * read through a read-only connection, which neither checkpoints nor deletes the log.
 */
function refuseNewer(file: string, facts: Extract<DatabaseFileFacts, { state: 'present' }>, opts: OpenOptions): void {
  let version = facts.header.userVersion;
  if (facts.walBytes > 0) {
    try {
      const probe = openSqlite(file, { ...binding(opts), readonly: true, fileMustExist: true });
      try {
        probe.pragma('busy_timeout = 5000');
        version = probe.pragma('user_version', { simple: true }) as number;
      } finally {
        probe.close();
      }
    } catch {
      /* unreadable through the log: the read-write open below says why */
    }
  }
  if (version > latestVersion()) throw futureDatabaseError(version);
}

/**
 * The damaged file, read-only (null if even that fails): nothing more is written to it. A WAL-mode file
 * with no log is read from a copy of its bytes in memory, because a read-only open would leave a -wal and
 * -shm beside it, and a damaged file is left exactly as it was found, to be kept aside by a restore.
 */
export function reopenReadOnly(file: string, opts: OpenOptions = {}): Db | null {
  try {
    const header = readHeader(file);
    const logged = (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
    const db =
      header.kind === 'sqlite' && header.header.walMode && !logged
        ? openImage(readFileSync(file))
        : openSqlite(file, { ...binding(opts), readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch {
    return null;
  }
}

/** SQLite's "the file is damaged" codes (SQLITE_CORRUPT and its extended codes). */
export function isCorrupt(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CORRUPT');
}

/** A failure to open, in the words of messages.ts; anything unforeseen is passed on as it is. */
function explain(err: unknown, file: string, backups: string): unknown {
  if (err instanceof AppError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  const message = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('DB_IN_USE', inUseMessage(file), undefined, err);
  if (code === 'SQLITE_NOTADB') {
    return new AppError(
      'DB_UNREADABLE',
      notSqliteMessage(
        file,
        statSync(file, { throwIfNoEntry: false })?.size ?? 0,
        putBackOrRestore(file, listBackups(backups)[0] ?? null, backups),
      ),
      undefined,
      err,
    );
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_PERM') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_FULL'
  ) {
    return new AppError('DB_UNREADABLE', cannotReadMessage(file, message), undefined, err);
  }
  return err;
}
