import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/app';
import { FileSecretStore } from '../../src-main/core/secrets/file-secret-store';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { call } from '../helpers/core';

/**
 * Crash safety: a sync of a few thousand employees runs in a child process that is SIGKILLed at many
 * moments across fetch, plan and write. After every kill the database must be intact and hold either the
 * state from before that run or the state after it (never a mix), and the next sync must complete.
 */
const N = 2000;
const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CHILD = join(ROOT, 'tests/integration/kill/child.ts');
const DB = 'bureau-sync.sqlite';
const FAST = { retryBaseMs: 5, minRateLimitWaitMs: 10, timeoutMs: 5000 };

/** What a sync decides about an employee (not when it ran): the part "before or after" is judged on. */
interface Row {
  identity: string;
  content: string;
  full: string;
}

function snapshot(dir: string): { rows: Map<string, Row>; changes: number; problems: number; integrity: string } {
  const db = new Database(join(dir, DB), { readonly: true, fileMustExist: true });
  try {
    const rows = new Map<string, Row>();
    for (const r of db.prepare('SELECT * FROM employees').all() as Array<Record<string, unknown>>) {
      const { id: _id, first_synced_at: _f, last_synced_at: _l, last_run_id: _r, ...content } = r;
      rows.set(String(r.identity), {
        identity: String(r.identity),
        content: JSON.stringify(content),
        full: JSON.stringify(r),
      });
    }
    const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    return {
      rows,
      changes: count('field_changes'),
      problems: count('employee_problems'),
      integrity: String(db.pragma('integrity_check', { simple: true })),
    };
  } finally {
    db.close();
  }
}

function copyDir(from: string): string {
  const to = mkdtempSync(join(tmpdir(), 'bureau-kill-'));
  for (const f of [DB, 'secrets.json']) copyFileSync(join(from, f), join(to, f));
  return to;
}

function openCore(dir: string): Core {
  return createCore({ dataDir: dir, secrets: new FileSecretStore(join(dir, 'secrets.json')), mode: 'cli', http: FAST });
}

/** The HR system between the first sync and the killed one: renames, leavers, removals and new starters. */
function changed(staff: SamplePerson[]): SamplePerson[] {
  const out = staff
    .filter((p) => p.seq % 50 !== 0)
    .map((p) => (p.seq % 7 === 0 ? { ...p, lastName: `${p.lastName}-Changed` } : p))
    .map((p) =>
      p.seq % 97 === 0 ? { ...p, isLeaver: true, leaveDate: '2026-10-15', leavingReason: 'Resignation' } : p,
    );
  return [...out, ...generatePeople({ count: N + 60, seed: 5 }).slice(N)];
}

interface Child {
  proc: ChildProcess;
  /** When each marker line was first seen, ms after spawn. */
  seen: Map<string, number>;
  waitFor(test: (line: string) => boolean): Promise<number>;
  kill(): Promise<void>;
}

function startChild(dir: string, companyId: string): Child {
  // detached: its own process group, so SIGKILL reaches tsx's node process too, not only the tsx launcher.
  const proc = spawn(TSX, [CHILD, dir, companyId], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const t0 = Date.now();
  const seen = new Map<string, number>();
  const waiters: Array<{ test: (l: string) => boolean; resolve: (t: number) => void }> = [];
  let stderr = '';
  let buf = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const t = Date.now() - t0;
      if (!seen.has(line)) seen.set(line, t);
      for (const w of waiters.splice(0)) {
        if (w.test(line)) w.resolve(t);
        else waiters.push(w);
      }
    }
  });
  const exited = new Promise<void>((r) => proc.on('exit', () => r()));
  return {
    proc,
    seen,
    waitFor: (test) =>
      new Promise<number>((resolvePromise, reject) => {
        for (const [line, t] of seen) if (test(line)) return resolvePromise(t);
        waiters.push({ test, resolve: resolvePromise });
        void exited.then(() => reject(new Error(`child exited before the marker; stderr: ${stderr.slice(0, 500)}`)));
      }),
    kill: async () => {
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      await exited;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const fetched = (n: number) => (l: string) => l.startsWith('fetching ') && Number(l.slice(9)) >= n;
const is = (m: string) => (l: string) => l === m || l.startsWith(`${m} `);

describe('a sync killed at any moment leaves the database as before or after that run', () => {
  let fake: RunningFakePersonio;
  let baseDir: string;
  let companyId: string;
  let before: ReturnType<typeof snapshot>;
  let after: ReturnType<typeof snapshot>;
  let planMs = 0;
  let writeMs = 0;
  const dirs: string[] = [];

  beforeAll(async () => {
    const staff = generatePeople({ count: N, seed: 5 });
    fake = await startFakePersonio({ people: staff, faults: { slowMs: 2 } });
    baseDir = mkdtempSync(join(tmpdir(), 'bureau-kill-base-'));
    dirs.push(baseDir);
    const core = openCore(baseDir);
    companyId = (
      await call(core, 'companies.create', {
        name: 'Killable Ltd',
        credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
        baseUrl: fake.baseUrl,
      })
    ).id;
    expect((await call(core, 'companies.review', { companyId })).status).toBe('succeeded');
    await core.close();
    before = snapshot(baseDir);
    expect(before.rows.size).toBe(N);

    fake.setPeople(changed(staff));
    // The state a completed run reaches from "before", computed on a copy.
    const afterDir = copyDir(baseDir);
    dirs.push(afterDir);
    const done = openCore(afterDir);
    expect((await call(done, 'sync.company', { companyId })).status).toBe('succeeded');
    await done.close();
    after = snapshot(afterDir);
    expect(after.rows.size).toBe(N + 60);

    // Calibration: how long the child spends planning and writing, to spread kills across those phases.
    const calDir = copyDir(baseDir);
    dirs.push(calDir);
    const cal = startChild(calDir, companyId);
    const tCheck = await cal.waitFor(is('checking'));
    const tWrite = await cal.waitFor(is('writing'));
    const tDone = await cal.waitFor(is('finished'));
    expect(cal.seen.has('finished succeeded')).toBe(true);
    await cal.kill();
    planMs = tWrite - tCheck;
    writeMs = tDone - tWrite;
  }, 60_000);

  afterAll(async () => {
    await fake?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const points: Array<[string, (l: string) => boolean, () => number, 'before' | 'after' | 'either']> = [
    ['first page fetched', fetched(1), () => 0, 'before'],
    ['half fetched', fetched(N / 2), () => 0, 'before'],
    // Later points may land either side of the commit when the machine is busy; both are correct.
    ['nearly all fetched', fetched(N - 100), () => 0, 'either'],
    ['planning started', is('checking'), () => 0, 'either'],
    ['half way through planning', is('checking'), () => planMs / 2, 'either'],
    ['writing started', is('writing'), () => 0, 'either'],
    ['a third into writing', is('writing'), () => writeMs / 3, 'either'],
    ['two thirds into writing', is('writing'), () => (2 * writeMs) / 3, 'either'],
    ['nine tenths into writing', is('writing'), () => (9 * writeMs) / 10, 'either'],
    ['just after the commit', is('finished'), () => 0, 'after'],
  ];

  it.each(points)('killed when %s', async (_name, marker, delay, expected) => {
    const dir = copyDir(baseDir);
    dirs.push(dir);
    const child = startChild(dir, companyId);
    await child.waitFor(marker);
    await sleep(delay());
    await child.kill();

    const got = snapshot(dir);
    expect(got.integrity).toBe('ok');
    // Each employee is exactly as before, or exactly as after; and never some of each. (A person the run
    // left unchanged is both: the run writes nothing for them.)
    let allBefore = got.rows.size === before.rows.size;
    let allAfter = got.rows.size === after.rows.size;
    for (const [identity, row] of got.rows) {
      const b = before.rows.get(identity);
      const a = after.rows.get(identity);
      const matchesBefore = b !== undefined && row.full === b.full;
      const matchesAfter = a !== undefined && row.content === a.content;
      if (!matchesBefore && !matchesAfter)
        throw new Error(`employee ${identity} is neither as before nor as after the run`);
      if (!matchesBefore) allBefore = false;
      if (!matchesAfter) allAfter = false;
    }
    const state = allBefore ? 'before' : allAfter ? 'after' : 'mixed';
    expect(state).not.toBe('mixed');
    if (expected !== 'either') expect(state).toBe(expected);
    expect(got.changes).toBe(state === 'before' ? before.changes : after.changes);
    expect(got.problems).toBe(state === 'before' ? before.problems : after.problems);

    // Reopening closes the interrupted run honestly, and the next sync completes.
    const core = openCore(dir);
    try {
      const history = await call(core, 'sync.history', { companyId });
      expect(history.some((r) => r.status === 'running')).toBe(false);
      const killed = history.find((r) => r.trigger === 'cli');
      if (killed)
        expect(killed).toMatchObject(
          state === 'before'
            ? { status: 'failed', note: expect.stringMatching(/Interrupted/) }
            : { status: 'succeeded' },
        );
      const next = await call(core, 'sync.company', { companyId });
      expect(next.status).toBe('succeeded');
    } finally {
      await core.close();
    }
    const final = snapshot(dir);
    expect(final.integrity).toBe('ok');
    expect([...final.rows.values()].map((r) => [r.identity, r.content]).sort()).toEqual(
      [...after.rows.values()].map((r) => [r.identity, r.content]).sort(),
    );
  });
});
