import { create } from 'zustand';
import type { CompanySummary } from '../../../src-main/contract/companies';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import { api } from '../../lib/bridge';
import { bumpNow } from '../../lib/useNow';
import { useSync } from '../sync/store';
import { goHome } from '../../app/navStore';
import { pauseAllMessage, removalNotice, syncAllMessage } from './logic';

export type Notice = { tone: 'success' | 'error' | 'info'; title: string; text?: string };

type CompaniesState = {
  companies: CompanySummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorShape | null;
  /** The demo is being added and its first sync run ("Try the demo company"). */
  demoStarting: boolean;
  /** Company ids with a sync the user just asked for, before the core reports it running. */
  requested: Record<string, boolean>;
  syncingAll: boolean;
  /** "Pause all" or "Resume all" is being saved. */
  pausing: 'pause' | 'resume' | null;
  notice: Notice | null;
  load: () => Promise<void>;
  addDemo: () => Promise<void>;
  syncAll: () => Promise<void>;
  syncCompany: (companyId: string) => Promise<void>;
  pauseAll: (paused: boolean) => Promise<void>;
  /** Removes the company (the core checks the typed name); on success goes home and says what went. */
  removeCompany: (
    companyId: string,
    confirmName: string,
    keepBackups?: boolean,
  ) => Promise<{ ok: true } | { ok: false; message: string }>;
  dismissNotice: () => void;
  reset: () => void;
};

const initial = {
  companies: [],
  status: 'idle' as const,
  error: null,
  demoStarting: false,
  requested: {},
  syncingAll: false,
  pausing: null,
  notice: null,
};

export const useCompanies = create<CompaniesState>()((set, get) => ({
  ...initial,
  load: async () => {
    if (get().status !== 'ready') set({ status: 'loading' });
    const res = await api['companies.list']({});
    if (res.ok) {
      set({ companies: res.value, status: 'ready', error: null });
      useSync.getState().prune(res.value.filter((c) => c.running).map((c) => c.id));
      bumpNow();
    } else set({ status: 'error', error: res.error });
  },
  addDemo: async () => {
    set({ demoStarting: true, notice: null });
    const added = await api['companies.addDemo']({});
    if (!added.ok) {
      set({
        demoStarting: false,
        notice: { tone: 'error', title: 'Could not add the demo company', text: added.error.message },
      });
      return;
    }
    const companyId = added.value.id;
    set((s) => ({ requested: { ...s.requested, [companyId]: true } }));
    await get().load();
    // The demo has no wizard: reviewing it runs the first sync straight away.
    const run = await api['companies.review']({ companyId });
    set((s) => ({ demoStarting: false, requested: { ...s.requested, [companyId]: false } }));
    await get().load();
    if (!run.ok) {
      set({ notice: { tone: 'error', title: 'The demo company’s first sync failed', text: run.error.message } });
    } else if (run.value.status === 'failed') {
      set({
        notice: {
          tone: 'error',
          title: 'The demo company’s first sync failed',
          text: run.value.error?.message ?? 'No reason was given.',
        },
      });
    } else {
      set({
        notice: {
          tone: 'success',
          title: 'Demo company added',
          text: 'Its first sync has finished. Open it to see its employees.',
        },
      });
    }
  },
  syncAll: async () => {
    set({ syncingAll: true, notice: null });
    const res = await api['sync.all']({});
    set({ syncingAll: false });
    await get().load();
    if (!res.ok) set({ notice: { tone: 'error', title: 'Sync all did not run', text: res.error.message } });
    else set({ notice: syncAllMessage(res.value, get().companies) });
  },
  removeCompany: async (companyId, confirmName, keepBackups = false) => {
    const res = await api['companies.remove']({ companyId, confirmName, keepBackups });
    if (!res.ok) return { ok: false, message: res.error.message };
    goHome();
    await get().load();
    set({ notice: removalNotice(res.value) });
    return { ok: true };
  },
  syncCompany: async (companyId) => {
    set((s) => ({ requested: { ...s.requested, [companyId]: true }, notice: null }));
    const res = await api['sync.company']({ companyId });
    set((s) => ({ requested: { ...s.requested, [companyId]: false } }));
    await get().load();
    const name = get().companies.find((c) => c.id === companyId)?.name ?? 'The company';
    if (!res.ok) set({ notice: { tone: 'error', title: `${name} did not sync`, text: res.error.message } });
    // A failed run is shown once, by the company's own "last sync failed" banner (which stays until a sync succeeds).
    else if (res.value.status === 'failed') set({ notice: null });
    else if (res.value.status === 'skipped') {
      const paused = get().companies.find((c) => c.id === companyId)?.paused;
      const how = paused
        ? ' To sync it, resume it (“Resume all”, or untick “Pause scheduled syncs” in its Settings).'
        : '';
      set({
        notice: {
          tone: 'info',
          title: `${name} was not synced`,
          text: `${res.value.note ?? 'The sync was skipped.'}${how}`,
        },
      });
    } else set({ notice: { tone: 'success', title: `${name} synced` } });
  },
  pauseAll: async (paused) => {
    set({ pausing: paused ? 'pause' : 'resume', notice: null });
    const res = await api['companies.pauseAll']({ paused });
    set({ pausing: null });
    await get().load();
    if (!res.ok)
      set({
        notice: {
          tone: 'error',
          title: paused ? 'Companies were not paused' : 'Companies were not resumed',
          text: res.error.message,
        },
      });
    else set({ notice: pauseAllMessage(paused, res.value.changed) });
  },
  dismissNotice: () => set({ notice: null }),
  reset: () => set(initial),
}));
