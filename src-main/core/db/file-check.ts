import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../errors';
import {
  cannotReadMessage,
  emptyFileMessage,
  logWithoutDatabaseMessage,
  notSqliteMessage,
  truncatedMessage,
} from './messages';
import type { BackupInfo } from '../../contract/database';

/**
 * Looks at the database file with plain reads before SQLite ever opens it. SQLite treats a 0-byte file as
 * a new, empty database (and deletes the -wal beside it, which may be the only copy of the data), and
 * creates a fresh file where there is none: either would silently rebuild a bureau's data as "No
 * companies yet". So the app creates a database only when there is no file at all, and refuses, touching
 * nothing, anything it cannot trust.
 */

const MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');
const HEADER_BYTES = 100;

/** The facts of the 100-byte SQLite header this app uses (https://www.sqlite.org/fileformat.html#the_database_header). */
export interface SqliteHeader {
  pageSize: number;
  /** File format versions 2/2: the file is in WAL mode. */
  walMode: boolean;
  /** The database size in pages the header records, when the header says it is valid (else null). */
  pageCount: number | null;
  /** PRAGMA user_version: the app's schema version. */
  userVersion: number;
}

export type HeaderRead = { kind: 'sqlite'; header: SqliteHeader } | { kind: 'empty' } | { kind: 'not-sqlite' };

export function readHeader(path: string): HeaderRead {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const n = readSync(fd, buf, 0, HEADER_BYTES, 0);
    if (n === 0) return { kind: 'empty' };
    if (n < HEADER_BYTES || !buf.subarray(0, 16).equals(MAGIC)) return { kind: 'not-sqlite' };
    const raw = buf.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    // Bytes 24 (change counter) and 92 (version-valid-for) match when the in-header size at 28 is current.
    const sizeValid = buf.readUInt32BE(24) === buf.readUInt32BE(92) && buf.readUInt32BE(28) > 0;
    return {
      kind: 'sqlite',
      header: {
        pageSize,
        walMode: buf[18] === 2 && buf[19] === 2,
        pageCount: sizeValid ? buf.readUInt32BE(28) : null,
        userVersion: buf.readInt32BE(60),
      },
    };
  } finally {
    closeSync(fd);
  }
}

export type DatabaseFileFacts =
  { state: 'absent' } | { state: 'present'; header: SqliteHeader; bytes: number; walBytes: number };

/** Size of a file, or null when there is none. */
function sizeOf(path: string): number | null {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'EISDIR' });
    return st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export interface InspectOptions {
  /** The newest backup, looked up only when a refusal needs it. */
  newestBackup: () => BackupInfo | null;
  /** The sentence of what to do with a file refused (put the real one back, or which backup to copy in). */
  putBack: () => string;
}

/**
 * What is at `file`: nothing at all (a database may be created), or an SQLite file that may be opened.
 * Anything else throws DB_UNREADABLE with the words to show, and nothing is touched.
 */
export function inspectDatabaseFile(file: string, opts: InspectOptions): DatabaseFileFacts {
  let bytes: number | null;
  let walBytes: number | null;
  let journalBytes: number | null;
  try {
    bytes = sizeOf(file);
    walBytes = sizeOf(`${file}-wal`);
    journalBytes = sizeOf(`${file}-journal`);
  } catch (err) {
    throw new AppError('DB_UNREADABLE', cannotReadMessage(file, errnoText(err)));
  }
  if (bytes === null) {
    // A log or journal with no database beside it holds changes that belong to a file that has gone.
    const log = walBytes
      ? { name: `${file}-wal`, bytes: walBytes }
      : journalBytes
        ? { name: `${file}-journal`, bytes: journalBytes }
        : null;
    if (log)
      throw new AppError('DB_UNREADABLE', logWithoutDatabaseMessage(file, log.name, log.bytes, opts.newestBackup()), {
        file,
        found: 'log-without-database',
      });
    return { state: 'absent' };
  }
  let read: HeaderRead;
  try {
    read = readHeader(file);
  } catch (err) {
    throw new AppError('DB_UNREADABLE', cannotReadMessage(file, errnoText(err)));
  }
  if (read.kind === 'empty')
    throw new AppError('DB_UNREADABLE', emptyFileMessage(file, walBytes ?? 0, opts.putBack()), {
      file,
      found: 'empty',
    });
  if (read.kind === 'not-sqlite')
    throw new AppError('DB_UNREADABLE', notSqliteMessage(file, bytes, opts.putBack()), { file, found: 'not-sqlite' });
  const { header } = read;
  // Without a log to complete it, a file shorter than its header says was cut off. (With a -wal, a
  // checkpoint that stopped part way can leave exactly that, and SQLite finishes it from the log.)
  const expected = header.pageCount !== null ? header.pageCount * header.pageSize : null;
  if (!walBytes && ((expected !== null && bytes < expected) || bytes % header.pageSize !== 0)) {
    throw new AppError(
      'DB_UNREADABLE',
      truncatedMessage(file, bytes, expected ?? Math.ceil(bytes / header.pageSize) * header.pageSize, opts.putBack()),
      {
        file,
        found: 'truncated',
      },
    );
  }
  return { state: 'present', header, bytes, walBytes: walBytes ?? 0 };
}

function errnoText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EISDIR') return 'it is a folder, not a file';
  return e.code ? `${e.code}: ${e.message}` : String(err);
}
