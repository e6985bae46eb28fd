import Database from 'better-sqlite3';

/**
 * Every connection the core opens besides its main one (backups being checked, a restore, a backup being
 * rewritten) must load the better-sqlite3 addon built for the running runtime: the desktop app's is built
 * for Electron's ABI, and node_modules' copy would crash it. That is a fact of the process, so it is set
 * once, by createCore, rather than passed to every helper.
 */
let nativeBinding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function openSqlite(source: string | Buffer, opts: Database.Options = {}): Database.Database {
  return new Database(source, nativeBinding && !opts.nativeBinding ? { ...opts, nativeBinding } : opts);
}

/**
 * A database file's bytes opened in memory, leaving the file untouched: a WAL-mode file opened read-only
 * where it is would get a -wal and -shm beside it. SQLite cannot open an in-memory image flagged as WAL,
 * so the flag is cleared in the copy (only for a file with no log: what is in a log is not in these bytes).
 */
export function openImage(bytes: Buffer): Database.Database {
  if (bytes.length >= 20 && bytes[18] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return openSqlite(bytes);
}
