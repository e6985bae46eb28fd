import type { RunSummary, SyncProgress, Trigger } from '../../contract/sync';
import type { Clock, Logger } from '../ports';
import type { SyncEngine } from './engine';

export interface SchedulerDeps {
  engine: SyncEngine;
  clock: Clock;
  logger: Logger;
  /** Companies that have finished the wizard, with their schedule facts. */
  listCompanies(): Array<{
    id: string;
    reviewed: boolean;
    paused: boolean;
    frequencyMinutes: number;
    lastAttemptAt: string | null;
  }>;
  setNextSyncAt(companyId: string, at: string | null): void;
  onProgress(p: SyncProgress): void;
  onFinished(run: RunSummary): void;
  /** Gap between starting two due companies, so a bureau's dozens of clients don't all hit the network at once. */
  staggerMs?: number;
  /** How often to look for due companies. */
  tickMs?: number;
}

interface Running {
  controller: AbortController;
  done: Promise<RunSummary>;
}

/**
 * Runs syncs: at most one per company at a time (a second trigger joins the running one), scheduled
 * runs staggered, a clock injected so tests step time, and catch-up after sleep (a due company is
 * simply overdue, and the next tick runs it once, not once per missed hour).
 */
export class Scheduler {
  readonly #running = new Map<string, Running>();
  #timer: unknown = null;
  #stopped = true;
  #queue: string[] = [];
  #draining = false;

  constructor(private readonly d: SchedulerDeps) {}

  isRunning(companyId: string): boolean {
    return this.#running.has(companyId);
  }

  /** Starts or joins a company run. */
  runCompany(companyId: string, trigger: Trigger): Promise<RunSummary> {
    const existing = this.#running.get(companyId);
    if (existing) return existing.done;
    const controller = new AbortController();
    const done = this.d.engine
      .runCompany(companyId, trigger, { signal: controller.signal, onProgress: this.d.onProgress })
      .then((run) => {
        this.#reschedule(companyId);
        this.d.onFinished(run);
        return run;
      })
      .finally(() => this.#running.delete(companyId));
    this.#running.set(companyId, { controller, done });
    return done;
  }

  /** "Sync all now": every reviewed company, one after another. */
  async runAll(trigger: Trigger = 'manual-all'): Promise<RunSummary[]> {
    const out: RunSummary[] = [];
    for (const c of this.d.listCompanies()) if (c.reviewed) out.push(await this.runCompany(c.id, trigger));
    return out;
  }

  cancel(companyId: string): boolean {
    const r = this.#running.get(companyId);
    r?.controller.abort(Object.assign(new Error('Cancelled by the user'), { name: 'AbortError' }));
    return Boolean(r);
  }

  /** Which companies are due now (also called on resume from sleep). Safe to call often. */
  checkDue(): void {
    const now = this.d.clock.now().getTime();
    for (const c of this.d.listCompanies()) {
      if (!c.reviewed || this.#running.has(c.id) || this.#queue.includes(c.id)) continue;
      const last = c.lastAttemptAt ? Date.parse(c.lastAttemptAt) : 0;
      if (now - last >= c.frequencyMinutes * 60_000) this.#queue.push(c.id);
    }
    void this.#drain();
  }

  start(): void {
    this.#stopped = false;
    const tick = () => {
      if (this.#stopped) return;
      this.checkDue();
      this.#timer = this.d.clock.setTimeout(tick, this.d.tickMs ?? 60_000);
    };
    tick();
  }

  /**
   * Stops scheduling and waits for running syncs. Each commits whole or not at all: by default they run to
   * the end (quitting the desktop app); given a reason (a headless process told to stop), they are cancelled
   * with it instead, so the process can stop within seconds and the run records why nothing was saved.
   */
  async stop(abandon?: Error): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) this.d.clock.clearTimeout(this.#timer);
    this.#queue = [];
    if (abandon) for (const r of this.#running.values()) r.controller.abort(abandon);
    await Promise.allSettled([...this.#running.values()].map((r) => r.done));
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length > 0 && !this.#stopped) {
        const id = this.#queue.shift()!;
        // A company removed while it waited in the queue has nothing left to sync.
        if (!this.d.listCompanies().some((c) => c.id === id)) continue;
        void this.runCompany(id, 'scheduled');
        if (this.#queue.length > 0)
          await new Promise((r) => this.d.clock.setTimeout(() => r(null), this.d.staggerMs ?? 5000));
      }
    } finally {
      this.#draining = false;
    }
  }

  #reschedule(companyId: string): void {
    const c = this.d.listCompanies().find((x) => x.id === companyId);
    if (!c) return;
    const next = new Date(this.d.clock.now().getTime() + c.frequencyMinutes * 60_000).toISOString();
    this.d.setNextSyncAt(companyId, c.reviewed ? next : null);
  }
}
