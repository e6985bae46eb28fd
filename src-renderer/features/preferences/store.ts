import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import type { AppPreferences } from '../../../src-main/contract/index';
import { api } from '../../lib/bridge';

export type PreferenceKey = 'startAtLogin' | 'notifyOnFailure' | 'notifyOnPending';

type PreferencesState = {
  prefs: AppPreferences | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorShape | null;
  /** The setting being saved, so only it shows as busy. */
  saving: keyof AppPreferences | null;
  result: { tone: 'success' | 'error'; text: string } | null;
  load: () => Promise<void>;
  set: (key: PreferenceKey, value: boolean) => Promise<void>;
  setBackupDays: (days: number) => Promise<void>;
};

const SAVED_TEXT: Record<PreferenceKey, (on: boolean) => string> = {
  startAtLogin: (on) =>
    on ? 'Bureau Sync will start when you log in.' : 'Bureau Sync will no longer start when you log in.',
  notifyOnFailure: (on) => (on ? 'You will be told when a sync fails.' : 'Failed syncs will no longer notify you.'),
  notifyOnPending: (on) =>
    on ? 'You will be told when employees become Pending.' : 'New Pending employees will no longer notify you.',
};

/** App-wide preferences: each box saves as soon as it changes (there is no Save button to forget). */
export const usePreferences = create<PreferencesState>()((set, get) => ({
  prefs: null,
  status: 'idle',
  error: null,
  saving: null,
  result: null,
  load: async () => {
    if (!get().prefs) set({ status: 'loading' });
    const res = await api['app.preferences.get']({});
    if (res.ok) set({ prefs: res.value, status: 'ready', error: null });
    else set({ status: 'error', error: res.error });
  },
  set: async (key, value) => {
    const before = get().prefs;
    // Show the tick at once; put it back if the core refuses.
    set({ saving: key, result: null, prefs: before ? { ...before, [key]: value } : before });
    const res = await api['app.preferences.set']({ patch: { [key]: value } });
    if (res.ok) set({ prefs: res.value, saving: null, result: { tone: 'success', text: SAVED_TEXT[key](value) } });
    else set({ prefs: before, saving: null, result: { tone: 'error', text: res.error.message } });
  },
  setBackupDays: async (days) => {
    set({ saving: 'backupDays', result: null });
    const res = await api['app.preferences.set']({ patch: { backupDays: days } });
    if (res.ok) {
      set({
        prefs: res.value,
        saving: null,
        result: {
          tone: 'success',
          text: `Backups are kept for ${res.value.backupDays} ${res.value.backupDays === 1 ? 'day' : 'days'}; older ones are deleted after the next daily backup.`,
        },
      });
    } else set({ saving: null, result: { tone: 'error', text: res.error.message } });
  },
}));
