import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleCli } from '../../scripts/cli-bundle';
import { PERSONIO_RATE_LIMIT } from '../../src-main/core/hr/personio/howto';
import { BENCH_DIR } from '../bundle';
import { snapshot, writesBetween, describeColumns } from '../db-writes';
import { startFakeProcess } from '../fake-process';
import { median } from '../measure';
import { ms, verdict, type Row } from '../report';
import { failedRow, say } from './vendor-block';

/**
 * The command line as a scheduled task runs it: the real bundle (scripts/cli-bundle.ts, what `npm run build`
 * writes to out/cli/index.js, built here into the bench's cache so a build elsewhere cannot race it), one
 * process per command, with plain node and the CLI's production settings (rate limits included).
 */
const ROOT = join(BENCH_DIR, '..');
const STARTS = 7;
const STARTUP_TARGET_MS = 300;
const SCHEDULED_TARGET = 0.3;
const SCHEDULED_REPEATS = 3;
const SCHEDULED_EMPLOYEES = 10_000;

interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** From spawn to the first byte on stdout (null if it printed nothing). */
  firstByteMs: number | null;
  /** From spawn to the process's exit. */
  exitMs: number;
}

function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstByteMs: number | null = null;
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      firstByteMs ??= performance.now() - t0;
      out += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const exitMs = performance.now() - t0;
      // 'exit' can come before the pipes are drained; 'close' after.
      child.on('close', () => resolve({ code, out, err, firstByteMs, exitMs }));
    });
  });
}

/** The machine's own BUREAU_SYNC_* settings (data folder, secrets) must not reach the bench's commands. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('BUREAU_SYNC_')) env[k] = v;
  return env;
}

async function cli(bundle: string, dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const r = await runNode([bundle, ...args, '--data-dir', dataDir], env);
  if (r.code !== 0) throw new Error(`cli ${args.join(' ')} exited ${r.code}: ${r.err.trim() || r.out.trim()}`);
  return r;
}

async function startup(bundle: string): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cli-start-'));
  try {
    await cli(bundle, dataDir, ['companies', 'add', '--name', 'Start-up Ltd', '--provider', 'demo', '--json']);
    const runs: CliRun[] = [];
    for (let i = 0; i < STARTS; i++) runs.push(await cli(bundle, dataDir, ['companies', 'list']));
    if (runs.some((r) => r.firstByteMs === null || r.err !== ''))
      throw new Error('companies list printed nothing, or wrote to stderr');
    // The floor: node itself starting and printing one byte.
    const bare: number[] = [];
    for (let i = 0; i < STARTS; i++) bare.push((await runNode(['-e', 'process.stdout.write("x")'])).firstByteMs ?? NaN);
    const first = runs.map((r) => r.firstByteMs!);
    const firstMs = median(first);
    return {
      case: 'CLI start-up to first output (companies list)',
      vendor: 'cli',
      employees: 0,
      figure: ms(firstMs),
      target: `≤ ${STARTUP_TARGET_MS} ms`,
      verdict: verdict(true, firstMs <= STARTUP_TARGET_MS),
      profile: `median of ${STARTS} (${first.map(ms).join(', ')}), spawn to first stdout byte, one company; exit ${ms(median(runs.map((r) => r.exitMs)))}; node alone prints after ${ms(median(bare))}`,
      data: { firstByteMs: firstMs, firstByte: first, exitMs: runs.map((r) => r.exitMs), bareNodeMs: bare },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `sync --json`'s document (docs/reference/cli.md): the run's counts at the top level. */
interface CliSync {
  runId: string;
  status: string;
  trigger: string;
  created: number;
  updated: number;
  unchanged: number;
  error?: { code: string; message: string };
  note?: string;
}

function summary(r: CliRun, what: string): CliSync {
  const run = JSON.parse(r.out) as CliSync;
  if (run.status !== 'succeeded') throw new Error(`${what}: run ${run.status}: ${JSON.stringify(run.error ?? null)}`);
  return run;
}

async function scheduled(bundle: string, n: number): Promise<Row> {
  const fake = await startFakeProcess('personio', n);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cli-sync-'));
  try {
    if (fake.credentials.provider !== 'personio') throw new Error('the fake Personio gave no Personio credentials');
    const env = { BUREAU_SYNC_CLIENT_SECRET: fake.credentials.clientSecret };
    const added = await cli(
      bundle,
      dataDir,
      [
        'companies',
        'add',
        '--name',
        'CLI bench Ltd',
        '--provider',
        'personio',
        '--base-url',
        fake.baseUrl,
        '--client-id',
        fake.credentials.clientId,
        '--json',
      ],
      env,
    );
    const id = (JSON.parse(added.out) as { id: string }).id;
    const dbFile = join(dataDir, 'bureau-sync.sqlite');

    await fake.clearLog();
    const firstRun = await cli(bundle, dataDir, ['sync', '--company', id, '--json']);
    const first = summary(firstRun, 'first sync');
    const firstRequests = (await fake.summary()).count;
    say(`cli personio ${n}: first sync ${ms(firstRun.exitMs)}, created ${first.created}`);

    const runs = [];
    for (let i = 0; i < SCHEDULED_REPEATS; i++) {
      const before = snapshot(dbFile, id);
      await fake.clearLog();
      const r = await cli(bundle, dataDir, ['sync', '--company', id, '--scheduled', '--json']);
      const run = summary(r, 'scheduled sync');
      const writes = writesBetween(before, snapshot(dbFile, id));
      runs.push({ ms: r.exitMs, run, writes, requests: (await fake.summary()).count });
    }
    const fastest = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const written = Math.max(...runs.map((r) => r.writes.total));
    const changed = Math.max(...runs.map((r) => r.run.created + r.run.updated));
    const ratio = fastest.ms / firstRun.exitMs;
    const note = fastest.run.note ? `; the run says: ${fastest.run.note}` : '';
    // The CLI keeps to Personio's documented pace, as it must against the real API: each run's requests take at
    // least this long whatever else it does (the hourly check's roll call of ids reads as many pages as a full read).
    const paced = (requests: number) => ms((requests / PERSONIO_RATE_LIMIT.perSecond!) * 1000);
    return {
      case: 'CLI sync --scheduled, nothing changed ÷ first sync',
      vendor: 'personio',
      employees: n,
      figure: `${ms(fastest.ms)} ÷ ${ms(firstRun.exitMs)} = ${ratio.toFixed(2)}×, ${written} rows written`,
      target: `≤ ${SCHEDULED_TARGET}× first sync, 0 created/updated, 0 rows`,
      verdict: verdict(true, ratio <= SCHEDULED_TARGET && written === 0 && changed === 0),
      profile:
        `whole processes, spawn to exit, the CLI's own rate limits (${PERSONIO_RATE_LIMIT.perSecond}/s); fastest of ${runs.length} (${runs.map((r) => ms(r.ms)).join(', ')}); ` +
        `${fastest.requests} requests, ≥ ${paced(fastest.requests)} at that pace (first sync ${firstRequests}, ≥ ${paced(firstRequests)}); ` +
        `most created+updated by one ${changed}; ${fastest.writes.employeeRows} employees rows changed${describeColumns(fastest.writes.columns)}, ${fastest.writes.fieldChangesAdded} field_changes added, ${fastest.writes.runProblemsAdded} run_problems added${note}`,
      data: {
        scheduledMs: fastest.ms,
        times: runs.map((r) => r.ms),
        firstSyncMs: firstRun.exitMs,
        ratioToFirst: ratio,
        rowsWrittenMax: written,
        createdOrUpdatedMax: changed,
        requests: fastest.requests,
        firstRequests,
        writes: fastest.writes,
      },
    };
  } finally {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The CLI's rows: start-up to first output, and the scheduled no-change run against the first sync (Personio). */
export async function cliCases(opts: { personio: boolean }): Promise<Row[]> {
  const t0 = performance.now();
  const bundle = await bundleCli(ROOT, join(ROOT, 'node_modules', '.cache', 'bureau-sync-bench', 'cli'));
  say(`cli: bundle built in ${ms(performance.now() - t0)}`);
  const rows: Row[] = [];
  try {
    rows.push(await startup(bundle));
  } catch (err) {
    rows.push(failedRow('CLI start-up to first output (companies list)', 'cli', 0, err));
  }
  if (opts.personio) {
    try {
      rows.push(await scheduled(bundle, SCHEDULED_EMPLOYEES));
    } catch (err) {
      rows.push(failedRow('CLI sync --scheduled, nothing changed ÷ first sync', 'personio', SCHEDULED_EMPLOYEES, err));
    }
  }
  return rows;
}
