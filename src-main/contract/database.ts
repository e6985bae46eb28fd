import { z } from 'zod';

/**
 * The database file as the front end sees it: whether it is healthy, the backups kept beside it, and a
 * restore. A damaged database is opened read-only (nothing more is written to it) until a backup is restored.
 */

/** daily: the online backup made once a day; pre-upgrade: the copy made before a schema upgrade; other: a file put there by hand. */
export type BackupKind = 'daily' | 'pre-upgrade' | 'other';

export interface BackupInfo {
  /** The file's name in the backups folder: what a restore asks for. */
  file: string;
  kind: BackupKind;
  /** When it was taken (from its name; a file put there by hand: when it was last changed). */
  createdAt: string;
  bytes: number;
  /** The schema version in its header (an older one is upgraded when restored); null if unreadable. */
  schemaVersion: number | null;
}

export interface BackupList {
  dir: string;
  /** Daily and pre-upgrade backups older than this many days are deleted (the newest one never is). */
  keepDays: number;
  /** Newest first. */
  backups: BackupInfo[];
}

export type DatabaseStatus =
  | { state: 'ok'; file: string }
  | {
      state: 'damaged';
      file: string;
      /** The sentence to show: what is wrong, that it is read-only now, and what to do. */
      message: string;
      /** The newest backup that passed SQLite's check just now, to offer as the one-click restore. */
      newestGoodBackup: BackupInfo | null;
    };

export interface RestoreResult {
  /** The backup now in use. */
  restored: BackupInfo;
  /** Where the file it replaced was kept (with its -wal and -shm), or null if there was none. */
  setAside: string | null;
  message: string;
}

export const restoreInput = z.object({
  file: z.string().trim().min(1, 'Name the backup to restore (as listed under Backups)').max(300),
});

export const BACKUP_DAYS = { min: 1, max: 365, default: 14 } as const;
