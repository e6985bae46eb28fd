import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import type { RunSummary } from '../../../src-main/contract/sync';
import { api } from '../../lib/bridge';
import { downloadText } from '../../lib/download';

type HistoryState = {
  companyId: string | null;
  runs: RunSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorShape | null;
  downloading: Record<string, boolean>;
  downloadError: string | null;
  load: (companyId: string) => Promise<void>;
  reloadIf: (companyId: string) => void;
  downloadProblems: (runId: string) => Promise<void>;
  dismissDownloadError: () => void;
  reset: () => void;
};

export const useHistory = create<HistoryState>()((set, get) => ({
  companyId: null,
  runs: [],
  status: 'idle',
  error: null,
  downloading: {},
  downloadError: null,
  load: async (companyId) => {
    if (get().companyId !== companyId)
      set({ companyId, runs: [], status: 'loading', error: null, downloadError: null });
    const res = await api['sync.history']({ companyId, limit: 100 });
    if (get().companyId !== companyId) return;
    if (res.ok) set({ runs: res.value, status: 'ready', error: null });
    else set({ status: 'error', error: res.error });
  },
  reloadIf: (companyId) => {
    if (get().companyId === companyId) void get().load(companyId);
  },
  downloadProblems: async (runId) => {
    set((s) => ({ downloading: { ...s.downloading, [runId]: true }, downloadError: null }));
    const res = await api['sync.runProblemsCsv']({ runId });
    set((s) => ({ downloading: { ...s.downloading, [runId]: false } }));
    if (res.ok) downloadText(res.value.filename, res.value.csv);
    else set({ downloadError: res.error.message });
  },
  dismissDownloadError: () => set({ downloadError: null }),
  reset: () => set({ companyId: null, runs: [], status: 'idle', error: null, downloading: {}, downloadError: null }),
}));
