import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FaultSwitches } from '../../src-main/fake-hr/faults';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { startFakePersonio, PERSONIO_FAKE_CREDENTIALS } from '../../src-main/fake-hr/personio';
import { SHUTDOWN_MESSAGE } from '../../src-main/core/app';
import { parse, ROOT, runCli, startCli } from '../helpers/cli-process';

/**
 * The headless scheduler (`run`) and browser mode as the real processes a bureau's server runs: they keep
 * companies on their schedule, and when told to stop (SIGTERM, as a service manager does) they stop within
 * seconds, the sync under way abandoned whole and recorded as such.
 */

const fakes: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

const env = { BUREAU_SYNC_CLIENT_SECRET: PERSONIO_FAKE_CREDENTIALS.clientSecret };

async function company(dataDir: string, name: string, baseUrl: string): Promise<string> {
  const add = await runCli(
    [
      'companies',
      'add',
      '--name',
      name,
      '--provider',
      'personio',
      '--base-url',
      baseUrl,
      '--client-id',
      PERSONIO_FAKE_CREDENTIALS.clientId,
      '--json',
    ],
    { dataDir, env },
  );
  const { id } = parse<{ id: string }>(add);
  expect((await runCli(['sync', '--company', id], { dataDir })).code).toBe(0);
  return id;
}

/** As an hour later: every company is due at the scheduler's first look. */
function makeDue(dataDir: string): void {
  const db = new Database(join(dataDir, 'bureau-sync.sqlite'));
  db.prepare(`UPDATE companies SET last_attempt_at = '2000-01-01T00:00:00.000Z'`).run();
  db.close();
}

function snapshot(dataDir: string) {
  const db = new Database(join(dataDir, 'bureau-sync.sqlite'), { readonly: true });
  try {
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      employees: JSON.stringify(db.prepare('SELECT * FROM employees ORDER BY id').all()),
      changes: (db.prepare('SELECT COUNT(*) AS n FROM field_changes').get() as { n: number }).n,
      running: (db.prepare(`SELECT COUNT(*) AS n FROM sync_runs WHERE status = 'running'`).get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** Resolves when the fake has received a request after `since` (a sync of it is under way). */
async function requestAfter(log: Array<{ at: number }>, since: number, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!log.some((e) => e.at > since)) {
    if (Date.now() > until) throw new Error('the HR system was never called');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A slow HR system whose people have changed since the last sync: a run that completed would write. */
async function slowChangedFake(people: ReturnType<typeof generatePeople>) {
  const faults: FaultSwitches = {};
  const fake = await startFakePersonio({ people, faults });
  fakes.push(fake);
  return {
    fake,
    slowDown() {
      fake.setPeople(people.map((p, i) => (i < 5 ? { ...p, lastName: `${p.lastName}-Changed` } : p)));
      faults.slowMs = 1500;
    },
  };
}

describe('run: the headless scheduler', () => {
  it('syncs two companies on their schedule, one line each, and on SIGTERM mid-sync stops within 10 s with the database whole', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cli-run-'));
    const fast = await startFakePersonio({ people: generatePeople({ count: 20, seed: 3 }) });
    fakes.push(fast);
    const slow = await slowChangedFake(generatePeople({ count: 30, seed: 4 }));
    const a = await company(dataDir, 'Alpha Ltd', fast.baseUrl);
    const b = await company(dataDir, 'Beta Ltd', slow.fake.baseUrl);
    makeDue(dataDir);
    slow.slowDown();
    const before = snapshot(dataDir);

    const started = Date.now();
    const run = startCli(['run', '--json'], { dataDir });
    await run.waitFor(/running without a window: 2 companies on their schedule/);
    // Alpha first; Beta a stagger later, then slow enough to be stopped part way.
    await run.waitFor(new RegExp(`"companyId":"${a}".*"status":"succeeded"`));
    await requestAfter(slow.fake.log, started);
    const signalled = Date.now();
    run.child.kill('SIGTERM');
    // A service manager signals the whole group, and people press Ctrl+C twice: the stop goes on regardless.
    await run.waitFor(/SIGTERM: stopping/);
    run.child.kill('SIGINT');
    const end = await run.done;
    const stoppedIn = Date.now() - signalled;

    expect(stoppedIn).toBeLessThan(10_000);
    expect(end.code).toBe(0);
    const lines = end.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.name, l.trigger, l.status])).toEqual([
      ['Alpha Ltd', 'scheduled', 'succeeded'],
      ['Beta Ltd', 'scheduled', 'cancelled'],
      [undefined, undefined, undefined],
    ]);
    expect(lines[1]).toMatchObject({ companyId: b, error: { code: 'CANCELLED', message: SHUTDOWN_MESSAGE } });
    expect(lines[2]).toEqual({ stopped: 'SIGTERM', runs: 2 });
    expect(end.err).toMatch(/SIGTERM: stopping/);
    expect(end.err).toMatch(/SIGINT: already stopping/);

    const after = snapshot(dataDir);
    expect(after.integrity).toBe('ok');
    expect(after.running).toBe(0);
    // Beta's changed people were not written, nor anyone else: every employee is as before the stopped run.
    expect(after.employees).toBe(before.employees);
    expect(after.changes).toBe(before.changes);
    const history = parse<Array<{ status: string; error?: { message: string } }>>(
      await runCli(['history', '--company', b, '--json'], { dataDir }),
    );
    expect(history[0]).toMatchObject({ status: 'cancelled', error: { message: SHUTDOWN_MESSAGE } });
  }, 60_000);
});

describe('browser mode', () => {
  it('on SIGTERM during a sync stops within 10 s, the sync abandoned whole and recorded', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'web-stop-'));
    const slow = await slowChangedFake(generatePeople({ count: 30, seed: 5 }));
    const id = await company(dataDir, 'Gamma Ltd', slow.fake.baseUrl);
    makeDue(dataDir);
    slow.slowDown();
    const before = snapshot(dataDir);

    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/web/index.ts')], {
      cwd: ROOT,
      env: { ...process.env, BUREAU_SYNC_DATA_DIR: dataDir, BUREAU_SYNC_RENDERER_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    // Gamma is overdue, so the scheduler starts it at once.
    await requestAfter(slow.fake.log, started);
    const signalled = Date.now();
    child.kill('SIGTERM');
    const code = await exited;

    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(code).toBe(0);
    expect(out).toContain('SIGTERM: stopping Bureau Sync');
    const after = snapshot(dataDir);
    expect(after.integrity).toBe('ok');
    expect(after.employees).toBe(before.employees);
    const history = parse<Array<{ trigger: string; status: string; error?: { message: string } }>>(
      await runCli(['history', '--company', id, '--json'], { dataDir }),
    );
    expect(history[0]).toMatchObject({
      trigger: 'scheduled',
      status: 'cancelled',
      error: { message: SHUTDOWN_MESSAGE },
    });
  }, 60_000);
});
