import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTOCHECKPOINT_PAGES,
  startCheckpointer,
  type Checkpointer,
} from '../../src-main/core/db/checkpointer';
import { openDatabase, type Db } from '../../src-main/core/db/open';
import type { Logger } from '../../src-main/core/ports';

/**
 * The core's connection leaves checkpoints to a worker thread, so a big run's commit does not also copy
 * the log into the database file on the app's main thread. These tests watch the real files: what a
 * commit leaves in the -wal file, and when it reaches the database file.
 */
const dirs: string[] = [];
const open: Array<{ db: Db; cp: Checkpointer }> = [];

afterEach(async () => {
  for (const { db, cp } of open.splice(0)) {
    await cp.close();
    if (db.open) db.close();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function warnings(): { logger: Logger; said: string[] } {
  const said: string[] = [];
  return {
    said,
    logger: { info() {}, error() {}, warn: (msg, meta) => said.push(`${msg}: ${String(meta?.message ?? '')}`) },
  };
}

function setUp(opts: { modulePath?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
  dirs.push(dir);
  const file = join(dir, 'bureau-sync.sqlite');
  const db = openDatabase(file);
  const { logger, said } = warnings();
  const cp = startCheckpointer(db, file, { logger, modulePath: opts.modulePath });
  open.push({ db, cp });
  db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { db, cp, file, said };
}

/** About 8 MB in one transaction: well past SQLite's 1,000-page automatic checkpoint. */
function bigCommit(db: Db): void {
  const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`${i}:`.padEnd(4000, 'x'));
  })();
}

const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
const MB = 1024 * 1024;

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('checkpoints on a worker thread', () => {
  it('a big commit stays in the log until the worker copies it into the database file', async () => {
    const { db, cp, file } = setUp();
    expect(cp.onWorker).toBe(true);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = size(file);
    bigCommit(db);
    // Durable in the -wal file, not yet in the database file: the commit did not checkpoint.
    expect(size(`${file}-wal`)).toBeGreaterThan(7 * MB);
    expect(size(file)).toBe(before);

    const r = await cp.checkpoint();
    expect(r.busy).toBe(false);
    expect(r.logFrames).toBeGreaterThan(1000);
    expect(r.checkpointedFrames).toBe(r.logFrames);
    expect(size(file)).toBeGreaterThan(before + 7 * MB);
    expect(db.prepare('SELECT COUNT(*) FROM blobs').pluck().get()).toBe(2000);
  });

  it('a nudge gets the log copied without anyone waiting for it, and repeated nudges fold together', async () => {
    const { db, cp, file } = setUp();
    bigCommit(db);
    const before = size(file);
    cp.nudge();
    cp.nudge();
    cp.nudge();
    await until('the database file to take the commit', () => size(file) > before + 7 * MB);
    // Writes go on while (and after) the worker copies; none is lost.
    bigCommit(db);
    cp.nudge();
    const r = await cp.checkpoint();
    expect(r.checkpointedFrames).toBe(r.logFrames);
    expect(db.prepare('SELECT COUNT(*) FROM blobs').pluck().get()).toBe(4000);
  });

  it('a worker that cannot start hands checkpoints back to the core connection, and says so', async () => {
    const { db, cp, file, said } = setUp({ modulePath: join(tmpdir(), 'no-such-module', 'index.js') });
    await until('the worker to fail', () => !cp.onWorker);
    expect(said.join('\n')).toMatch(/checkpoints are back on the main thread: .*no-such-module/i);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);
    // SQLite's own automatic checkpoint is back: a big commit reaches the database file by itself.
    const before = size(file);
    bigCommit(db);
    expect(size(file)).toBeGreaterThan(before + 3 * MB);
    const r = await cp.checkpoint();
    expect(r.checkpointedFrames).toBe(r.logFrames);
  });

  it('closing the worker and then the core connection leaves everything in the database file', async () => {
    const { db, cp, file } = setUp();
    bigCommit(db);
    await cp.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(DEFAULT_AUTOCHECKPOINT_PAGES);
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = openDatabase(file);
    try {
      expect(again.prepare('SELECT COUNT(*) FROM blobs').pluck().get()).toBe(2000);
    } finally {
      again.close();
    }
  });
});
