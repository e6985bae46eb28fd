import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/core/db/open';
import { MIGRATIONS } from '../../src-main/core/db/migrations';

const tmp = () => mkdtempSync(join(tmpdir(), 'bureau-db-'));
const latest = MIGRATIONS.at(-1)!.version;

describe('database file', () => {
  it('creates a new database at the latest schema, in WAL mode, without a backup (nothing to back up)', () => {
    const dir = tmp();
    const db = openDatabase(join(dir, 'app.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('refuses to open a database written by a newer version, and leaves it untouched', () => {
    const dir = tmp();
    const file = join(dir, 'app.sqlite');
    const raw = new Database(file);
    raw.exec("CREATE TABLE keep (x TEXT); INSERT INTO keep VALUES ('payroll');");
    raw.pragma(`user_version = ${latest + 10}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer version of Bureau Sync/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(latest + 10);
    expect(after.prepare('SELECT x FROM keep').get()).toEqual({ x: 'payroll' });
    after.close();
  });

  it('backs up an existing database before migrating it, and the backup holds the old data', () => {
    const dir = tmp();
    const file = join(dir, 'app.sqlite');
    // An "old" database: version 5, with data the migration must not lose.
    const raw = new Database(file);
    raw.exec("CREATE TABLE legacy (x TEXT); INSERT INTO legacy VALUES ('old row');");
    raw.pragma('user_version = 5');
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare('SELECT x FROM legacy').get()).toEqual({ x: 'old row' });
    db.close();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^pre-v5-/);
    const bak = new Database(join(dir, 'backups', backups[0]!), { readonly: true });
    expect(bak.pragma('user_version', { simple: true })).toBe(5);
    expect(bak.prepare('SELECT x FROM legacy').get()).toEqual({ x: 'old row' });
    bak.close();
  });

  it('runs migrations in one transaction: a failing migration leaves the file as it was', () => {
    const dir = tmp();
    const file = join(dir, 'app.sqlite');
    const raw = new Database(file);
    // A table that clashes with the initial schema makes migration 10 fail part way.
    raw.exec('CREATE TABLE employees (clash TEXT);');
    raw.pragma('user_version = 1');
    raw.close();
    expect(() => openDatabase(file)).toThrow();
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    const tables = (
      after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
    ).map((t) => t.name);
    expect(tables).toEqual(['employees']);
    after.close();
  });
});
