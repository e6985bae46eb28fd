import { describe, expect, it } from 'vitest';
import type { RunSummary, Trigger } from '../../src-main/contract/sync';
import { EMPTY_COUNTS } from '../../src-main/core/db/repositories/runs';
import { silentLogger } from '../../src-main/core/ports';
import type { SyncEngine, RunOptions } from '../../src-main/core/sync/engine';
import { Scheduler } from '../../src-main/core/sync/scheduler';
import { FakeClock } from '../helpers/core';

interface Company {
  id: string;
  reviewed: boolean;
  paused: boolean;
  frequencyMinutes: number;
  lastAttemptAt: string | null;
}

/** A stand-in engine whose runs finish only when the test says so, recording what it was asked to do. */
class StubEngine {
  calls: Array<{ companyId: string; trigger: Trigger; signal: AbortSignal | undefined; at: number }> = [];
  #pending = new Map<string, () => void>();
  #n = 0;
  constructor(
    private readonly clock: FakeClock,
    private readonly companies: Company[],
  ) {}

  runCompany(companyId: string, trigger: Trigger, opts: RunOptions = {}): Promise<RunSummary> {
    const runId = `run-${++this.#n}`;
    const startedAt = this.clock.now().toISOString();
    this.calls.push({ companyId, trigger, signal: opts.signal, at: this.clock.now().getTime() });
    return new Promise<RunSummary>((resolve) => {
      const finish = (status: RunSummary['status']) => {
        const finishedAt = this.clock.now().toISOString();
        const c = this.companies.find((x) => x.id === companyId);
        if (c) c.lastAttemptAt = finishedAt;
        resolve({
          runId,
          companyId,
          trigger,
          status,
          startedAt,
          finishedAt,
          counts: EMPTY_COUNTS,
          error: null,
          note: null,
          employeeHrId: null,
        });
      };
      this.#pending.set(companyId, () => finish('succeeded'));
      opts.signal?.addEventListener('abort', () => finish('cancelled'));
    });
  }

  finish(companyId: string): void {
    const f = this.#pending.get(companyId);
    if (!f) throw new Error(`no run pending for ${companyId}`);
    this.#pending.delete(companyId);
    f();
  }

  started(companyId?: string): number {
    return this.calls.filter((c) => companyId === undefined || c.companyId === companyId).length;
  }
}

const flush = () => new Promise<void>((r) => setImmediate(r));
const START = '2026-11-02T09:00:00Z';
const minutesAgo = (clock: FakeClock, m: number) => new Date(clock.now().getTime() - m * 60_000).toISOString();

function setup(companies: Company[], opts: { staggerMs?: number; tickMs?: number } = {}) {
  const clock = new FakeClock(START);
  const engine = new StubEngine(clock, companies);
  const nextSync = new Map<string, string | null>();
  const finished: RunSummary[] = [];
  const scheduler = new Scheduler({
    engine: engine as unknown as SyncEngine,
    clock,
    logger: silentLogger,
    listCompanies: () => companies.map((c) => ({ ...c })),
    setNextSyncAt: (id, at) => nextSync.set(id, at),
    onProgress: () => {},
    onFinished: (r) => finished.push(r),
    staggerMs: opts.staggerMs ?? 5000,
    tickMs: opts.tickMs ?? 60_000,
  });
  return { clock, engine, scheduler, nextSync, finished };
}

const company = (id: string, over: Partial<Company> = {}): Company => ({
  id,
  reviewed: true,
  paused: false,
  frequencyMinutes: 60,
  lastAttemptAt: null,
  ...over,
});

describe('Scheduler', () => {
  it('runs at most one sync per company: a second trigger joins the running one and gets the same run', async () => {
    const { engine, scheduler } = setup([company('a'), company('b')]);
    const first = scheduler.runCompany('a', 'manual-company');
    const second = scheduler.runCompany('a', 'settings');
    const other = scheduler.runCompany('b', 'manual-company');
    expect(engine.started('a')).toBe(1);
    expect(engine.started('b')).toBe(1);
    expect(scheduler.isRunning('a')).toBe(true);
    engine.finish('a');
    const [r1, r2] = await Promise.all([first, second]);
    expect(r2.runId).toBe(r1.runId);
    expect(r1.trigger).toBe('manual-company');
    expect(scheduler.isRunning('a')).toBe(false);
    // Once finished, a new trigger starts a new run.
    const third = scheduler.runCompany('a', 'manual-company');
    expect(engine.started('a')).toBe(2);
    engine.finish('a');
    expect((await third).runId).not.toBe(r1.runId);
    engine.finish('b');
    await other;
  });

  it('staggers several due companies instead of starting them all at once', async () => {
    const { clock, engine, scheduler } = setup([company('a'), company('b'), company('c')], { staggerMs: 5000 });
    scheduler.start();
    await flush();
    expect(engine.calls.map((c) => c.companyId)).toEqual(['a']);
    clock.advance(4999);
    await flush();
    expect(engine.started()).toBe(1);
    clock.advance(1);
    await flush();
    expect(engine.calls.map((c) => c.companyId)).toEqual(['a', 'b']);
    clock.advance(5000);
    await flush();
    expect(engine.calls.map((c) => [c.companyId, c.trigger, c.at - Date.parse(START)])).toEqual([
      ['a', 'scheduled', 0],
      ['b', 'scheduled', 5000],
      ['c', 'scheduled', 10_000],
    ]);
    for (const id of ['a', 'b', 'c']) engine.finish(id);
    await scheduler.stop();
  });

  it('a company is due when its frequency has passed since the last attempt; unreviewed companies never are', async () => {
    const companies = [
      company('fresh', { lastAttemptAt: null }),
      company('hour-ago', { lastAttemptAt: null }),
      company('59-min', { lastAttemptAt: null }),
      company('quarterly', { frequencyMinutes: 15, lastAttemptAt: null }),
      company('wizard', { reviewed: false }),
    ];
    const { clock, engine, scheduler, nextSync } = setup(companies, { staggerMs: 1 });
    companies[1]!.lastAttemptAt = minutesAgo(clock, 60);
    companies[2]!.lastAttemptAt = minutesAgo(clock, 59);
    companies[3]!.lastAttemptAt = minutesAgo(clock, 16);
    scheduler.start();
    for (let i = 0; i < 5; i++) {
      clock.advance(1);
      await flush();
    }
    expect(engine.calls.map((c) => c.companyId).sort()).toEqual(['fresh', 'hour-ago', 'quarterly']);
    engine.finish('hour-ago');
    await flush();
    // The next sync is one frequency after this one finished.
    expect(nextSync.get('hour-ago')).toBe(new Date(clock.now().getTime() + 60 * 60_000).toISOString());
    for (const id of ['fresh', 'quarterly']) engine.finish(id);
    await scheduler.stop();
  });

  it('after the machine sleeps through several hours, an overdue company is synced once, not once per missed hour', async () => {
    const companies = [company('a')];
    const { clock, engine, scheduler } = setup(companies, { tickMs: 60_000 });
    companies[0]!.lastAttemptAt = minutesAgo(clock, 5 * 60);
    scheduler.start();
    await flush();
    expect(engine.started()).toBe(1);
    // Resume events and ticks while the catch-up run is still going add nothing.
    scheduler.checkDue();
    scheduler.checkDue();
    clock.advance(60_000);
    await flush();
    expect(engine.started()).toBe(1);
    engine.finish('a');
    await flush();
    // Ticks for the rest of the hour find it not due; an hour after the catch-up it runs again, once.
    for (let m = 0; m < 58; m++) {
      clock.advance(60_000);
      await flush();
    }
    expect(engine.started()).toBe(1);
    clock.advance(2 * 60_000);
    await flush();
    expect(engine.started()).toBe(2);
    engine.finish('a');
    await scheduler.stop();
  });

  it('cancel aborts the running sync through its signal; cancelling an idle company says nothing was running', async () => {
    const { engine, scheduler, finished } = setup([company('a')]);
    const run = scheduler.runCompany('a', 'manual-company');
    const signal = engine.calls[0]!.signal!;
    expect(signal.aborted).toBe(false);
    expect(scheduler.cancel('a')).toBe(true);
    expect(signal.aborted).toBe(true);
    expect((await run).status).toBe('cancelled');
    expect(finished.map((r) => r.status)).toEqual(['cancelled']);
    expect(scheduler.isRunning('a')).toBe(false);
    expect(scheduler.cancel('a')).toBe(false);
  });

  it('stop waits for running syncs to finish and starts no more', async () => {
    const companies = [company('a'), company('b')];
    const { clock, engine, scheduler } = setup(companies, { staggerMs: 5000 });
    scheduler.start();
    await flush();
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    clock.advance(10_000);
    await flush();
    expect(stopped).toBe(false);
    engine.finish('a');
    await stopping;
    expect(engine.calls.map((c) => c.companyId)).toEqual(['a']);
  });
});
