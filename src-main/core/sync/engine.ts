import { randomUUID } from 'node:crypto';
import type { AppErrorShape } from '../../contract/errors';
import type { PreviewResult } from '../../contract/index';
import type { RunCounts, RunSummary, SyncProgress, Trigger } from '../../contract/sync';
import { PROVIDER_ID_FIELD_DEFAULT } from '../../contract/companies';
import { AppError, toErrorShape } from '../errors';
import type { Clock, Logger } from '../ports';
import type { Db } from '../db/open';
import type { CompanyRepository, CompanyRow } from '../db/repositories/companies';
import type { CompactEmployee, EmployeeRepository, StoredEmployee } from '../db/repositories/employees';
import { EMPTY_COUNTS, type RunRepository } from '../db/repositories/runs';
import { StagingRepository, type PartialRead } from '../db/repositories/staging';
import { RunProblemLists } from '../db/repositories/run-problem-lists';
import { isBusy, LeaseRepository } from '../db/repositories/leases';
import type { HrClient, ListResult, ProviderRecord } from '../hr/types';
import { identityOf, sha1, type PlanConfig } from './plan';
import { previewFilters } from './preview';
import { rekeyCandidates } from './rekey';
import { StreamPlanner } from './stream';
import { londonDate } from './dates';
import type { FilterRule } from '../../contract/filters';
import { changesNote, cursorKey, findResumable, repeatedCounts, repeatNote, sameMark, type Resumable } from './hourly';

export interface EngineDeps {
  db: Db;
  companies: CompanyRepository;
  employees: EmployeeRepository;
  runs: RunRepository;
  clientFor(company: CompanyRow): Promise<HrClient>;
  salaryPeriodKey(company: CompanyRow): string | null;
  clock: Clock;
  logger: Logger;
  /** Called after every run, whatever its outcome: the database has new pages for the checkpointer. */
  afterRun?(): void;
  /** The app's version: an outcome is repeated only by the version that decided it (its rules may differ). */
  version?: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?(p: SyncProgress): void;
}

const TAKEN_OVER =
  'This sync stopped answering for over a minute, so another Bureau Sync window (or the command line) took the company over. Nothing from this sync was saved.';

/** Triggers that a paused company skips (recorded as skipped). "Sync now" on one employee still runs. */
const PAUSABLE: ReadonlySet<Trigger> = new Set([
  'scheduled',
  'settings',
  'manual-all',
  'manual-company',
  'cli',
  'first',
]);

/**
 * One sync run: fetch everything, decide everything, then write everything in one transaction.
 * A run that fails (or a fetch cut short) writes nothing but its own failed run record.
 */
/** Records held for a re-key are decided and staged this many at a time, as pages would be. */
const HELD_CHUNK = 500;

type Progress = (phase: SyncProgress['phase'], processed: number, total: number | null) => void;

export class SyncEngine {
  readonly #staging: StagingRepository;
  readonly #lists: RunProblemLists;
  readonly #leases: LeaseRepository;
  /** Runs of this engine that hold their company's lease: #finish releases it with the run's own record. */
  readonly #leased = new Set<string>();

  constructor(private readonly d: EngineDeps) {
    this.#staging = new StagingRepository(d.db);
    this.#lists = new RunProblemLists(d.db);
    this.#leases = new LeaseRepository(d.db, { stamp: () => this.#now() });
  }

  async runCompany(companyId: string, trigger: Trigger, opts: RunOptions = {}): Promise<RunSummary> {
    try {
      return await this.#runCompany(companyId, trigger, opts);
    } finally {
      this.d.afterRun?.();
    }
  }

  async #runCompany(companyId: string, trigger: Trigger, opts: RunOptions): Promise<RunSummary> {
    const company = this.#company(companyId);
    const runId = randomUUID();
    const startedAt = this.#now();
    const start = () => this.d.runs.start({ id: runId, companyId, trigger, startedAt, employeeHrId: null });
    if (company.settings.paused && PAUSABLE.has(trigger)) {
      start();
      return this.#finish(
        company,
        runId,
        'skipped',
        EMPTY_COUNTS,
        null,
        'Skipped: syncing is paused for this company.',
      );
    }
    // Another process (or another caller here) may be syncing this company: only the lease's holder runs; a
    // second sync waits for that run and answers with its outcome (leases.ts).
    let lease;
    try {
      lease = await this.#leases.acquire(company.id, runId, { signal: opts.signal, start });
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') throw err; // removed meanwhile: nothing to record it on
      // Cancelled while waiting for another process's run, or the database stayed busy: recorded as such.
      const reason: unknown = opts.signal?.aborted ? opts.signal.reason : undefined;
      const shape = toErrorShape(reason instanceof AppError ? reason : err);
      try {
        start();
        return this.#finish(
          company,
          runId,
          shape.code === 'CANCELLED' ? 'cancelled' : 'failed',
          EMPTY_COUNTS,
          shape,
          null,
        );
      } catch (recordErr) {
        if (isBusy(recordErr)) throw new AppError(shape.code, shape.message);
        throw recordErr;
      }
    }
    if (!lease.claimed) {
      const joined = this.d.runs.get(lease.joinedRunId);
      if (!joined) throw new AppError('NOT_FOUND', `${company.name} was removed while it was being synced.`);
      return joined;
    }
    if (lease.tookOverRunId)
      this.d.logger.warn('took over a sync whose process had stopped', { companyId, runId: lease.tookOverRunId });
    this.#leased.add(runId);
    const stopBeat = this.#leases.heartbeat(company.id, runId, (err) =>
      this.d.logger.warn('sync heartbeat failed', {
        companyId,
        error: err instanceof Error ? err.message : String(err),
      }),
    );
    try {
      return await this.#runLeased(company, runId, trigger, opts);
    } finally {
      stopBeat();
      this.#letGo(company, runId);
    }
  }

  /** The run itself, once it holds the company's lease: whatever happens, it ends in #finish. */
  async #runLeased(company: CompanyRow, runId: string, trigger: Trigger, opts: RunOptions): Promise<RunSummary> {
    const companyId = company.id;
    const progress = (phase: SyncProgress['phase'], processed: number, total: number | null) =>
      opts.onProgress?.({ runId, companyId, phase, processed, total });
    try {
      progress('connecting', 0, null);
      const client = await this.d.clientFor(company);
      const cfg = this.#config(company, runId);
      const rekey = this.#mayRekey(company.id, cfg);
      const resume = !rekey && trigger === 'scheduled' ? this.#resumable(company, cfg) : null;
      return await this.#runStreaming(company, client, cfg, opts, progress, resume, rekey);
    } catch (err) {
      // An abort says why through the signal's reason (the user cancelled, the process is stopping); clients
      // that saw it only as a cancelled request report a generic cancellation.
      const reason: unknown = opts.signal?.aborted ? opts.signal.reason : undefined;
      const shape = toErrorShape(reason instanceof AppError ? reason : err);
      this.d.logger.warn('sync failed', { companyId, code: shape.code });
      this.#discard(runId);
      return this.#finish(
        company,
        runId,
        shape.code === 'CANCELLED' ? 'cancelled' : 'failed',
        EMPTY_COUNTS,
        shape,
        null,
      );
    }
  }

  /**
   * The usual run: each page is decided as it arrives and its decisions committed to the staging table,
   * so memory holds compact facts rather than every record; the employees change only in the final
   * transaction, set-based from the staged rows, so a run killed at any moment changes no employee.
   */
  async #runStreaming(
    company: CompanyRow,
    client: HrClient,
    cfg: PlanConfig,
    opts: RunOptions,
    progress: Progress,
    resume: Resumable | null,
    rekey = false,
  ): Promise<RunSummary> {
    const { runId } = cfg;
    // Left over from an earlier run of this company on this connection (staging is TEMP: no other process's
    // rows are here). This run holds the company's lease, so no other run of it is staging now.
    this.#staging.discardStale(company.id, runId);
    const employees = this.d.employees;
    let storedMap: ReturnType<typeof employees.compactByIdentity> | null = null; // read at the first record: a repeat never needs it
    const stored = () => (storedMap ??= employees.compactByIdentity(company.id));
    // After an ID-field change, who is matched by HR id depends on every identity in the fetch: the records are
    // held until the read is complete, then decided by the same planner.
    const rekeyable = new Map<string, CompactEmployee>();
    const held: ProviderRecord[] = [];
    const planner = new StreamPlanner({
      stored,
      cfg,
      valuesOf: (id) => employees.valuesOf(id),
      ...(rekey ? { rekeyable } : {}),
    });
    const handed = new Set<string>();
    const res = await client.listEmployees({
      signal: opts.signal,
      includeSalaries: cfg.syncSalaries,
      startedAt: cfg.now,
      // The roll call lists the HR system's own ids: a resume needs people matched on them (#resumable).
      since: resume
        ? {
            cursor: resume.mark.cursor,
            lastRollCall: () => new Set([...stored().values()].filter((e) => e.state !== 'missing').map((e) => e.hrId)),
          }
        : undefined,
      onPage: (page, p, serialised) => {
        opts.signal?.throwIfAborted();
        if (resume) for (const r of page) handed.add(r.externalId);
        if (rekey) held.push(...page);
        else this.#staging.add(runId, company.id, planner.page(page, serialised));
        progress('fetching', p.fetched, p.total);
      },
    });
    this.#requireComplete(res);
    let partial: PartialRead | null = null;
    if (res.covers === 'changes') {
      const present = res.present ?? [];
      // Someone on the roll call whom the change feed did not report and who is not a current employee here
      // (restored in the HR system, or dated before the window): only a full read decides them correctly.
      const unexplained = present.some((id) => !handed.has(id) && (stored().get(id)?.state ?? 'missing') === 'missing');
      if (unexplained) {
        this.#staging.discard(runId);
        return this.#runStreaming(company, client, cfg, opts, progress, null);
      }
      partial = { presentIds: present };
    } else if (res.covers === 'same' && resume) {
      opts.signal?.throwIfAborted();
      const repeated = this.#repeat(company, runId, resume, res.cursor, progress);
      if (repeated) return repeated;
      // Handed on in full before the client knew it was the same: what was decided from it is applied below.
      if (planner.seen === 0) return this.#runStreaming(company, client, cfg, opts, progress, null);
    }
    if (rekey) {
      for (const [hrId, e] of rekeyCandidates(held, stored(), employees.keyedOtherwise(company.id, cfg.idField), cfg))
        rekeyable.set(hrId, e);
      for (let i = 0; i < held.length; i += HELD_CHUNK)
        this.#staging.add(runId, company.id, planner.page(held.slice(i, i + HELD_CHUNK)));
    }
    opts.signal?.throwIfAborted();
    progress('checking', planner.seen, planner.seen);
    this.#staging.add(runId, company.id, planner.finish());
    opts.signal?.throwIfAborted();
    progress('writing', 0, planner.seen);
    const note = partial ? changesNote(company.provider, handed.size) : null;
    return this.d.db.transaction(() => {
      const counts = this.#staging.apply(
        { runId, companyId: company.id, syncedAt: cfg.now, at: this.#now(), idField: cfg.idField },
        partial,
      );
      this.d.companies.setCursor(
        company.id,
        res.cursor ? { cursor: res.cursor, key: this.#cursorKey(cfg), runId } : null,
      );
      return this.#finish(company, runId, 'succeeded', counts, null, note);
    })();
  }

  readonly #cursorKey = (cfg: PlanConfig): string => cursorKey(cfg, this.d.version ?? '');

  /**
   * The HR system answered exactly as at the last complete read, under the same set-up, so every decision is as
   * it was: the run repeats that outcome (its counts, its problem list, shared), writes no employee, and drops
   * anything decided from pages handed on before the client knew. Null when another run changed an employee meanwhile.
   */
  #repeat(
    company: CompanyRow,
    runId: string,
    from: Resumable,
    cursor: string | null,
    progress: Progress,
  ): RunSummary | null {
    const counts = repeatedCounts(from.run.counts);
    const people = counts.unchanged + counts.excluded;
    progress('checking', people, people);
    progress('writing', 0, people);
    return this.d.db.transaction(() => {
      if (!sameMark(this.d.companies.cursor(company.id), from.mark)) return null;
      this.#staging.discard(runId);
      this.#lists.share(runId, from.mark.runId);
      this.d.companies.setCursor(company.id, { ...from.mark, cursor: cursor ?? from.mark.cursor, runId });
      return this.#finish(company, runId, 'succeeded', counts, null, repeatNote(company.provider));
    })();
  }

  /**
   * What an hourly run may resume from: the cursor of the last complete read, decided under the same set-up, day
   * and app version (the key), with no employee written since (any other write clears it), people matched on the
   * HR system's own id (what a roll call lists), and every current employee decided under today's set-up. So the
   * first run of each day, any run after the set-up changed, and every run a person starts read everyone.
   */
  #resumable(company: CompanyRow, cfg: PlanConfig): Resumable | null {
    if (cfg.idField !== cfg.defaultIdField) return null;
    const found = findResumable(this.d, company.id, this.#cursorKey(cfg));
    if (!found || this.d.employees.decidedOtherwise(company.id, cfg.configHash)) return null;
    return found;
  }

  /** Whether any stored employee's identity did not come from the company's current ID field. */
  #mayRekey(companyId: string, cfg: PlanConfig): boolean {
    for (const e of this.d.employees.keyedOtherwise(companyId, cfg.idField)) {
      if (identityOf(JSON.parse(e.recordJson) as ProviderRecord, cfg) !== e.identity) return true;
    }
    return false;
  }

  #requireComplete(fetched: ListResult): void {
    if (!fetched.complete) {
      throw new AppError(
        'INCOMPLETE_FETCH',
        `${fetched.incompleteReason ?? 'The HR system stopped sending employees part way through.'} To be safe nothing was changed; the next sync will try again.`,
      );
    }
  }

  #discard(runId: string): void {
    try {
      this.#staging.discard(runId);
    } catch (err) {
      // The next run of this company discards it anyway; staged rows never reach an employee by themselves.
      this.d.logger.warn('could not discard staged sync rows', {
        runId,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  /** "Sync now" on one employee: runs even while the company is paused. */
  async runEmployee(companyId: string, employeeId: number, opts: RunOptions = {}): Promise<RunSummary> {
    try {
      return await this.#runEmployee(companyId, employeeId, opts);
    } finally {
      this.d.afterRun?.();
    }
  }

  async #runEmployee(companyId: string, employeeId: number, opts: RunOptions): Promise<RunSummary> {
    const company = this.#company(companyId);
    const existing = this.d.employees.get(companyId, employeeId);
    if (!existing) throw new AppError('NOT_FOUND', 'That employee is not in this company any more. Refresh the list.');
    const runId = randomUUID();
    this.d.runs.start({
      id: runId,
      companyId,
      trigger: 'employee',
      startedAt: this.#now(),
      employeeHrId: existing.hrId,
    });
    return this.#runOne(company, runId, existing, opts);
  }

  /**
   * One employee read afresh, decided by the same planner and written by the same apply as a company run,
   * as a partial read that speaks for this employee alone.
   */
  async #runOne(company: CompanyRow, runId: string, existing: StoredEmployee, opts: RunOptions): Promise<RunSummary> {
    try {
      this.#staging.discardStale(company.id, runId);
      const client = await this.d.clientFor(company);
      const record = await client.getEmployee(existing.hrId, {
        signal: opts.signal,
        includeSalaries: this.#syncSalaries(company),
      });
      const cfg = this.#config(company, runId);
      if (record) {
        const compact = this.d.employees.compactOf(existing.id);
        const identity = identityOf(record, cfg);
        // Their ID under today's ID field may differ from the one stored: the same person takes it (as a re-key does).
        const same = identity === existing.identity;
        const planner = new StreamPlanner({
          stored: () => new Map(same && compact ? [[identity, compact]] : []),
          cfg,
          valuesOf: (id) => this.d.employees.valuesOf(id),
          ...(!same && compact ? { rekeyable: new Map([[record.externalId, compact]]) } : {}),
        });
        this.#staging.add(runId, company.id, planner.page([record]));
      }
      return this.d.db.transaction(() => {
        const counts = this.#staging.apply(
          { runId, companyId: company.id, syncedAt: cfg.now, at: this.#now(), idField: cfg.idField },
          { employeeId: existing.id },
        );
        // Employees were written without a whole-list reply to stand for them: no later run may repeat the last one.
        this.d.companies.setCursor(company.id, null);
        return this.#finish(company, runId, 'succeeded', counts, null, null, false);
      })();
    } catch (err) {
      this.#discard(runId);
      return this.#finish(company, runId, 'failed', EMPTY_COUNTS, toErrorShape(err), null, false);
    }
  }

  /**
   * Who a sync would include and exclude, and why; writes nothing. `filters`: rules not saved yet (Settings → Who to sync previews
   * before Save); by default the company's own.
   */
  async preview(companyId: string, signal?: AbortSignal, filters?: FilterRule[]): Promise<PreviewResult> {
    const company = this.#company(companyId);
    const client = await this.d.clientFor(company);
    const saved = this.#config(company, 'preview');
    return previewFilters(client, filters ? { ...saved, filters } : saved, signal);
  }

  #finish(
    company: CompanyRow,
    runId: string,
    status: Exclude<RunSummary['status'], 'running'>,
    counts: RunCounts,
    error: AppErrorShape | null,
    note: string | null,
    recordOnCompany = true,
  ): RunSummary {
    // One transaction (a savepoint inside the run's own): the run's record, the company's last attempt and the
    // release of its lease are written together or not at all.
    return this.d.db.transaction(() => {
      const finishedAt = this.#now();
      if (this.#leased.has(runId)) {
        // Lost only when this process stopped answering for over a minute and another took the company over:
        // its writes must not land on top of that run's (throwing rolls the run's transaction back).
        if (!this.#leases.release(company.id, runId) && status === 'succeeded')
          throw new AppError('CONFLICT', TAKEN_OVER);
      }
      this.d.runs.finish(runId, { status, finishedAt, counts, error, note });
      if (recordOnCompany) {
        this.d.companies.recordAttempt(company.id, {
          at: finishedAt,
          status,
          error,
          succeeded: status === 'succeeded',
        });
      }
      const run = this.d.runs.get(runId);
      if (!run) throw new AppError('INTERNAL', 'The sync run record vanished.');
      return run;
    })();
  }

  /**
   * After a leased run, however it ended: if #finish never committed (it or its transaction threw), the run is
   * closed as failed and the lease released here, so neither is left for a minute's staleness to clear up.
   */
  #letGo(company: CompanyRow, runId: string): void {
    if (!this.#leased.delete(runId)) return;
    try {
      this.d.db.transaction(() => {
        if (!this.#leases.release(company.id, runId)) return;
        if (this.d.runs.get(runId)?.status !== 'running') return;
        const error = {
          code: 'INTERNAL' as const,
          message: 'The sync stopped unexpectedly. Nothing from it was saved; the next sync will try again.',
        };
        this.d.runs.finish(runId, {
          status: 'failed',
          finishedAt: this.#now(),
          counts: EMPTY_COUNTS,
          error,
          note: null,
        });
      })();
    } catch (err) {
      // The lease's heartbeat has stopped: another process takes it over once it is stale.
      this.d.logger.warn('could not release the sync lease', {
        companyId: company.id,
        runId,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  #company(id: string): CompanyRow {
    const c = this.d.companies.get(id);
    if (!c)
      throw new AppError(
        'NOT_FOUND',
        `No company has the ID "${id}". It may have been removed: check the companies list.`,
      );
    return c;
  }

  #syncSalaries(c: CompanyRow): boolean {
    return c.settings.syncSalaries && c.canReadSalaries;
  }

  #config(company: CompanyRow, runId: string): PlanConfig {
    const now = this.d.clock.now();
    const decisive = {
      mapping: this.d.companies.mapping(company.id),
      filters: this.d.companies.filters(company.id),
      defaults: company.settings.defaults,
      syncSalaries: this.#syncSalaries(company),
      salaryPeriodKey: this.d.salaryPeriodKey(company),
      idField: company.settings.idField,
      defaultIdField: PROVIDER_ID_FIELD_DEFAULT[company.provider],
      // Leaver, age and current-salary rules read the date, so a new day decides everyone afresh once.
      today: londonDate(now),
    };
    return {
      ...decisive,
      labels: Object.fromEntries(company.catalogue.map((f) => [f.key, f.label])),
      now: now.toISOString(),
      runId,
      configHash: sha1(JSON.stringify(decisive)),
    };
  }

  #now(): string {
    return this.d.clock.now().toISOString();
  }
}
