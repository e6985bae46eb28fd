import { create } from 'zustand';
import type { RunSummary, SyncProgress } from '../../../src-main/contract/sync';

type SyncState = {
  /** Live progress of the run in flight, per company. */
  progress: Record<string, SyncProgress>;
  /** The last finished run per company, so screens can say how it went. */
  lastFinished: Record<string, RunSummary>;
  onProgress: (p: SyncProgress) => void;
  onFinished: (run: RunSummary) => void;
  /** Forgets progress of companies the core says are not running (events can arrive late). */
  prune: (runningCompanyIds: string[]) => void;
  reset: () => void;
};

export const useSync = create<SyncState>()((set) => ({
  progress: {},
  lastFinished: {},
  onProgress: (p) => set((s) => ({ progress: { ...s.progress, [p.companyId]: p } })),
  onFinished: (run) =>
    set((s) => {
      const progress = { ...s.progress };
      if (progress[run.companyId]?.runId === run.runId || run.employeeHrId === null) delete progress[run.companyId];
      return { progress, lastFinished: { ...s.lastFinished, [run.companyId]: run } };
    }),
  prune: (running) =>
    set((s) => {
      const keep = Object.entries(s.progress).filter(([id]) => running.includes(id));
      return keep.length === Object.keys(s.progress).length ? s : { progress: Object.fromEntries(keep) };
    }),
  reset: () => set({ progress: {}, lastFinished: {} }),
}));
