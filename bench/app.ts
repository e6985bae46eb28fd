import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName, CommandOutputs } from '../src-main/contract/index';
import type { RealProvider } from '../src-main/contract/providers';
import { createCore, type Core } from '../src-main/core/app';
import { MemorySecretStore } from '../src-main/core/secrets/file-secret-store';
import type { FakeProcess } from './fake-process';
import { instrumentPhases, type Phases } from './measure';

/**
 * The app's core as the desktop app builds it (fresh data directory, production retry and timeout
 * settings), optionally with client-side rate limits switched off so the sync runs as fast as it can.
 */

/**
 * Requests each client keeps in flight, which the floor replay copies: Personio reads pages one after
 * another, Humaans' HTTP layer allows one request at a time, PeopleHR's pacer sends one call at a time.
 */
export const CLIENT_CONCURRENCY: Record<RealProvider, number> = { personio: 1, humaans: 1, peoplehr: 1 };

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
    http: opts.rateLimitsOff ? { rateLimit: { perMinute: 1e9, maxConcurrent: CLIENT_CONCURRENCY[opts.vendor] } } : undefined,
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
  const { id } = await call(core, 'companies.create', { name: `${fake.vendor} bench Ltd`, credentials: fake.credentials, baseUrl: fake.baseUrl });
  return id;
}

/** Fails the case loudly when a sync did not succeed: a fast failed run is not a result. */
export function assertSucceeded(run: CommandOutputs['sync.company'], what: string): void {
  if (run.status !== 'succeeded') throw new Error(`${what}: run ${run.status}: ${run.error?.code ?? ''} ${run.error?.message ?? run.note ?? ''}`);
}
