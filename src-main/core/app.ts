import { join } from 'node:path';
import type { CommandName, CommandOutputs, EventName, PushEvents } from '../contract/index';
import { commands } from '../contract/index';
import type { BackupInfo, DatabaseStatus } from '../contract/database';
import type { Result } from '../contract/errors';
import { openAppDatabase, reopenReadOnly, type OpenedDatabase } from './db/open';
import { limitHeapGrowth } from './heap';
import { toErrorShape } from './errors';
import type { HttpOptions } from './hr/http';
import type { VendorOptions } from './hr/registry';
import type { SyncEngine } from './sync/engine';
import type { Scheduler } from './sync/scheduler';
import { stopDemoHr } from './demo/demo-hr';
import { systemClock, silentLogger, type Clock, type Logger, type SecretStore } from './ports';
import type { Reports } from './api/reports';
import type { createPreferences, LoginItemPort } from './api/preferences';
import { databaseStatus } from './api/database';
import { AppError } from './errors';
import { useNativeBinding } from './db/sqlite';
import { makeDataFolderPrivate } from './private-files';
import { newestGoodBackup } from './db/backups';
import { damagedMessage } from './db/messages';
import { restoreBackup, restoredMessage, setAsideDirFor } from './db/restore';
import { assemble, type Live } from './live';

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
  /** Start the hourly scheduler and the daily backup (the desktop app and browser mode do; the CLI does not). */
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
  /** Healthy, or damaged and opened read-only (then every command that writes is refused). */
  readonly database: DatabaseStatus['state'];
  /** Writes the daily backup now if one is due (the CLI's sync does; the desktop app and browser mode check hourly). */
  backupIfDue(): Promise<BackupInfo | null>;
  /** Checks for a due daily backup now and every hour after (the CLI's `run`; `schedule` does it too). */
  startBackups(): void;
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

/** What a damaged database still answers: its status, backups and restore, and (if readable) what it holds. */
const ALWAYS: ReadonlySet<CommandName> = new Set([
  'app.info',
  'app.database.status',
  'app.database.restore',
  'app.backups.list',
]);
const READS: ReadonlySet<CommandName> = new Set([
  'app.preferences.get',
  'companies.list',
  'companies.get',
  'mapping.get',
  'filters.get',
  'settings.get',
  'sync.history',
  'sync.runProblemsCsv',
  'employees.list',
  'employees.get',
  'payslips.history',
]);

/**
 * The composition root of the core: the data folder made private, the database opened (opening can
 * refuse, throwing an AppError whose message every front end shows as it is), and the parts built on it
 * (live.ts), which are rebuilt read-only when the database is found damaged and afresh after a restore.
 */
export function createCore(opts: CoreOptions): Core {
  limitHeapGrowth();
  useNativeBinding(opts.nativeBinding);
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  makeDataFolderPrivate(opts.dataDir, { logger });
  const dbFile = join(opts.dataDir, 'bureau-sync.sqlite');
  const backupsDir = join(opts.dataDir, 'backups');
  const listeners = new Set<Listener>();
  const emit = <E extends EventName>(event: E, payload: PushEvents[E]) => {
    for (const l of listeners) l(event, payload);
  };
  const open = (): OpenedDatabase =>
    openAppDatabase(dbFile, { nativeBinding: opts.nativeBinding, now: () => clock.now() });
  const build = (opened: OpenedDatabase): Live =>
    assemble(opened, {
      opts,
      clock,
      logger,
      emit,
      dbFile,
      backupsDir,
      version: opts.version ?? '0.1.0',
      onDamaged: (p) => void markDamaged(p),
    });

  let live = build(open());
  if (live.damage) logger.error('the database failed its check: opened read-only', { problems: live.damage.problems });
  let backupsOn = opts.schedule === true;
  const startLive = () => {
    if (live.damage) return;
    if (opts.schedule) live.scheduler.start();
    if (backupsOn) live.backups.start();
  };
  const status = () => databaseStatus(dbFile, backupsDir, live.damage);

  // One switch at a time (a damaged run found, a restore): each waits for the last.
  let switching: Promise<unknown> = Promise.resolve();
  const swap = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = switching.then(fn, fn);
    switching = next.catch(() => undefined);
    return next;
  };

  /** A run or a backup met a damaged page: stop writing, reopen read-only, tell the window. */
  function markDamaged(problem: string): Promise<void> {
    return swap(async () => {
      if (live.damage) return;
      logger.error('the database was found damaged while in use: reopening it read-only', { problem });
      await live.close(
        new AppError('CANCELLED', 'Stopped: the database was found damaged, so nothing from this sync was saved.'),
      );
      live = build({
        db: reopenReadOnly(dbFile, { nativeBinding: opts.nativeBinding }),
        damage: { problems: [problem], message: damagedMessage(dbFile, problem, newestGoodBackup(backupsDir)) },
      });
      emit('database.changed', status());
      emit('companies.changed', {});
    });
  }

  const restore = (file: string) =>
    swap(async () => {
      if (!live.damage) {
        throw new AppError(
          'VALIDATION',
          'The database is not damaged, so Bureau Sync does not restore a backup over it from here. To go back to a backup anyway, quit Bureau Sync and run `doctor --restore BACKUP` on the command line. Nothing was changed.',
        );
      }
      await live.close();
      let outcome;
      try {
        outcome = restoreBackup({
          dbFile,
          backupsDir,
          setAsideDir: setAsideDirFor(opts.dataDir),
          backup: file,
          now: clock.now(),
        });
      } catch (err) {
        // The damaged file is still in place: back to it, read-only, as before.
        live = build({ db: reopenReadOnly(dbFile, { nativeBinding: opts.nativeBinding }), damage: live.damage });
        throw err;
      }
      logger.info('a backup was restored', { file: outcome.restored.file, setAside: outcome.setAside });
      try {
        live = build(open());
      } catch (err) {
        // Checked whole before it was put in place, the backup should open; if it does not, say why and answer nothing.
        const message = toErrorShape(err).message;
        live = build({ db: null, damage: { problems: [message], message } });
        emit('database.changed', status());
        throw err;
      }
      startLive();
      emit('database.changed', status());
      emit('companies.changed', {});
      return { ...outcome, message: restoredMessage(outcome, dbFile) };
    });

  startLive();
  let closing: Promise<void> | null = null;

  return {
    dbFile,
    get database() {
      return live.damage ? 'damaged' : 'ok';
    },
    get scheduler() {
      return live.scheduler;
    },
    get engine() {
      return live.engine;
    },
    get reports() {
      return live.reports;
    },
    get preferences() {
      return live.preferences;
    },
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
        return {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: `${where}${first?.message ?? 'invalid input'}`,
            details: { issues: parsed.error.issues },
          },
        };
      }
      const damage = live.damage;
      if (damage && !ALWAYS.has(name) && !(damage.readable && READS.has(name))) {
        return { ok: false, error: { code: 'DB_DAMAGED', message: damage.message } };
      }
      try {
        if (name === 'app.database.restore')
          return {
            ok: true,
            value: (await restore((parsed.data as { file: string }).file)) as CommandOutputs[typeof name],
          };
        const handler = live.handlers[name as Exclude<CommandName, 'app.database.restore'>] as (
          i: unknown,
        ) => Promise<CommandOutputs[typeof name]>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        const error = toErrorShape(err);
        if (error.code === 'INTERNAL')
          logger.error('command failed', { name, message: err instanceof Error ? err.message : String(err) });
        // SQLite itself met a damaged page (not one of the app's own refusals): stop writing to the file.
        if (error.code === 'DB_DAMAGED' && !(err instanceof AppError) && !live.damage)
          void markDamaged(err instanceof Error ? err.message : String(err));
        return { ok: false, error };
      }
    },
    backupIfDue: () => (live.damage ? Promise.resolve(null) : live.backups.runIfDue()),
    startBackups() {
      backupsOn = true;
      if (!live.damage) live.backups.start();
    },
    async checkpoint() {
      await live.checkpointer.checkpoint();
    },
    close(o = {}) {
      // Once: a second close (a signal handler and a finally block) waits for the first.
      closing ??= (async () => {
        await switching;
        await live.close(o.abandonSyncs ? new AppError('CANCELLED', SHUTDOWN_MESSAGE) : undefined);
        await stopDemoHr();
      })();
      return closing;
    },
  };
}
