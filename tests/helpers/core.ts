import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/app';
import type { CommandName, CommandOutputs } from '../../src-main/contract/index';
import { MemorySecretStore } from '../../src-main/core/secrets/file-secret-store';
import type { Clock, SecretStore } from '../../src-main/core/ports';

/**
 * A real core on a fresh temp-file database, with fast HTTP retries so fault tests stay quick, and
 * PeopleHR's 2-seconds-a-call pace lifted (the fake has no limit; hr-peoplehr-* tests cover the pace).
 */
export function makeCore(
  opts: {
    dataDir?: string;
    clock?: Clock;
    secrets?: SecretStore;
    version?: string;
    peoplehrHoldReplyBytes?: number;
    schedule?: boolean;
  } = {},
): Core & { dataDir: string } {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'bureau-test-'));
  const core = createCore({
    dataDir,
    secrets: opts.secrets ?? new MemorySecretStore(),
    mode: 'cli',
    clock: opts.clock,
    version: opts.version,
    http: { retryBaseMs: 5, minRateLimitWaitMs: 10, timeoutMs: 5000 },
    vendors: { peoplehr: { callsPerMinute: 60_000, holdReplyBytes: opts.peoplehrHoldReplyBytes } },
    schedule: opts.schedule,
  });
  return Object.assign(core, { dataDir });
}

/** Calls a contract command and unwraps the Result, failing the test with the error's words. */
export async function call<K extends CommandName>(core: Core, name: K, input: unknown): Promise<CommandOutputs[K]> {
  const r = await core.invoke(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  #now: number;
  #timers: Array<{ at: number; fn: () => void; id: number }> = [];
  #next = 1;
  constructor(start = '2026-11-02T09:00:00Z') {
    this.#now = Date.parse(start);
  }
  now() {
    return new Date(this.#now);
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.#next++;
    this.#timers.push({ at: this.#now + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown) {
    this.#timers = this.#timers.filter((t) => t.id !== h);
  }
  advance(ms: number) {
    this.#now += ms;
    const due = this.#timers.filter((t) => t.at <= this.#now);
    this.#timers = this.#timers.filter((t) => t.at > this.#now);
    for (const t of due) t.fn();
  }
}

/** Every employees row, whole, keyed by id: what a sync wrote shows as a difference between two of these. */
export function employeeRows(dbFile: string): Map<number, string> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM employees').all() as Array<{ id: number }>;
    return new Map(rows.map((r) => [r.id, JSON.stringify(r)]));
  } finally {
    db.close();
  }
}
