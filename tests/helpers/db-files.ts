import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { call, makeCore } from './core';

/** Real database files in the states issue 21 is about, and ways to see that none of their bytes changed. */

export const DB_NAME = 'bureau-sync.sqlite';

/** Every file under `dir` (but `logs/`, which a refused start may create) with a hash of its bytes. */
export function snapshot(dir: string, opts: { exclude?: string[] } = {}): Record<string, string> {
  const exclude = new Set(opts.exclude ?? ['logs']);
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const rel = relative(dir, path);
      if (exclude.has(rel)) continue;
      const st = lstatSync(path);
      if (st.isDirectory()) walk(path);
      else out[rel] = `${st.size}:${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`;
    }
  };
  walk(dir);
  return out;
}

/** A data folder holding one demo company after its first sync, made by the real core and closed. */
export async function dataFolderWithCompany(): Promise<{ dataDir: string; dbFile: string; companyId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bureau-dbfile-'));
  const core = makeCore({ dataDir });
  try {
    const { id } = await call(core, 'companies.addDemo', {});
    const run = await call(core, 'companies.review', { companyId: id });
    if (run.status !== 'succeeded') throw new Error(`the demo's first sync ${run.status}`);
    return { dataDir, dbFile: core.dbFile, companyId: id };
  } finally {
    await core.close();
  }
}

/**
 * Leaves `dbFile` with a -wal holding a committed change that is not yet in the file, as a crash (or a
 * sync client that copied the folder mid-write) leaves it: the log is copied while a connection has it
 * open with checkpoints off, then put back after that connection closed.
 */
export function leaveUncheckpointedLog(
  dbFile: string,
  sql = "INSERT INTO app_settings (key, value) VALUES ('only-in-the-log', 'x')",
): void {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec(sql);
  const saved = `${dbFile}.saved-wal`;
  copyFileSync(`${dbFile}-wal`, saved);
  const before = readFileSync(dbFile);
  db.close();
  // Closing checkpointed the log into the file: put back the file as it was, and the log beside it.
  const fd = openSync(dbFile, 'w');
  writeSync(fd, before);
  closeSync(fd);
  copyFileSync(saved, `${dbFile}-wal`);
  rmSync(saved);
}

/** Overwrites one page in the middle of the file with junk (pages are `pageSize` bytes; page 1 is the header). */
export function damagePage(file: string, fraction = 0.5): number {
  const pageSize = readFileSync(file).readUInt16BE(16);
  const pages = Math.floor(statSync(file).size / pageSize);
  const page = Math.max(2, Math.floor(pages * fraction));
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return page;
}

/** The permission bits of every folder and file under `dir` (and `dir` itself, as "."), e.g. { "backups": "700" }. */
export function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const st = lstatSync(path);
      out[relative(dir, path)] = (st.mode & 0o777).toString(8);
      if (st.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return out;
}

/** Which of `needles` appear anywhere in the raw bytes of the file (not through SQLite: free pages and the log too). */
export function foundInBytes(file: string, needles: string[]): string[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file).toString('latin1');
  return needles.filter((n) => text.includes(n));
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (lstatSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out;
}
