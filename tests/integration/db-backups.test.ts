import Database from 'better-sqlite3';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { pruneBackups } from '../../src-main/core/db/backups';
import { MIGRATIONS } from '../../src-main/core/db/migrations';
import { openDatabase } from '../../src-main/core/db/open';
import { call, FakeClock, makeCore } from '../helpers/core';
import { DB_NAME } from '../helpers/db-files';

/**
 * Backups a bureau can rely on: besides the copy before each upgrade, one online backup a day, checked by
 * SQLite after it is written, kept for the days Preferences says (14 by default), pruned by age but never
 * the newest, and listed with their dates and sizes.
 */
const DAY = 24 * 3_600_000;
const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

async function coreWithCompany(clock: FakeClock, opts: { schedule?: boolean; dataDir?: string } = {}) {
  const core = makeCore({ clock, ...opts });
  open.push(core);
  const { id } = await call(core, 'companies.addDemo', {});
  expect((await call(core, 'companies.review', { companyId: id })).status).toBe('succeeded');
  return { core, dir: join(core.dataDir, 'backups'), id };
}

const names = (dir: string) => readdirSync(dir).sort();

describe('the daily backup', () => {
  it('is written once a day, whole and checked, 0600, in rollback-journal mode, and holds the data', async () => {
    const clock = new FakeClock('2026-11-02T09:00:00Z');
    const { core, dir } = await coreWithCompany(clock);

    const first = await core.backupIfDue();
    expect(first).toMatchObject({
      file: 'daily-2026-11-02T09-00-00-000Z.sqlite',
      kind: 'daily',
      createdAt: '2026-11-02T09:00:00.000Z',
    });
    const file = join(dir, first!.file);
    expect(first!.bytes).toBe(statSync(file).size);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    // Rollback-journal mode (header bytes 18-19 are 1): reading it read-only leaves no -wal or -shm behind.
    expect([...readFileSync(file).subarray(18, 20)]).toEqual([1, 1]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Demo Company Ltd']);
    expect(db.prepare('SELECT COUNT(*) FROM employees').pluck().get()).toBeGreaterThan(100);
    db.close();
    expect(names(dir)).toEqual([first!.file]);

    // Not again the same day; again once it is a day old.
    clock.advance(DAY - 60_000);
    expect(await core.backupIfDue()).toBeNull();
    clock.advance(60_000);
    expect((await core.backupIfDue())?.file).toBe('daily-2026-11-03T09-00-00-000Z.sqlite');
  });

  it('keeps the days Preferences says (14 by default), prunes older ones by age with the pre-upgrade copies, and never the newest', async () => {
    const clock = new FakeClock('2026-11-02T09:00:00Z');
    const { core, dir } = await coreWithCompany(clock);
    expect((await call(core, 'app.preferences.get', {})).backupDays).toBe(14);
    // A pre-upgrade copy from before, and a file the bureau put there by hand.
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pre-v60-2026-10-30T08-00-00-000Z.sqlite'), readFileSync(core.dbFile));
    writeFileSync(join(dir, 'before-year-end.sqlite'), readFileSync(core.dbFile));
    const handMade = new Date('2026-10-01T12:00:00Z');
    utimesSync(join(dir, 'before-year-end.sqlite'), handMade, handMade);

    const bad = await core.invoke('app.preferences.set', { patch: { backupDays: 0 } });
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'VALIDATION',
      message: 'patch.backupDays: Keep backups for at least 1 day',
    });
    expect((await call(core, 'app.preferences.set', { patch: { backupDays: 3 } })).backupDays).toBe(3);
    for (let day = 0; day < 6; day++) {
      expect(await core.backupIfDue()).not.toBeNull();
      clock.advance(DAY);
    }
    // On 7 November at 09:00: the 4th to the 7th kept (3 days back, to the minute), the rest pruned.
    expect(names(dir)).toEqual([
      'before-year-end.sqlite',
      'daily-2026-11-04T09-00-00-000Z.sqlite',
      'daily-2026-11-05T09-00-00-000Z.sqlite',
      'daily-2026-11-06T09-00-00-000Z.sqlite',
      'daily-2026-11-07T09-00-00-000Z.sqlite',
    ]);

    const listed = await call(core, 'app.backups.list', {});
    expect(listed.dir).toBe(dir);
    expect(listed.keepDays).toBe(3);
    expect(listed.backups.map((b) => [b.file, b.kind, b.createdAt])).toEqual([
      ['daily-2026-11-07T09-00-00-000Z.sqlite', 'daily', '2026-11-07T09:00:00.000Z'],
      ['daily-2026-11-06T09-00-00-000Z.sqlite', 'daily', '2026-11-06T09:00:00.000Z'],
      ['daily-2026-11-05T09-00-00-000Z.sqlite', 'daily', '2026-11-05T09:00:00.000Z'],
      ['daily-2026-11-04T09-00-00-000Z.sqlite', 'daily', '2026-11-04T09:00:00.000Z'],
      ['before-year-end.sqlite', 'other', '2026-10-01T12:00:00.000Z'],
    ]);
    for (const b of listed.backups) expect(b.bytes).toBe(statSync(join(dir, b.file)).size);
    expect(listed.backups[0]!.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);

    // However old, the newest backup stays: an app not opened for a month keeps something to go back to.
    expect(pruneBackups(dir, 3, new Date('2027-01-01T00:00:00Z'))).toEqual([
      'daily-2026-11-06T09-00-00-000Z.sqlite',
      'daily-2026-11-05T09-00-00-000Z.sqlite',
      'daily-2026-11-04T09-00-00-000Z.sqlite',
    ]);
    expect(names(dir)).toEqual(['before-year-end.sqlite', 'daily-2026-11-07T09-00-00-000Z.sqlite']);
  });

  it('in the desktop app and browser mode, is written at start and checked for every hour', async () => {
    const clock = new FakeClock('2026-11-02T09:00:00Z');
    const dataDir = mkdtempSync(join(tmpdir(), 'bureau-backup-timer-'));
    // A database from yesterday, then the app started with its schedule (as the desktop app is).
    const setup = makeCore({ dataDir, clock });
    await call(setup, 'companies.addDemo', {});
    await setup.close();
    const core = makeCore({ dataDir, clock, schedule: true });
    open.push(core);
    const dir = join(dataDir, 'backups');
    await expect.poll(() => existsSync(dir) && names(dir)).toEqual(['daily-2026-11-02T09-00-00-000Z.sqlite']);
    clock.advance(3_600_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(names(dir)).toHaveLength(1);
    clock.advance(23 * 3_600_000);
    await expect
      .poll(() => names(dir))
      .toEqual(['daily-2026-11-02T09-00-00-000Z.sqlite', 'daily-2026-11-03T09-00-00-000Z.sqlite']);
  });
});

describe('the backup before an upgrade', () => {
  it('is written whole, checked and 0600 before the schema changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bureau-upgrade-'));
    const file = join(dir, DB_NAME);
    const raw = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 60)) m.up(raw);
    raw.pragma('user_version = 60');
    raw.prepare("INSERT INTO app_settings (key, value) VALUES ('kept', 'yes')").run();
    raw.close();
    openDatabase(file, { now: () => new Date('2026-11-02T09:00:00Z') }).close();
    const [name] = readdirSync(join(dir, 'backups'));
    expect(name).toBe('pre-v60-2026-11-02T09-00-00-000Z.sqlite');
    const path = join(dir, 'backups', name!);
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
    const bak = new Database(path, { readonly: true });
    expect(bak.pragma('user_version', { simple: true })).toBe(60);
    expect(bak.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(bak.prepare("SELECT value FROM app_settings WHERE key = 'kept'").pluck().get()).toBe('yes');
    bak.close();
  });
});
