import { BACKUP_DAYS } from '../../contract/database';
import type { AppPreferences } from '../../contract/index';
import type { Db } from '../db/open';

/** Where "start at login" really lives: the OS (login items), so only the desktop shell can supply it. */
export interface LoginItemPort {
  get(): boolean;
  set(open: boolean): void;
}

const DEFAULTS = { notifyOnFailure: true, notifyOnPending: false };

/** App-wide preferences the core needs too (notifications), kept in the database's app_settings table. */
export function createPreferences(db: Db, loginItem: LoginItemPort | null) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const flag = (key: keyof typeof DEFAULTS): boolean => {
    const r = read.get(`pref.${key}`);
    return r ? r.value === 'true' : DEFAULTS[key];
  };
  const days = (): number => {
    const n = Number(read.get('pref.backupDays')?.value);
    return Number.isInteger(n) && n >= BACKUP_DAYS.min && n <= BACKUP_DAYS.max ? n : BACKUP_DAYS.default;
  };
  const get = (): AppPreferences => ({
    startAtLogin: loginItem ? loginItem.get() : null,
    notifyOnFailure: flag('notifyOnFailure'),
    notifyOnPending: flag('notifyOnPending'),
    backupDays: days(),
  });
  return {
    get,
    backupDays: days,
    set(patch: Partial<AppPreferences>): AppPreferences {
      if (patch.startAtLogin !== undefined && patch.startAtLogin !== null && loginItem)
        loginItem.set(patch.startAtLogin);
      for (const key of ['notifyOnFailure', 'notifyOnPending'] as const) {
        const v = patch[key];
        if (v !== undefined) write.run(`pref.${key}`, String(v));
      }
      if (patch.backupDays !== undefined) write.run('pref.backupDays', String(patch.backupDays));
      return get();
    },
  };
}
