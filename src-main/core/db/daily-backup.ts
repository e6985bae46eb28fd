import type { BackupInfo } from '../../contract/database';
import type { Clock, Logger } from '../ports';
import { BackupCheckFailed, dailyBackupDue, pruneBackups, writeDailyBackup } from './backups';
import type { Db } from './open';

const HOUR_MS = 3_600_000;

export interface DailyBackupDeps {
  db: Db;
  dir: string;
  clock: Clock;
  logger: Logger;
  /** The Preferences setting: how many days of backups to keep. */
  keepDays(): number;
  /** A backup that fails SQLite's check means the database it was copied from is damaged. */
  onDamaged(problems: string[]): void;
}

/**
 * The once-a-day online backup: checked when the app starts and every hour after, written when the newest
 * daily backup is a day old, then old backups are pruned (backups.ts). A company's removal holds it off,
 * so no backup is half taken before the removal and renamed into place after the backups were purged.
 */
export class DailyBackups {
  #running: Promise<BackupInfo | null> | null = null;
  #holds = 0;
  #timer: unknown = null;
  #stopped = false;

  constructor(private readonly d: DailyBackupDeps) {}

  /** Writes today's backup if it is due; resolves with it, or null when none was due (or it failed, which is logged). */
  runIfDue(): Promise<BackupInfo | null> {
    if (this.#running) return this.#running;
    if (this.#holds > 0 || this.#stopped) return Promise.resolve(null);
    this.#running = this.#run().finally(() => (this.#running = null));
    return this.#running;
  }

  async #run(): Promise<BackupInfo | null> {
    const now = this.d.clock.now();
    if (!dailyBackupDue(this.d.dir, now)) return null;
    try {
      const made = await writeDailyBackup(this.d.db, this.d.dir, now);
      const pruned = pruneBackups(this.d.dir, this.d.keepDays(), this.d.clock.now());
      this.d.logger.info('daily backup written', { file: made.file, bytes: made.bytes, pruned });
      return made;
    } catch (err) {
      if (err instanceof BackupCheckFailed) {
        this.d.logger.error('daily backup failed its check: the database is damaged', { problems: err.problems });
        this.d.onDamaged(err.problems);
      } else {
        this.d.logger.warn('daily backup failed', { message: err instanceof Error ? err.message : String(err) });
      }
      return null;
    }
  }

  /** Checks now, then every hour, until stop(). */
  start(): void {
    const tick = () => {
      if (this.#stopped) return;
      void this.runIfDue();
      this.#timer = this.d.clock.setTimeout(tick, HOUR_MS);
    };
    tick();
  }

  /** Runs `fn` with no backup under way or starting (a removal, which then purges the backups). */
  async hold<T>(fn: () => Promise<T>): Promise<T> {
    this.#holds += 1;
    try {
      await this.#running;
      return await fn();
    } finally {
      this.#holds -= 1;
    }
  }

  /** No more backups; waits for one under way (the database must not close under it). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) this.d.clock.clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
