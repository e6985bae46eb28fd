import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createPrivateFile } from '../private-files';
import { listBackups, problemsOf } from './backups';
import { readHeader } from './file-check';
import type { Db } from './open';
import { openImage, openSqlite } from './sqlite';

/**
 * What makes a removed company's data gone from the disk, not only from the lists (issue 21).
 *
 * In the database file: deleting rows leaves their bytes in free pages and in the unused parts of pages
 * still in use, and the write-ahead log keeps older copies of pages until it is reset. secure_delete
 * (zeroing what each write frees) was measured against a VACUUM after the removal (bench/erase-company.ts):
 * secure_delete on every write cost nothing measurable, but a database that has run without it, which is
 * every bureau's existing file, still has earlier free pages full of data, so a VACUUM would be needed
 * anyway; a VACUUM alone leaves nothing (the file is rebuilt from the rows that remain) and costs ~0.3 s
 * per 10,000 employees left, once, at a rare, deliberate action, instead of a cost on every hourly sync.
 * So: VACUUM after the removal, then a truncating checkpoint so the log keeps no old pages either.
 *
 * In the copies: backups (and files set aside by a restore) hold the company whole. They are rewritten
 * without it, or deleted when they cannot be opened, unless the bureau chooses to keep them.
 */

/**
 * Rebuilds the file from the rows that remain and empties the write-ahead log (`between` runs after the
 * rebuild, before the log is emptied). Throws if SQLite cannot (e.g. the disk is full).
 */
export function eraseFreedSpace(db: Db, between?: () => void): void {
  db.exec('VACUUM');
  between?.();
  const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (r?.busy) throw new Error('another connection kept the write-ahead log busy, so it still holds old pages');
}

export interface CopyOfData {
  /** The file (a backup) or folder (a set-aside database with its -wal and -shm). */
  path: string;
  kind: 'backup' | 'set-aside';
  /** True: it holds the company. null: it could not be opened, so it may. */
  holds: boolean | null;
}

/** Every copy of the database in the data folder that holds (or may hold) the company. */
export function copiesHolding(dataDir: string, companyId: string): CopyOfData[] {
  const out: CopyOfData[] = [];
  const backups = join(dataDir, 'backups');
  for (const b of listBackups(backups)) {
    const holds = holdsCompany(join(backups, b.file), companyId);
    if (holds !== false) out.push({ path: join(backups, b.file), kind: 'backup', holds });
  }
  const setAside = join(dataDir, 'set-aside');
  for (const name of existsSync(setAside) ? readdirSync(setAside) : []) {
    const dir = join(setAside, name);
    if (!statSync(dir).isDirectory()) continue;
    const db = readdirSync(dir).find((f) => f.endsWith('.sqlite'));
    // What is in a log beside it cannot be read without changing the files: then it may hold the company.
    const logged = db !== undefined && (statSync(join(dir, `${db}-wal`), { throwIfNoEntry: false })?.size ?? 0) > 0;
    const holds = db && !logged ? holdsCompany(join(dir, db), companyId) : null;
    if (holds !== false) out.push({ path: dir, kind: 'set-aside', holds });
  }
  return out;
}

/**
 * Looks for the company without changing anything on disk: a rollback-journal file (every backup the app
 * seals) is opened read-only where it is, reading only the pages the query needs; a WAL-mode one (which a
 * read-only open would give a -wal and -shm) is opened from a copy of its bytes in memory.
 */
function holdsCompany(file: string, companyId: string): boolean | null {
  let db: Db | null = null;
  try {
    const header = readHeader(file);
    if (header.kind !== 'sqlite') return null;
    db = header.header.walMode
      ? openImage(readFileSync(file))
      : openSqlite(file, { readonly: true, fileMustExist: true });
    const hit = db
      .prepare('SELECT 1 FROM companies WHERE id = ? UNION ALL SELECT 1 FROM employees WHERE company_id = ? LIMIT 1')
      .get(companyId, companyId);
    return hit !== undefined;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export interface PurgeResult {
  rewritten: string[];
  deleted: string[];
}

/**
 * Rewrites each backup holding the company without it (opened in memory, its rows deleted, written out
 * compact with VACUUM INTO under a partial name, checked, then renamed over the old one, keeping its name
 * and date), and deletes what cannot be rewritten: a backup that cannot be opened, and set-aside copies
 * (damaged files kept for recovery, which cannot be trusted to rewrite).
 */
export function purgeCopies(copies: CopyOfData[], companyId: string): PurgeResult {
  const result: PurgeResult = { rewritten: [], deleted: [] };
  for (const c of copies) {
    if (c.kind === 'backup' && c.holds === true && rewriteWithout(c.path, companyId)) {
      result.rewritten.push(c.path);
      continue;
    }
    rmSync(c.path, { recursive: true, force: true });
    result.deleted.push(c.path);
  }
  return result;
}

function rewriteWithout(file: string, companyId: string): boolean {
  const partial = join(file, '..', `.${basename(file)}.partial`);
  let db: Db | null = null;
  try {
    db = openImage(readFileSync(file));
    db.transaction(() => eraseCompanyRows(db!, companyId))();
    rmSync(partial, { force: true });
    createPrivateFile(partial);
    db.prepare('VACUUM INTO ?').run(partial);
    db.close();
    db = null;
    const check = openSqlite(partial, { fileMustExist: true });
    let ok: boolean;
    try {
      ok =
        problemsOf(check).length === 0 &&
        check.prepare('SELECT 1 FROM companies WHERE id = ?').get(companyId) === undefined;
    } finally {
      check.close();
    }
    if (!ok) throw new Error('the rewritten backup did not pass its check');
    renameSync(partial, file);
    return true;
  } catch {
    rmSync(partial, { force: true });
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Deletes one company's rows from a database of any schema version (a backup may be older than this code):
 * every table with a company_id column, every table whose foreign key leads to one of those (deepest first,
 * so each still finds its parents), and the companies row.
 */
export function eraseCompanyRows(db: Db, companyId: string): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const columns = new Map(
    tables.map((t) => [
      t,
      (db.prepare(`PRAGMA table_info(${q(t)})`).all() as Array<{ name: string }>).map((c) => c.name),
    ]),
  );
  const links = new Map(
    tables.map((t) => [
      t,
      (
        db.prepare(`PRAGMA foreign_key_list(${q(t)})`).all() as Array<{
          table: string;
          from: string;
          to: string | null;
        }>
      ).filter((fk) => fk.table !== t),
    ]),
  );
  // Which rows of each table are the company's, as a WHERE clause, and how deep below the company they sit.
  const owned = new Map<string, { where: string; depth: number }>();
  for (const t of tables)
    if (t !== 'companies' && columns.get(t)!.includes('company_id'))
      owned.set(t, { where: 'company_id = @id', depth: 0 });
  for (let changed = true; changed;) {
    changed = false;
    for (const t of tables) {
      if (t === 'companies' || owned.has(t)) continue;
      for (const fk of links.get(t)!) {
        const parent = owned.get(fk.table);
        if (!parent) continue;
        owned.set(t, {
          where: `${q(fk.from)} IN (SELECT ${q(fk.to ?? 'rowid')} FROM ${q(fk.table)} WHERE ${parent.where})`,
          depth: parent.depth + 1,
        });
        changed = true;
        break;
      }
    }
  }
  for (const [t, o] of [...owned].sort((a, b) => b[1].depth - a[1].depth))
    db.prepare(`DELETE FROM ${q(t)} WHERE ${o.where}`).run({ id: companyId });
  if (tables.includes('companies')) db.prepare('DELETE FROM companies WHERE id = @id').run({ id: companyId });
}

const PENDING_KEY = 'db.erasePending';

export interface ErasedCopies {
  rewritten: number;
  deleted: number;
  kept: number;
}

/**
 * After a company's rows are deleted: its bytes overwritten in the database file, and its copies in the
 * backups rewritten or deleted (unless kept as asked). If the file cannot be rebuilt now (the disk is full),
 * a note in app_settings makes the next start try again, and the warning says so.
 */
export function eraseAfterRemoval(
  db: Db,
  dataDir: string,
  companyId: string,
  keepBackups: boolean,
): { backups: ErasedCopies; warnings: string[] } {
  const warnings: string[] = [];
  db.prepare(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(PENDING_KEY, '1');
  try {
    eraseFreedSpace(db, () => db.prepare('DELETE FROM app_settings WHERE key = ?').run(PENDING_KEY));
  } catch (err) {
    warnings.push(
      `The space its data used in the database file could not be overwritten yet (${err instanceof Error ? err.message : String(err)}); Bureau Sync tries again each time it starts. Free some disk space and restart it.`,
    );
  }
  const copies = copiesHolding(dataDir, companyId);
  if (keepBackups) return { backups: { rewritten: 0, deleted: 0, kept: copies.length }, warnings };
  try {
    const r = purgeCopies(copies, companyId);
    return { backups: { rewritten: r.rewritten.length, deleted: r.deleted.length, kept: 0 }, warnings };
  } catch (err) {
    const left = copiesHolding(dataDir, companyId).length;
    warnings.push(
      `${left} ${left === 1 ? 'backup still holds' : 'backups still hold'} its data: they could not be rewritten or deleted (${err instanceof Error ? err.message : String(err)}).`,
    );
    return { backups: { rewritten: 0, deleted: copies.length - left, kept: left }, warnings };
  }
}

/** At start-up: finishes an erase a removal could not (see eraseAfterRemoval). */
export function finishPendingErase(db: Db): boolean {
  const pending = db.prepare('SELECT 1 FROM app_settings WHERE key = ?').get(PENDING_KEY) !== undefined;
  if (pending) eraseFreedSpace(db, () => db.prepare('DELETE FROM app_settings WHERE key = ?').run(PENDING_KEY));
  return pending;
}
