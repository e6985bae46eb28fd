import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better-sqlite3 addon built for the running runtime. The desktop app passes an
   * Electron-ABI build prepared on first start; Node (tests, CLI, browser mode) uses the default.
   */
  nativeBinding?: string;
  /** Where pre-migration backups go; defaults to `backups/` beside the database. */
  backupDir?: string;
}

/**
 * Opens (or creates) the one database file: WAL, foreign keys, a busy timeout, then the numbered
 * migrations. Never deletes or rebuilds a file: a database from a newer app version is refused.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const existed = file !== ':memory:' && existsSync(file);
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // NORMAL is durable in WAL mode across application crashes; only an OS crash can lose the last commit.
    db.pragma('synchronous = NORMAL');
    migrate(db, {
      backup: existed
        ? (fromVersion) => {
            const dir = opts.backupDir ?? join(dirname(file), 'backups');
            mkdirSync(dir, { recursive: true });
            const stamp = new Date().toISOString().replace(/[:.]/g, '-');
            const target = join(dir, `pre-v${fromVersion}-${stamp}.sqlite`);
            db.prepare('VACUUM INTO ?').run(target);
          }
        : undefined,
    });
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
