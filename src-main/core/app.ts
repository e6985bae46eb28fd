import { join } from 'node:path';
import type { CommandName, CommandOutputs, EventName, PushEvents } from '../contract/index';
import { commands } from '../contract/index';
import type { Result } from '../contract/errors';
import { openDatabase } from './db/open';
import { limitHeapGrowth } from './heap';
import { toErrorShape } from './errors';
import type { HttpOptions } from './hr/http';
import { SALARY_PERIOD_KEY, type VendorOptions } from './hr/registry';
import { SyncEngine } from './sync/engine';
import { Scheduler } from './sync/scheduler';
import { stopDemoHr } from './demo/demo-hr';
import { startCheckpointer } from './db/checkpointer';
import { LeaseRepository } from './db/repositories/leases';
import { systemClock, silentLogger, type Clock, type Logger, type SecretStore } from './ports';
import { buildContext, vendorOf } from './api/context';
import { companyHandlers } from './api/companies';
import { syncHandlers } from './api/sync';
import { payslipHandlers } from './api/payslips';
import { exportHandlers } from './api/exports';
import { pendingReportHandler } from './api/pending-report';
import { searchHandler } from './api/search';
import { osUserName } from './os-user';
import type { Handlers } from './api/types';
import { createReports, type Reports } from './api/reports';
import { createPreferences, type LoginItemPort } from './api/preferences';
import { fieldValuesHandler } from './api/field-values';
import { previewMapping } from './api/mapping-preview';
import { AppError } from './errors';

export interface CoreOptions {
  dataDir: string;
  secrets: SecretStore;
  mode: 'desktop' | 'browser' | 'cli';
  version?: string;
  clock?: Clock;
  logger?: Logger;
  /** better-sqlite3 addon for the running runtime (Electron passes its own ABI build). */
  nativeBinding?: string;
  /** HTTP layer overrides (tests shorten timeouts and backoff). */
  http?: Partial<HttpOptions>;
  /** Options that only one HR system's client understands (hr/registry.ts), each in its vendor's section. */
  vendors?: VendorOptions;
  /** Start the hourly scheduler (the desktop app and browser mode do; the CLI does not). */
  schedule?: boolean;
  /** The OS login item (desktop only); without it "start at login" is unavailable. */
  loginItem?: LoginItemPort;
  /** The system's folder dialog (desktop only); resolves null when the user cancels. */
  chooseFolder?: (title: string) => Promise<string | null>;
  /** Who exports are recorded as made by; by default the operating-system user. */
  userName?: string;
}

type Listener = (event: EventName, payload: unknown) => void;

export interface Core {
  /** Validates input with the contract and answers with a Result envelope: what every binding calls. */
  invoke<K extends CommandName>(name: K, input: unknown): Promise<Result<CommandOutputs[K]>>;
  /** Subscribes to push events; returns an unsubscribe function. */
  subscribe(listener: Listener): () => void;
  readonly scheduler: Scheduler;
  readonly engine: SyncEngine;
  readonly reports: Reports;
  readonly preferences: ReturnType<typeof createPreferences>;
  /** Lets the desktop shell push events of its own (e.g. app.navigate after a notification click). */
  emit<E extends EventName>(event: E, payload: PushEvents[E]): void;
  readonly dbFile: string;
  /**
   * Copies the write-ahead log into the database file now, waiting for any copy already under way on the
   * checkpoint thread (db/checkpointer.ts). For whoever needs the file itself current: the bench calls it so
   * that background copying never overlaps its next measurement.
   */
  checkpoint(): Promise<void>;
  /**
   * Stops the scheduler and closes the database. Running syncs finish first (the desktop app's quit), or,
   * with abandonSyncs (a headless process told to stop), are cancelled: nothing of theirs is written.
   */
  close(opts?: { abandonSyncs?: boolean }): Promise<void>;
}

export const SHUTDOWN_MESSAGE =
  'Stopped: Bureau Sync was shut down during this sync. Nothing from it was saved; the next sync starts again from the HR system.';

/** The composition root of the core: database, repositories, HR clients, engine, scheduler, handlers. */
export function createCore(opts: CoreOptions): Core {
  limitHeapGrowth();
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const dbFile = join(opts.dataDir, 'bureau-sync.sqlite');
  const db = openDatabase(dbFile, { nativeBinding: opts.nativeBinding });
  const checkpointer = startCheckpointer(db, dbFile, { nativeBinding: opts.nativeBinding, logger });
  const listeners = new Set<Listener>();
  const emit = <E extends EventName>(event: E, payload: PushEvents[E]) => {
    for (const l of listeners) l(event, payload);
  };
  const ctx = buildContext({
    db,
    secrets: opts.secrets,
    clock,
    logger,
    emit,
    mode: opts.mode,
    dataDir: opts.dataDir,
    version: opts.version ?? '0.1.0',
    http: opts.http,
    vendors: opts.vendors,
  });
  // Runs left "running" by a process that has gone; another window's or the command line's live runs stay.
  new LeaseRepository(db, { stamp: () => clock.now().toISOString() }).closeAbandoned();

  const engine = new SyncEngine({
    db,
    companies: ctx.companies,
    employees: ctx.employees,
    runs: ctx.runs,
    clientFor: (c) => ctx.clientFor(c),
    salaryPeriodKey: (c) => SALARY_PERIOD_KEY[vendorOf(c)],
    clock,
    logger,
    afterRun: () => checkpointer.nudge(),
    version: ctx.version,
  });
  const scheduler = new Scheduler({
    engine,
    clock,
    logger,
    listCompanies: () =>
      ctx.companies.list().map((c) => ({
        id: c.id,
        reviewed: c.reviewed,
        paused: c.settings.paused,
        frequencyMinutes: c.settings.frequencyMinutes,
        lastAttemptAt: c.lastAttempt?.at ?? null,
      })),
    setNextSyncAt: (id, at) => ctx.companies.setNextSyncAt(id, at),
    onProgress: throttle((p) => emit('sync.progress', p), 200),
    onFinished: (run) => {
      emit('sync.finished', run);
      emit('employees.changed', { companyId: run.companyId });
      emit('companies.changed', {});
    },
  });

  const preferences = createPreferences(db, opts.loginItem ?? null);
  const base = {
    ...companyHandlers(ctx, (id) => scheduler.isRunning(id)),
    ...syncHandlers(ctx, engine, scheduler),
    ...payslipHandlers(ctx),
    ...exportHandlers(ctx, { userName: opts.userName ?? osUserName() }),
    ...pendingReportHandler(ctx),
    ...searchHandler(ctx),
  };
  // Every settings change triggers a sync of a company that has finished the wizard, as users expect.
  const afterSettingsChange = (companyId: string) => {
    if (ctx.companies.get(companyId)?.reviewed) void scheduler.runCompany(companyId, 'settings');
  };
  const handlers: Handlers = {
    ...base,
    'app.info': async () => ({
      version: ctx.version,
      mode: ctx.mode,
      dataDir: opts.dataDir,
      secretStorage: opts.secrets.description,
      canChooseFolder: opts.chooseFolder !== undefined,
    }),
    'app.chooseFolder': async ({ title }) => {
      if (!opts.chooseFolder) {
        throw new AppError('VALIDATION', 'Browser mode cannot open the folder dialog: type or paste the folder’s full path instead.');
      }
      return { path: await opts.chooseFolder(title) };
    },
    'companies.fieldValues': fieldValuesHandler(ctx),
    'mapping.preview': async ({ companyId, mapping }) => previewMapping(ctx, companyId, mapping),
    'app.preferences.get': async () => preferences.get(),
    'app.preferences.set': async ({ patch }) => {
      if (patch.startAtLogin !== undefined && !opts.loginItem) {
        throw new AppError('VALIDATION', 'Starting at login is a setting of the desktop app; browser mode and the command line cannot change it.');
      }
      return preferences.set(patch);
    },
    'companies.pauseAll': async ({ paused }) => {
      let changed = 0;
      for (const c of ctx.companies.list()) {
        if (c.settings.paused === paused) continue;
        ctx.companies.setSettings(c.id, { ...c.settings, paused });
        changed += 1;
      }
      emit('companies.changed', {});
      return { changed };
    },
    'mapping.set': async (i) => {
      const r = await base['mapping.set'](i);
      afterSettingsChange(i.companyId);
      return r;
    },
    // New credentials are proved at once by the sync they start (skipped, and recorded so, while paused).
    'companies.setCredentials': async (i) => {
      const r = await base['companies.setCredentials'](i);
      afterSettingsChange(i.companyId);
      return r;
    },
    'filters.set': async (i) => {
      const r = await base['filters.set'](i);
      afterSettingsChange(i.companyId);
      return r;
    },
    'settings.set': async (i) => {
      const r = await base['settings.set'](i);
      afterSettingsChange(i.companyId);
      return r;
    },
  };

  if (opts.schedule) scheduler.start();
  let closing: Promise<void> | null = null;

  return {
    dbFile,
    scheduler,
    engine,
    reports: createReports(db),
    preferences,
    emit,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async invoke(name, input) {
      const schema = commands[name];
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first?.path.length ? `${first.path.join('.')}: ` : '';
        return { ok: false, error: { code: 'VALIDATION', message: `${where}${first?.message ?? 'invalid input'}`, details: { issues: parsed.error.issues } } };
      }
      try {
        const handler = handlers[name] as (i: unknown) => Promise<CommandOutputs[typeof name]>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        const error = toErrorShape(err);
        if (error.code === 'INTERNAL') logger.error('command failed', { name, message: err instanceof Error ? err.message : String(err) });
        return { ok: false, error };
      }
    },
    async checkpoint() {
      await checkpointer.checkpoint();
    },
    close(o = {}) {
      // Once: a second close (a signal handler and a finally block) waits for the first.
      closing ??= (async () => {
        await scheduler.stop(o.abandonSyncs ? new AppError('CANCELLED', SHUTDOWN_MESSAGE) : undefined);
        await stopDemoHr();
        // The worker's connection goes first, so closing the core's (the last) copies what is left into the file.
        await checkpointer.close();
        db.close();
      })();
      return closing;
    },
  };
}

/** At most one call per `ms`, always delivering the latest value (progress bars need the last state). */
function throttle<T>(fn: (v: T) => void, ms: number): (v: T) => void {
  let last = 0;
  let pending: { v: T } | null = null;
  let timer: NodeJS.Timeout | null = null;
  return (v: T) => {
    const now = Date.now();
    if (now - last >= ms) {
      last = now;
      fn(v);
      return;
    }
    pending = { v };
    timer ??= setTimeout(() => {
      timer = null;
      last = Date.now();
      if (pending) fn(pending.v);
      pending = null;
    }, ms - (now - last));
  };
}
