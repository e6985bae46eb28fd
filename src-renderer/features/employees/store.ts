import { create } from 'zustand';
import { STATUS_FILTERS, type EmployeeRow, type StatusFilter } from '../../../src-main/contract/employees';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import { api } from '../../lib/bridge';
import { formatDateTimeSeconds } from '../../lib/format';
import { bumpNow } from '../../lib/useNow';
import { PAGE_SIZE, evictPages, pagesForRange } from './logic';

type Page = { gen: number; rows: EmployeeRow[] };
export type RowNotice = { tone: 'success' | 'error'; title: string; text?: string };

type EmployeesState = {
  companyId: string | null;
  /** What the search box shows; `search` is the applied (debounced) query. */
  searchText: string;
  search: string;
  status: StatusFilter;
  /** Bumped when the query changes or the data does; pages from an older generation are stale. */
  gen: number;
  total: number | null;
  pages: Record<number, Page>;
  inFlight: Record<number, number>;
  counts: Partial<Record<StatusFilter, number>>;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorShape | null;
  range: [number, number];
  scrollTop: number;
  syncing: Record<number, boolean>;
  notice: RowNotice | null;
  open: (companyId: string) => void;
  setSearchText: (text: string) => void;
  setStatus: (status: StatusFilter) => void;
  ensureRange: (start: number, end: number) => void;
  refresh: () => void;
  loadCounts: () => Promise<void>;
  syncEmployee: (row: EmployeeRow) => Promise<void>;
  dismissNotice: () => void;
  setScrollTop: (top: number) => void;
  reset: () => void;
};

const initial = {
  companyId: null,
  searchText: '',
  search: '',
  status: 'all' as StatusFilter,
  gen: 0,
  total: null,
  pages: {},
  inFlight: {},
  counts: {},
  loadState: 'idle' as const,
  error: null,
  range: [0, 40] as [number, number],
  scrollTop: 0,
  syncing: {},
  notice: null,
};

let searchTimer: ReturnType<typeof setTimeout> | null = null;

export const useEmployees = create<EmployeesState>()((set, get) => {
  /** A new query: forget every row, start from the top. */
  const requery = (patch: Partial<EmployeesState>) => {
    set((s) => ({
      ...patch,
      gen: s.gen + 1,
      pages: {},
      inFlight: {},
      total: null,
      loadState: 'loading',
      error: null,
      range: [0, 40],
      scrollTop: 0,
    }));
    get().ensureRange(0, 40);
    void get().loadCounts();
  };

  const loadPage = async (page: number) => {
    const { companyId, search, status, gen } = get();
    if (!companyId) return;
    set((s) => ({ inFlight: { ...s.inFlight, [page]: gen } }));
    const res = await api['employees.list']({ companyId, search, status, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (get().gen !== gen || get().companyId !== companyId) return; // the query moved on
    set((s) => {
      const inFlight = { ...s.inFlight };
      delete inFlight[page];
      if (!res.ok) return { inFlight, loadState: 'error', error: res.error };
      const pages = evictPages({ ...s.pages, [page]: { gen, rows: res.value.rows } }, page);
      return { inFlight, pages, total: res.value.total, loadState: 'ready', error: null };
    });
  };

  return {
    ...initial,
    open: (companyId) => {
      if (get().companyId === companyId && get().loadState !== 'error') {
        get().refresh();
        return;
      }
      requery({ ...initial, companyId });
    },
    setSearchText: (text) => {
      set({ searchText: text });
      if (searchTimer) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        if (get().search !== text.trim()) requery({ search: text.trim() });
      }, 250);
    },
    setStatus: (status) => {
      if (status !== get().status) requery({ status });
    },
    ensureRange: (start, end) => {
      set({ range: [start, end] });
      const { pages, inFlight, gen, total } = get();
      const last = total === null ? end : Math.min(end, total - 1);
      for (const p of pagesForRange(start, Math.max(start, last))) {
        if (pages[p]?.gen === gen || inFlight[p] === gen) continue;
        void loadPage(p);
      }
    },
    refresh: () => {
      // Keep showing the old rows until fresh ones arrive, so a background sync never blanks the list.
      set((s) => ({ gen: s.gen + 1, inFlight: {} }));
      const [start, end] = get().range;
      get().ensureRange(start, end);
      void get().loadCounts();
    },
    loadCounts: async () => {
      const { companyId, search } = get();
      if (!companyId) return;
      const results = await Promise.all(
        STATUS_FILTERS.map((status) => api['employees.list']({ companyId, search, status, offset: 0, limit: 1 })),
      );
      if (get().companyId !== companyId || get().search !== search) return;
      const counts: Partial<Record<StatusFilter, number>> = {};
      results.forEach((r, i) => {
        const key = STATUS_FILTERS[i];
        if (r.ok && key) counts[key] = r.value.total;
      });
      set({ counts });
    },
    syncEmployee: async (row) => {
      const { companyId } = get();
      if (!companyId) return;
      set((s) => ({ syncing: { ...s.syncing, [row.id]: true }, notice: null }));
      const res = await api['sync.employee']({ companyId, employeeId: row.id });
      set((s) => ({ syncing: { ...s.syncing, [row.id]: false } }));
      if (!res.ok) {
        set({ notice: { tone: 'error', title: `${row.name} was not synced`, text: res.error.message } });
      } else if (res.value.status === 'failed') {
        set({
          notice: {
            tone: 'error',
            title: `${row.name} was not synced`,
            text: res.value.error?.message ?? 'No reason was given.',
          },
        });
      } else if (res.value.status === 'skipped' || res.value.status === 'cancelled') {
        set({
          notice: {
            tone: 'error',
            title: `${row.name} was not synced`,
            text: res.value.note ?? 'The sync was stopped.',
          },
        });
      } else {
        const at = res.value.finishedAt ?? new Date().toISOString();
        set({
          notice: {
            tone: 'success',
            title: `${row.name} synced`,
            text: `Fresh from the HR system at ${formatDateTimeSeconds(at)}.`,
          },
        });
      }
      bumpNow();
      get().refresh();
    },
    dismissNotice: () => set({ notice: null }),
    setScrollTop: (top) => set({ scrollTop: top }),
    reset: () => set(initial),
  };
});

/** The row at an index, if its page is loaded (possibly stale while a refresh is in flight). */
export function rowAt(pages: Record<number, Page>, index: number): EmployeeRow | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.rows[index % PAGE_SIZE];
}
