import { create } from 'zustand';
import type { BackupList, DatabaseStatus } from '../../../src-main/contract/database';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import { api } from '../../lib/bridge';

type DatabaseState = {
  status: DatabaseStatus | null;
  backups: BackupList | null;
  backupsError: AppErrorShape | null;
  restoring: boolean;
  /** What the last restore did, or why it failed. */
  result: { tone: 'success' | 'error'; text: string } | null;
  load: () => Promise<void>;
  loadBackups: () => Promise<void>;
  /** The core found the database damaged, or a restore finished (the 'database.changed' push). */
  onChanged: (status: DatabaseStatus) => void;
  restore: (file: string) => Promise<void>;
};

/** The database file's health and its backups: the damaged notice and the Preferences list read this. */
export const useDatabase = create<DatabaseState>()((set, get) => ({
  status: null,
  backups: null,
  backupsError: null,
  restoring: false,
  result: null,
  load: async () => {
    const res = await api['app.database.status']({});
    if (res.ok) set({ status: res.value });
  },
  loadBackups: async () => {
    const res = await api['app.backups.list']({});
    if (res.ok) set({ backups: res.value, backupsError: null });
    else set({ backupsError: res.error });
  },
  onChanged: (status) => {
    set({ status });
    if (get().backups) void get().loadBackups();
  },
  restore: async (file) => {
    set({ restoring: true, result: null });
    const res = await api['app.database.restore']({ file });
    if (res.ok) set({ restoring: false, result: { tone: 'success', text: res.value.message } });
    else set({ restoring: false, result: { tone: 'error', text: res.error.message } });
    await get().load();
  },
}));
