import { basename, dirname } from 'node:path';
import type { BackupInfo } from '../../contract/database';
import { describeBytes, describeWhen } from './describe';

/**
 * What the app says about its database file when it will not (or cannot) use it. Each sentence says what
 * was found, that nothing was changed, and what to do; the desktop app's dialog, browser mode and the
 * command line all show these same words.
 */

const backupName = (b: BackupInfo) => `${b.file} (${describeWhen(b.createdAt)}, ${describeBytes(b.bytes)})`;

/** For a file the app refuses: put the real one back, or go back to the newest backup by hand. */
export function putBackOrRestore(file: string, newest: BackupInfo | null, backupsDir: string): string {
  const name = basename(file);
  const start = `If you have the real file (a copy, or your sync client's version history), put it back as ${file}.`;
  if (!newest)
    return `${start} There is no backup in ${backupsDir}. To start afresh with no companies, move ${name} (and any ${name}-wal beside it) out of ${dirname(file)}.`;
  return `${start} Otherwise go back to the newest backup, ${backupName(newest)}: quit Bureau Sync, move ${name} out of ${dirname(file)} and copy ${backupsDir}/${newest.file} in its place, named ${name}.`;
}

export const refusedUntouched = 'Bureau Sync has not opened it, so nothing was deleted or changed.';

export function emptyFileMessage(file: string, walBytes: number, hint: string): string {
  const wal =
    walBytes > 0
      ? ` The ${basename(file)}-wal beside it still holds ${describeBytes(walBytes)} of changes and was left as it is.`
      : '';
  return `The database file ${file} is empty (0 bytes): a copy that failed, or a sync client such as OneDrive or Dropbox, can leave one. ${refusedUntouched}${wal} ${hint}`;
}

export function notSqliteMessage(file: string, bytes: number, hint: string): string {
  return `The database file ${file} (${describeBytes(bytes)}) cannot be read: its first bytes are not those of an SQLite database (the file was zeroed, overwritten or replaced). ${refusedUntouched} ${hint}`;
}

export function truncatedMessage(file: string, bytes: number, expected: number, hint: string): string {
  return `The database file ${file} is cut short: it is ${describeBytes(bytes)}, but its own header says ${describeBytes(expected)} (a copy or download that did not finish). ${refusedUntouched} ${hint}`;
}

export function logWithoutDatabaseMessage(
  file: string,
  logFile: string,
  logBytes: number,
  newest: BackupInfo | null,
): string {
  const back = newest ? ` If it is lost, the newest backup is ${backupName(newest)}: copy it in as ${file}.` : '';
  return `Found ${logFile} (${describeBytes(logBytes)} of changes not yet written into the database) but no database file ${file} beside it: the database was moved, deleted or not copied with it. Put the database file back as ${file} and start Bureau Sync again.${back} Nothing was deleted: starting afresh here would have thrown those changes away.`;
}

export function cannotReadMessage(file: string, why: string): string {
  return `The database file ${file} cannot be opened (${why}). Check that your user account owns the data folder ${dirname(file)} and everything in it, and that the disk is not full or read-only. Nothing was changed.`;
}

export function inUseMessage(file: string): string {
  return `The database file ${file} is locked by another program (another copy of Bureau Sync, a backup tool or a sync client). Close it and start Bureau Sync again. Nothing was changed.`;
}

export function damagedMessage(file: string, problem: string, newest: BackupInfo | null): string {
  const what = `The database is damaged: ${file} failed SQLite's check (${problem}). Bureau Sync has opened it read-only, so nothing more is written to it, and syncs are stopped.`;
  if (!newest)
    return `${what} There is no good backup to restore: keep this file safe and contact support; nothing was deleted.`;
  return `${what} Restore the newest good backup, ${backupName(newest)}; the damaged file is first kept aside, not deleted.`;
}
