import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_NOTE } from '../../src-main/core/db/repositories/leases';
import type { FaultSwitches } from '../../src-main/fake-hr/faults';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';

/**
 * Several processes on one data folder (the desktop app, browser mode and the command line share it): each
 * command here is the real CLI in its own process, against one fake Personio slowed down so that syncs
 * overlap. Only one process syncs a company at a time (a lease in the database); a second sync joins the
 * first and reports its run; a process starting up leaves another's live run alone; removal waits its turn;
 * and a killed process's lease is taken over. No raw SQLite error reaches anyone.
 */
const ROOT = resolve(__dirname, '../..');
const NAME = 'Overlap Ltd';
const SLOW_MS = 1_200; // per HR request: a sync takes a few seconds, long enough for a second process to meet it
const RAW = /SQLITE|UNIQUE constraint|vanished/;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

interface Cli {
  pid: number;
  done: Promise<Ran>;
  kill(): void;
}

function cli(dataDir: string, ...args: string[]): Cli {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('BUREAU_SYNC_')) env[k] = v;
  // node itself runs the CLI (tsx as a loader, no launcher process): the pid is the one that owns the runs.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const done = new Promise<Ran>((res, rej) => {
    child.on('error', rej);
    child.on('close', (code, signal) => res({ code, signal, out, err }));
  });
  return { pid: child.pid!, done, kill: () => child.kill('SIGKILL') };
}

const json = <T>(r: Ran): T => JSON.parse(r.out) as T;

function noRawErrors(...runs: Ran[]): void {
  for (const r of runs) {
    expect(r.out).not.toMatch(RAW);
    expect(r.err).not.toMatch(RAW);
  }
}

/** Reads the database as a bystander would (its own connection, only reading). */
function peek<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'bureau-sync.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const leaseOf = (dataDir: string, companyId: string) =>
  peek(
    dataDir,
    (db) =>
      db.prepare('SELECT run_id AS runId, owner FROM sync_leases WHERE company_id = ?').get(companyId) as
        { runId: string; owner: string } | undefined,
  );
const runRow = (dataDir: string, runId: string) =>
  peek(
    dataDir,
    (db) =>
      db.prepare('SELECT status, note, owner FROM sync_runs WHERE id = ?').get(runId) as
        { status: string; note: string | null; owner: string } | undefined,
  );

/** Waits until some process holds the company's lease (its sync is under way), and says which run. */
async function leased(
  dataDir: string,
  companyId: string,
  timeoutMs = 20_000,
): Promise<{ runId: string; owner: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const l = leaseOf(dataDir, companyId);
    if (l) return l;
    if (Date.now() > until) throw new Error('no process took the lease');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface HistoryRun {
  runId: string;
  trigger: string;
  status: string;
}

describe('several processes on one data folder', () => {
  const people = generatePeople({ count: 20, seed: 11 });
  const faults: FaultSwitches = {};
  const dataDir = mkdtempSync(join(tmpdir(), 'bureau-multi-'));
  let fake: RunningFakePersonio;
  let id = '';

  const history = async () => {
    const r = await cli(dataDir, 'history', '--company', id, '--json').done;
    expect(r.code).toBe(0);
    return json<HistoryRun[]>(r);
  };

  beforeAll(async () => {
    fake = await startFakePersonio({ people, faults });
    const add = await cli(
      dataDir,
      'companies',
      'add',
      '--name',
      NAME,
      '--provider',
      'personio',
      '--base-url',
      fake.baseUrl,
      '--client-id',
      PERSONIO_FAKE_CREDENTIALS.clientId,
      '--client-secret',
      PERSONIO_FAKE_CREDENTIALS.clientSecret,
      '--json',
    ).done;
    expect(add.code, add.err).toBe(0);
    id = json<{ id: string }>(add).id;
    const first = await cli(dataDir, 'sync', '--company', id, '--json').done;
    expect(first.code, first.err).toBe(0);
    expect(json<{ status: string; created: number }>(first)).toMatchObject({
      status: 'succeeded',
      created: people.length,
    });
  }, 60_000);

  afterAll(async () => {
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('two processes syncing one company at once run one sync: both print that run, its changes are recorded once', async () => {
    const changed = people[3]!;
    fake.setPeople(people.map((p): SamplePerson => (p.seq === changed.seq ? { ...p, lastName: 'Overlapping' } : p)));
    const before = await history();
    faults.slowMs = SLOW_MS;
    const a = cli(dataDir, 'sync', '--company', id, '--json');
    const b = cli(dataDir, 'sync', '--company', id, '--json');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    faults.slowMs = 0;
    noRawErrors(ra, rb);
    expect([ra.code, rb.code], ra.err + rb.err).toEqual([0, 0]);
    const runA = json<{ runId: string; status: string }>(ra);
    const runB = json<{ runId: string; status: string }>(rb);
    expect(runA.status).toBe('succeeded');
    expect(runB).toEqual(runA);

    const after = await history();
    const added = after.filter((r) => !before.some((o) => o.runId === r.runId));
    expect(added).toEqual([expect.objectContaining({ runId: runA.runId, status: 'succeeded', trigger: 'cli' })]);

    const changes = await cli(dataDir, 'changes', '--company', id, '--json').done;
    expect(changes.code).toBe(0);
    const rows = json<Array<{ field: string; to: string | null }>>(changes).filter((c) => c.to === 'Overlapping');
    expect(rows).toHaveLength(1);
    expect(leaseOf(dataDir, id)).toBeUndefined();
  }, 60_000);

  it('a command started while another process syncs leaves that run alone: it ends succeeded, not Interrupted', async () => {
    faults.slowMs = SLOW_MS;
    const a = cli(dataDir, 'sync', '--company', id, '--json');
    const { runId } = await leased(dataDir, id);
    const list = await cli(dataDir, 'companies', 'list', '--json').done;
    expect(list.code, list.err).toBe(0);
    // The other process started (and closed its core) while the sync was under way.
    expect(runRow(dataDir, runId)?.status).toBe('running');
    const ra = await a.done;
    faults.slowMs = 0;
    noRawErrors(ra, list);
    expect(ra.code, ra.err).toBe(0);
    expect(json<{ runId: string; status: string }>(ra)).toMatchObject({ runId, status: 'succeeded' });
    expect((await history()).find((r) => r.runId === runId)?.status).toBe('succeeded');
  }, 60_000);

  it('removing the company from a second process mid-sync is refused (exit 1) and the sync still succeeds', async () => {
    faults.slowMs = SLOW_MS;
    const a = cli(dataDir, 'sync', '--company', id, '--json');
    const { runId } = await leased(dataDir, id);
    const rm = await cli(dataDir, 'companies', 'remove', '--company', id, '--confirm', NAME, '--json').done;
    const ra = await a.done;
    faults.slowMs = 0;
    noRawErrors(ra, rm);
    expect(rm.code).toBe(1);
    expect(rm.err).toContain(`${NAME} is being synced in another Bureau Sync window (or on the command line).`);
    expect(json<{ error: { code: string; message: string } }>(rm).error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/Nothing has been removed/),
    });
    expect(ra.code, ra.err).toBe(0);
    expect(json<{ runId: string; status: string }>(ra)).toMatchObject({ runId, status: 'succeeded' });
    const list = await cli(dataDir, 'companies', 'list', '--json').done;
    expect(json<Array<{ id: string }>>(list).map((c) => c.id)).toContain(id);
  }, 60_000);

  it('a process killed mid-sync leaves a stale lease: the next sync takes over and the killed run is marked Interrupted', async () => {
    faults.slowMs = SLOW_MS;
    const a = cli(dataDir, 'sync', '--company', id, '--json');
    const lease = await leased(dataDir, id);
    expect(JSON.parse(lease.owner)).toMatchObject({ pid: a.pid });
    a.kill();
    expect((await a.done).signal).toBe('SIGKILL');
    faults.slowMs = 0;
    // The killed process's lease and run are as it left them.
    expect(leaseOf(dataDir, id)?.runId).toBe(lease.runId);
    expect(runRow(dataDir, lease.runId)?.status).toBe('running');

    const next = await cli(dataDir, 'sync', '--company', id, '--json').done;
    noRawErrors(next);
    expect(next.code, next.err).toBe(0);
    const run = json<{ runId: string; status: string }>(next);
    expect(run.status).toBe('succeeded');
    expect(run.runId).not.toBe(lease.runId);
    expect(runRow(dataDir, lease.runId)).toMatchObject({ status: 'failed', note: INTERRUPTED_NOTE });
    expect(leaseOf(dataDir, id)).toBeUndefined();
    const hist = await history();
    // What a clerk or a script reads: the history says why the killed run saved nothing.
    expect(hist.find((r) => r.runId === lease.runId)).toMatchObject({ status: 'failed', note: INTERRUPTED_NOTE });
    expect(hist.some((r) => r.status === 'running')).toBe(false);
  }, 60_000);
});
