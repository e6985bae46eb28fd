import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName, CommandOutputs } from '../src-main/contract/index';
import type { RealProvider } from '../src-main/contract/providers';
import { createCore, type Core } from '../src-main/core/app';
import { HUMAANS_MAX_CONCURRENT } from '../src-main/core/hr/humaans/constants';
import { PERSONIO_PAGES_AHEAD } from '../src-main/core/hr/personio/howto';
import { MemorySecretStore } from '../src-main/core/secrets/file-secret-store';
import type { FakeProcess } from './fake-process';
import { instrumentPhases, type Phases } from './measure';

/**
 * The app's core as the desktop app builds it (fresh data directory, production retry and timeout
 * settings), optionally with client-side rate limits switched off so the sync runs as fast as it can.
 */

/** Humaans lists read side by side without salaries: job roles, bank accounts, custom fields then values. */
const HUMAANS_LIST_CONCURRENCY = 3;

/**
 * Requests each client keeps in flight while reading the staff list, which the floor replay copies:
 * Personio reads PERSONIO_PAGES_AHEAD pages ahead, Humaans reads each collection one request at a time but
 * job roles, bank accounts and custom fields/values side by side (three lists without salaries),
 * PeopleHR's pacer sends one call at a time.
 */
export const CLIENT_CONCURRENCY: Record<RealProvider, number> = {
  personio: PERSONIO_PAGES_AHEAD,
  humaans: HUMAANS_LIST_CONCURRENCY,
  peoplehr: 1,
};

/**
 * What the HTTP layer may have in flight with rate limits off: the list concurrency, except that Humaans'
 * "Sync now" asks for one person's related collections side by side.
 */
const HTTP_CONCURRENCY: Record<RealProvider, number> = { ...CLIENT_CONCURRENCY, humaans: HUMAANS_MAX_CONCURRENT };

export interface BenchApp {
  core: Core;
  phases: { last(): Phases | null };
  close(): Promise<void>;
}

export function startApp(opts: { vendor: RealProvider; rateLimitsOff: boolean }): BenchApp {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-core-'));
  const core = createCore({
    dataDir,
    secrets: new MemorySecretStore(),
    mode: 'cli',
    // Warnings reach the bench's output: a checkpoint thread that fell back would change what is measured.
    logger: {
      info() {},
      warn: (msg, meta) => process.stderr.write(`core warning: ${msg} ${JSON.stringify(meta ?? {})}\n`),
      error: (msg, meta) => process.stderr.write(`core error: ${msg} ${JSON.stringify(meta ?? {})}\n`),
    },
    http: opts.rateLimitsOff
      ? { rateLimit: { perMinute: 1e9, maxConcurrent: HTTP_CONCURRENCY[opts.vendor] } }
      : undefined,
  });
  const phases = instrumentPhases(core.engine);
  return {
    core,
    phases,
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function call<K extends CommandName>(core: Core, name: K, input: unknown): Promise<CommandOutputs[K]> {
  const r = await core.invoke(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Adds the company (credential check and field catalogue, not timed); returns its id. */
export async function addCompany(core: Core, fake: FakeProcess): Promise<string> {
  const { id } = await call(core, 'companies.create', {
    name: `${fake.vendor} bench Ltd`,
    credentials: fake.credentials,
    baseUrl: fake.baseUrl,
  });
  return id;
}

/** Fails the case loudly when a sync did not succeed: a fast failed run is not a result. */
export function assertSucceeded(run: CommandOutputs['sync.company'], what: string): void {
  if (run.status !== 'succeeded')
    throw new Error(`${what}: run ${run.status}: ${run.error?.code ?? ''} ${run.error?.message ?? run.note ?? ''}`);
}
