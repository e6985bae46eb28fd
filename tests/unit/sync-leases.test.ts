import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-main/core/api/companies';
import { openDatabase, type Db } from '../../src-main/core/db/open';
import { CompanyRepository } from '../../src-main/core/db/repositories/companies';
import { RunRepository } from '../../src-main/core/db/repositories/runs';
import {
  INTERRUPTED_NOTE,
  LeaseRepository,
  PROCESS_OWNER,
  STALE_MS,
  type LeaseOptions,
  type RunOwner,
} from '../../src-main/core/db/repositories/leases';
import { EMPTY_COUNTS } from '../../src-main/core/db/repositories/runs';
import { AppError } from '../../src-main/core/errors';
import { EmployeeRepository } from '../../src-main/core/db/repositories/employees';
import type { HrClient, ProviderRecord } from '../../src-main/core/hr/types';
import { silentLogger } from '../../src-main/core/ports';
import { SyncEngine } from '../../src-main/core/sync/engine';

/**
 * The per-company sync lease (db/repositories/leases.ts), with "other processes" played by other owners on
 * the same file: a live lease is never taken, a stale one (its process gone, or silent for over a minute) is
 * taken over and its run closed as interrupted, and nothing waits on the database's lock for long.
 */
const COMPANY = 'c1';
const HOST = PROCESS_OWNER.host;
const DEAD_PID = 9_999_991;

let db: Db | null = null;
let file = '';
const others: Database.Database[] = [];
afterEach(() => {
  for (const o of others.splice(0)) o.close();
  db?.close();
  db = null;
});

function open(): Db {
  file = join(mkdtempSync(join(tmpdir(), 'bureau-leases-')), 'db.sqlite');
  db = openDatabase(file);
  new CompanyRepository(db).insert({
    id: COMPANY,
    name: 'Lease Ltd',
    provider: 'personio',
    baseUrl: null,
    secretRef: null,
    settings: defaultSettings('personio'),
    catalogue: [],
    canReadSalaries: false,
    salaryReason: null,
    createdAt: '2026-11-01T09:00:00Z',
    mapping: {},
  });
  return db;
}

/** Another process on the same database: its own owner, its own view of which pids are alive, its own clock. */
function processOf(d: Db, owner: RunOwner, opts: LeaseOptions = {}) {
  const runs = new RunRepository(d, owner);
  const leases = new LeaseRepository(d, { owner, pidAlive: (pid) => pid !== DEAD_PID, ...opts });
  let n = 0;
  return {
    runs,
    leases,
    /** Claims the company for a new run; the run's row is written by the claim. */
    claim(joining: string | null = null) {
      const runId = `${owner.pid}-${owner.token}-${++n}`;
      const got = leases.tryClaim(
        COMPANY,
        runId,
        () =>
          runs.start({
            id: runId,
            companyId: COMPANY,
            trigger: 'cli',
            startedAt: new Date().toISOString(),
            employeeHrId: null,
          }),
        joining,
      );
      return { runId, got };
    },
    finish(runId: string) {
      d.transaction(() => {
        leases.release(COMPANY, runId);
        runs.finish(runId, {
          status: 'succeeded',
          finishedAt: new Date().toISOString(),
          counts: EMPTY_COUNTS,
          error: null,
          note: null,
        });
      })();
    },
  };
}

const lease = (d: Db) =>
  d.prepare('SELECT * FROM sync_leases WHERE company_id = ?').get(COMPANY) as
    { run_id: string; owner: string; heartbeat_at: string } | undefined;
const run = (d: Db, id: string) =>
  d.prepare('SELECT status, note, owner FROM sync_runs WHERE id = ?').get(id) as {
    status: string;
    note: string | null;
    owner: string | null;
  };

describe('sync leases', () => {
  it('the first claim takes the lease and writes its run, owned by its process; a second process finds it held', () => {
    const d = open();
    const a = processOf(d, { host: HOST, pid: 4001, token: 'a' });
    const b = processOf(d, { host: HOST, pid: 4002, token: 'b' });
    const first = a.claim();
    expect(first.got).toEqual({ claimed: true, tookOverRunId: null });
    expect(lease(d)).toMatchObject({ run_id: first.runId, owner: a.leases.ownerText });
    expect(run(d, first.runId)).toMatchObject({ status: 'running', owner: a.leases.ownerText });
    const second = b.claim();
    expect(second.got).toEqual({ held: first.runId });
    // The loser wrote no run of its own.
    expect(d.prepare('SELECT COUNT(*) AS n FROM sync_runs').get()).toEqual({ n: 1 });
  });

  it('a live lease is not taken over, however often it is asked for, while its heartbeat is fresh', () => {
    const d = open();
    let now = Date.now();
    const a = processOf(d, { host: HOST, pid: 4001, token: 'a' }, { now: () => now });
    const b = processOf(d, { host: HOST, pid: 4002, token: 'b' }, { now: () => now });
    const held = a.claim().runId;
    for (let i = 0; i < 5; i++) {
      now += STALE_MS / 5; // a minute in all, heartbeats every 12 s
      expect(a.leases.beat(COMPANY, held)).toBe(true);
      expect(b.claim().got).toEqual({ held });
    }
    expect(run(d, held).status).toBe('running');
    expect(b.leases.activeRun(COMPANY)).toEqual({ runId: held, mine: false });
    expect(a.leases.activeRun(COMPANY)).toEqual({ runId: held, mine: true });
  });

  it('stale by pid: a lease whose process is gone (same host, pid not alive) is taken over and its run marked interrupted', () => {
    const d = open();
    const dead = processOf(d, { host: HOST, pid: DEAD_PID, token: 'dead' });
    const b = processOf(d, { host: HOST, pid: 4002, token: 'b' });
    const killed = dead.claim().runId;
    expect(b.leases.activeRun(COMPANY)).toBeNull();
    const next = b.claim();
    expect(next.got).toEqual({ claimed: true, tookOverRunId: killed });
    expect(run(d, killed)).toMatchObject({ status: 'failed', note: INTERRUPTED_NOTE });
    expect(lease(d)).toMatchObject({ run_id: next.runId, owner: b.leases.ownerText });
  });

  it('stale by pid: the same pid with another token is an earlier process that had this pid, not this one', () => {
    const d = open();
    const earlier = processOf(d, { host: HOST, pid: PROCESS_OWNER.pid, token: 'an earlier process' });
    const killed = earlier.claim().runId;
    const me = processOf(d, PROCESS_OWNER);
    expect(me.claim().got).toEqual({ claimed: true, tookOverRunId: killed });
    expect(run(d, killed).status).toBe('failed');
  });

  it('stale by heartbeat: a lease not refreshed for over a minute is taken over, even from a pid that cannot be checked', () => {
    const d = open();
    let now = Date.now();
    // Another machine: its pid means nothing here, only its heartbeat can tell.
    const far = processOf(d, { host: `${HOST}-elsewhere`, pid: 4001, token: 'far' }, { now: () => now });
    const b = processOf(d, { host: HOST, pid: 4002, token: 'b' }, { now: () => now });
    const silent = far.claim().runId;
    now += STALE_MS - 1_000;
    expect(b.claim().got).toEqual({ held: silent });
    now += 2_000;
    expect(b.claim().got).toEqual({ claimed: true, tookOverRunId: silent });
    expect(run(d, silent)).toMatchObject({ status: 'failed', note: INTERRUPTED_NOTE });
    // The old owner's heartbeat no longer finds its lease, and releasing it cannot drop the new owner's.
    expect(far.leases.beat(COMPANY, silent)).toBe(false);
    expect(far.leases.release(COMPANY, silent)).toBe(false);
    expect(lease(d)?.owner).toBe(b.leases.ownerText);
  });

  it('a run joined while held answers with that run once it finishes, without claiming a lease or writing a run', async () => {
    const d = open();
    const a = processOf(d, { host: HOST, pid: 4001, token: 'a' });
    const b = processOf(d, { host: HOST, pid: 4002, token: 'b' }, { pollMs: 10 });
    const held = a.claim().runId;
    let started = 0;
    const joined = b.leases.acquire(COMPANY, 'b-run', { start: () => (started += 1) });
    await new Promise((r) => setTimeout(r, 50));
    a.finish(held);
    await expect(joined).resolves.toEqual({ claimed: false, joinedRunId: held });
    expect(started).toBe(0);
    expect(lease(d)).toBeUndefined();
  });

  it('waiting for another run can be aborted', async () => {
    const d = open();
    const a = processOf(d, { host: HOST, pid: 4001, token: 'a' });
    const b = processOf(d, { host: HOST, pid: 4002, token: 'b' }, { pollMs: 10 });
    a.claim();
    const controller = new AbortController();
    const waiting = b.leases.acquire(COMPANY, 'b-run', { start: () => undefined, signal: controller.signal });
    setTimeout(() => controller.abort(Object.assign(new Error('Cancelled by the user'), { name: 'AbortError' })), 30);
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a heartbeat on a database another connection is writing is skipped at once, not waited for', async () => {
    const d = open();
    const a = processOf(d, { host: HOST, pid: 4001, token: 'a' });
    const held = a.claim().runId;
    const other = new Database(file);
    others.push(other);
    other.prepare('BEGIN IMMEDIATE').run();
    const t0 = Date.now();
    expect(a.leases.beat(COMPANY, held)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(500);
    other.prepare('ROLLBACK').run();
    expect(a.leases.beat(COMPANY, held)).toBe(true);
  });

  it('closeAbandoned at start-up closes only runs whose process is gone (or that predate owners), and their leases', () => {
    const d = open();
    const live = processOf(d, { host: HOST, pid: 4001, token: 'live' });
    const dead = processOf(d, { host: HOST, pid: DEAD_PID, token: 'dead' });
    const liveRun = live.claim().runId;
    const deadEmployeeRun = 'dead-employee';
    dead.runs.start({
      id: deadEmployeeRun,
      companyId: COMPANY,
      trigger: 'employee',
      startedAt: new Date().toISOString(),
      employeeHrId: '1',
    });
    const liveEmployeeRun = 'live-employee';
    live.runs.start({
      id: liveEmployeeRun,
      companyId: COMPANY,
      trigger: 'employee',
      startedAt: new Date().toISOString(),
      employeeHrId: '2',
    });
    d.prepare(
      `INSERT INTO sync_runs (id, company_id, trigger, status, started_at) VALUES ('legacy', ?, 'scheduled', 'running', '2026-01-01T00:00:00Z')`,
    ).run(COMPANY);

    const starting = processOf(d, { host: HOST, pid: 4003, token: 'starting' });
    expect(starting.leases.closeAbandoned()).toBe(2);
    expect(run(d, liveRun).status).toBe('running');
    expect(run(d, liveEmployeeRun).status).toBe('running');
    expect(run(d, deadEmployeeRun)).toMatchObject({ status: 'failed', note: INTERRUPTED_NOTE });
    expect(run(d, 'legacy')).toMatchObject({ status: 'failed', note: INTERRUPTED_NOTE });
    expect(lease(d)?.run_id).toBe(liveRun);
    // A live one-employee run also stops a removal.
    live.finish(liveRun);
    expect(starting.leases.activeRun(COMPANY)).toEqual({ runId: liveEmployeeRun, mine: false });
  });

  it('closeAbandoned drops a stale lease and closes its run', () => {
    const d = open();
    const dead = processOf(d, { host: HOST, pid: DEAD_PID, token: 'dead' });
    const killed = dead.claim().runId;
    expect(processOf(d, { host: HOST, pid: 4003, token: 's' }).leases.closeAbandoned()).toBe(1);
    expect(lease(d)).toBeUndefined();
    expect(run(d, killed).status).toBe('failed');
  });

  it('a claim on a database kept busy retries, then gives up with a CONFLICT in words', async () => {
    const d = open();
    const a = processOf(d, { host: HOST, pid: DEAD_PID, token: 'dead' }); // a stale lease: claiming needs the write lock
    a.claim();
    const other = new Database(file);
    others.push(other);
    other.prepare('BEGIN IMMEDIATE').run();
    const b = processOf(d, { host: HOST, pid: 4002, token: 'b' }, { pollMs: 20, claimBusyMs: 10, busyGiveUpMs: 200 });
    const t0 = Date.now();
    const err = await b.leases.acquire(COMPANY, 'b-run', { start: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/kept the database busy.*try again/),
    });
    expect(String((err as Error).message)).not.toMatch(/SQLITE/);
    expect(Date.now() - t0).toBeLessThan(3_000);
    other.prepare('ROLLBACK').run();
    // Once the lock is free the claim goes through.
    await expect(b.leases.acquire(COMPANY, 'b-run-2', { start: () => undefined })).resolves.toMatchObject({
      claimed: true,
    });
  });
});

/** The engine on the lease: a stub HR system whose list waits until the test lets it go. */
function engineSetup() {
  const d = open();
  let release: () => void = () => undefined;
  let reads = 0;
  const gate = () => new Promise<void>((r) => (release = r));
  let waiting = gate();
  const person = (i: number): ProviderRecord => ({
    externalId: String(1000 + i),
    fields: { id: String(1000 + i), first_name: `First${i}`, last_name: `Last${i}` },
    leaver: { isLeaver: false, leaveDate: null, reason: null },
  });
  const client: HrClient = {
    provider: 'personio',
    checkCredentials: async () => ({ warnings: [], canReadSalaries: false }),
    getEmployee: async () => null,
    fieldCatalogue: async () => [],
    async listEmployees(o) {
      reads += 1;
      await waiting;
      await o.onPage([person(1), person(2)], { fetched: 2, total: 2 });
      return { complete: true, fetched: 2, covers: 'all', cursor: null };
    },
  };
  const engine = new SyncEngine({
    db: d,
    companies: new CompanyRepository(d),
    employees: new EmployeeRepository(d),
    runs: new RunRepository(d),
    clientFor: async () => client,
    salaryPeriodKey: () => null,
    clock: { now: () => new Date(), setTimeout: () => 0, clearTimeout: () => undefined },
    logger: silentLogger,
  });
  return {
    d,
    engine,
    reads: () => reads,
    go() {
      release();
      waiting = gate();
    },
  };
}

const employeeCount = (d: Db) => (d.prepare('SELECT COUNT(*) AS n FROM employees').get() as { n: number }).n;

describe('the engine on the lease', () => {
  it('a second run of a company already syncing joins it (one read, one run), and the lease is released with the run', async () => {
    const s = engineSetup();
    const first = s.engine.runCompany(COMPANY, 'cli');
    await new Promise((r) => setTimeout(r, 20));
    const second = s.engine.runCompany(COMPANY, 'manual-company');
    await new Promise((r) => setTimeout(r, 400));
    s.go();
    const [a, b] = await Promise.all([first, second]);
    expect(a.status).toBe('succeeded');
    expect(b).toEqual(a);
    expect(s.reads()).toBe(1);
    expect(s.d.prepare('SELECT COUNT(*) AS n FROM sync_runs').get()).toEqual({ n: 1 });
    expect(lease(s.d)).toBeUndefined();
  });

  it('a run whose lease another process took over (it had gone silent) writes nothing and says why', async () => {
    const s = engineSetup();
    const running = s.engine.runCompany(COMPANY, 'cli');
    await new Promise((r) => setTimeout(r, 20));
    const mine = lease(s.d)!;
    // What another process does with a lease whose heartbeat is over a minute old.
    s.d.prepare(`UPDATE sync_runs SET status = 'failed', note = ? WHERE id = ?`).run(INTERRUPTED_NOTE, mine.run_id);
    s.d.prepare(`UPDATE sync_leases SET run_id = 'theirs', owner = 'someone else'`).run();
    s.go();
    const lost = await running;
    expect(lost).toMatchObject({
      runId: mine.run_id,
      status: 'failed',
      error: { code: 'CONFLICT', message: expect.stringMatching(/took the company over/) },
    });
    expect(employeeCount(s.d)).toBe(0);
    // The other process's lease is untouched.
    expect(lease(s.d)).toMatchObject({ run_id: 'theirs', owner: 'someone else' });
  });

  it('cancelling a run that waits for another process records it as cancelled, and leaves that run alone', async () => {
    const s = engineSetup();
    // A live process (this one's parent) as far as the engine's own pid check can tell.
    const other = processOf(s.d, { host: HOST, pid: process.ppid, token: 'other' });
    const held = other.claim().runId;
    const controller = new AbortController();
    const waiting = s.engine.runCompany(COMPANY, 'manual-company', { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(Object.assign(new Error('Cancelled by the user'), { name: 'AbortError' }));
    const cancelled = await waiting;
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(cancelled.runId).not.toBe(held);
    expect(s.reads()).toBe(0);
    expect(lease(s.d)?.run_id).toBe(held);
    expect(run(s.d, held).status).toBe('running');
  });
});
