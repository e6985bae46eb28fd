import type { EventName, PushEvents } from '../contract/index';
import { companyHandlers } from './api/companies';
import { buildContext, vendorOf, type CoreContext } from './api/context';
import { databaseHandlers } from './api/database';
import { fieldValuesHandler } from './api/field-values';
import { payslipHandlers } from './api/payslips';
import { createPreferences } from './api/preferences';
import { createReports, type Reports } from './api/reports';
import { syncHandlers } from './api/sync';
import type { Handlers } from './api/types';
import type { CoreOptions } from './app';
import { startCheckpointer, type Checkpointer } from './db/checkpointer';
import { DailyBackups } from './db/daily-backup';
import { finishPendingErase } from './db/erase';
import { openDatabase, type Db, type OpenedDatabase } from './db/open';
import { AppError } from './errors';
import { SALARY_PERIOD_KEY } from './hr/registry';
import type { Clock, Logger } from './ports';
import { SyncEngine } from './sync/engine';
import { LeaseRepository } from './db/repositories/leases';
import { exportHandlers } from './api/exports';
import { pendingReportHandler } from './api/pending-report';
import { searchHandler } from './api/search';
import { osUserName } from './os-user';
import { previewMapping } from './api/mapping-preview';
import { Scheduler } from './sync/scheduler';

/**
 * The parts of the core built on one open database: repositories, engine, scheduler, preferences and the
 * command handlers. createCore builds them once, and again when a backup is restored or the database is
 * found damaged, so every binding keeps talking to the same Core while the file under it changes.
 */

/** A damaged database: opened read-only (readable), or not at all (an empty stand-in that answers nothing). */
export interface Damage {
  problems: string[];
  message: string;
  readable: boolean;
}

export interface Live {
  db: Db;
  damage: Damage | null;
  checkpointer: Checkpointer;
  ctx: CoreContext;
  engine: SyncEngine;
  scheduler: Scheduler;
  preferences: ReturnType<typeof createPreferences>;
  reports: Reports;
  /** Every command but the restore, which replaces the Live itself (app.ts). */
  handlers: Omit<Handlers, 'app.database.restore'>;
  backups: DailyBackups;
  /** Stops the scheduler and the backups and closes the database (running syncs finish, or are cancelled with `abandon`). */
  close(abandon?: AppError): Promise<void>;
}

export interface LiveDeps {
  opts: CoreOptions;
  clock: Clock;
  logger: Logger;
  emit: <E extends EventName>(event: E, payload: PushEvents[E]) => void;
  dbFile: string;
  backupsDir: string;
  version: string;
  /** A run or a backup found the database damaged part way: app.ts reopens it read-only. */
  onDamaged(problem: string): void;
}

export function assemble(opened: OpenedDatabase, d: LiveDeps): Live {
  const { opts, clock, logger, emit } = d;
  const damage: Damage | null = opened.damage ? { ...opened.damage, readable: opened.db !== null } : null;
  // Not even readable: an empty in-memory database stands in, so every part can be built; the core's
  // gate (app.ts) lets no command read from it.
  const db = opened.db ?? openDatabase(':memory:');
  if (!damage) {
    try {
      if (finishPendingErase(db)) logger.info('finished erasing a removed company from the database file');
    } catch (err) {
      logger.warn('erasing a removed company from the database file failed again', {
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
  // A damaged file gets no checkpoint thread: its connection is read-only and must stay the only one.
  const checkpointer = startCheckpointer(db, damage ? ':memory:' : d.dbFile, {
    nativeBinding: opts.nativeBinding,
    logger,
  });
  const ctx = buildContext({
    db,
    secrets: opts.secrets,
    clock,
    logger,
    emit,
    mode: opts.mode,
    dataDir: opts.dataDir,
    version: d.version,
    http: opts.http,
    vendors: opts.vendors,
  });
  // Runs left "running" by a process that has gone; another window's or the command line's live runs stay.
  if (!damage) new LeaseRepository(db, { stamp: () => clock.now().toISOString() }).closeAbandoned();

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
    // A damaged database has nothing to schedule: nothing may be written to it.
    listCompanies: () =>
      damage
        ? []
        : ctx.companies.list().map((c) => ({
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
      if (run.error?.code === 'DB_DAMAGED') d.onDamaged(String(run.error.details?.problem ?? run.error.message));
    },
  });

  const preferences = createPreferences(db, opts.loginItem ?? null);
  const backups = new DailyBackups({
    db,
    dir: d.backupsDir,
    clock,
    logger,
    keepDays: () => preferences.backupDays(),
    onDamaged: (problems) => d.onDamaged(problems[0] ?? 'the daily backup failed its check'),
  });
  if (damage) void backups.stop(); // never back up (and prune good backups for) a damaged file

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
  const handlers: Live['handlers'] = {
    ...base,
    ...databaseHandlers({
      dbFile: d.dbFile,
      backupsDir: d.backupsDir,
      dataDir: opts.dataDir,
      damage,
      keepDays: () => preferences.backupDays(),
    }),
    'app.info': async () => ({
      version: ctx.version,
      mode: ctx.mode,
      dataDir: opts.dataDir,
      secretStorage: opts.secrets.description,
      canChooseFolder: opts.chooseFolder !== undefined,
    }),
    'app.chooseFolder': async ({ title }) => {
      if (!opts.chooseFolder) {
        throw new AppError(
          'VALIDATION',
          'Browser mode cannot open the folder dialog: type or paste the folder’s full path instead.',
        );
      }
      return { path: await opts.chooseFolder(title) };
    },
    'companies.fieldValues': fieldValuesHandler(ctx),
    'mapping.preview': async ({ companyId, mapping }) => previewMapping(ctx, companyId, mapping),
    'app.preferences.get': async () => preferences.get(),
    'app.preferences.set': async ({ patch }) => {
      if (patch.startAtLogin !== undefined && !opts.loginItem) {
        throw new AppError(
          'VALIDATION',
          'Starting at login is a setting of the desktop app; browser mode and the command line cannot change it.',
        );
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
    // No backup is taken while a company is removed: one begun before would hold it after the purge.
    'companies.remove': (i) => backups.hold(() => base['companies.remove'](i)),
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

  return {
    db,
    damage,
    checkpointer,
    ctx,
    engine,
    scheduler,
    preferences,
    reports: createReports(db),
    handlers,
    backups,
    async close(abandon) {
      await backups.stop();
      await scheduler.stop(abandon);
      // The worker's connection goes first, so closing the core's (the last) copies what is left into the file.
      await checkpointer.close();
      db.close();
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
    timer ??= setTimeout(
      () => {
        timer = null;
        last = Date.now();
        if (pending) fn(pending.v);
        pending = null;
      },
      ms - (now - last),
    );
  };
}
