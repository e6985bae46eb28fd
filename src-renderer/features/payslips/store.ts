import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import type {
  PayslipCategories,
  PayslipDelivery,
  PayslipMatchReport,
  PayslipProgress,
  PayslipSendResult,
} from '../../../src-main/contract/payslips';
import { api } from '../../lib/bridge';
import { bumpNow } from '../../lib/useNow';
import { todayIso } from './logic';

type Load<T> = { status: 'idle' | 'loading' | 'ready' | 'error'; value: T | null; error: AppErrorShape | null };
const idle = { status: 'idle' as const, value: null, error: null };

type PayslipsState = {
  companyId: string | null;
  payDate: string;
  dir: string;
  categoryId: string;
  overrides: Record<string, number | null>;
  categories: Load<PayslipCategories>;
  match: Load<PayslipMatchReport>;
  send: Load<PayslipSendResult>;
  history: Load<PayslipDelivery[]>;
  progress: PayslipProgress | null;
  open: (companyId: string) => void;
  setField: (patch: Partial<Pick<PayslipsState, 'payDate' | 'dir' | 'categoryId'>>) => void;
  enableSending: () => Promise<void>;
  runMatch: () => Promise<void>;
  assign: (file: string, employeeId: number | null) => Promise<void>;
  sendAll: () => Promise<void>;
  retryFailed: () => Promise<void>;
  loadHistory: () => Promise<void>;
  onProgress: (p: PayslipProgress) => void;
};

/** Payslips to the HR system: pay date + folder → matches → send → a result per file, and the delivery history. */
export const usePayslips = create<PayslipsState>()((set, get) => {
  const input = () => {
    const { companyId, payDate, dir, overrides } = get();
    return { companyId: companyId ?? '', payDate, dir: dir.trim(), overrides };
  };
  const loadCategories = async (companyId: string) => {
    set({ categories: { status: 'loading', value: null, error: null } });
    const res = await api['payslips.categories']({ companyId });
    if (get().companyId !== companyId) return;
    if (!res.ok) return set({ categories: { status: 'error', value: null, error: res.error } });
    set((s) => ({
      categories: { status: 'ready', value: res.value, error: null },
      categoryId: s.categoryId || res.value.suggestedId || '',
    }));
  };
  const finishSend = (res: Awaited<ReturnType<(typeof api)['payslips.send']>>) => {
    set({
      progress: null,
      send: res.ok
        ? { status: 'ready', value: res.value, error: null }
        : { status: 'error', value: null, error: res.error },
    });
    void get().loadHistory();
    if (res.ok && get().match.value) void get().runMatch();
  };
  return {
    companyId: null,
    payDate: todayIso(),
    dir: '',
    categoryId: '',
    overrides: {},
    categories: idle,
    match: idle,
    send: idle,
    history: idle,
    progress: null,
    open: (companyId) => {
      if (get().companyId !== companyId) {
        set({
          companyId,
          dir: '',
          categoryId: '',
          overrides: {},
          categories: idle,
          match: idle,
          send: idle,
          history: idle,
          progress: null,
        });
      }
      void loadCategories(companyId);
      void get().loadHistory();
    },
    // A different folder or date is a different pay run: earlier matches and choices no longer apply.
    setField: (patch) =>
      set((s) => ({
        ...patch,
        ...('categoryId' in patch ? {} : { match: idle, send: idle, overrides: {} }),
        categoryId: patch.categoryId ?? s.categoryId,
      })),
    enableSending: async () => {
      const { companyId } = get();
      if (!companyId) return;
      const res = await api['settings.set']({ companyId, patch: { sendPayslipsViaHr: true } });
      if (!res.ok) return set({ categories: { status: 'error', value: null, error: res.error } });
      await loadCategories(companyId);
    },
    runMatch: async () => {
      set((s) => ({ match: { ...s.match, status: 'loading', error: null } }));
      const res = await api['payslips.match'](input());
      set({
        match: res.ok
          ? { status: 'ready', value: res.value, error: null }
          : { status: 'error', value: null, error: res.error },
      });
    },
    assign: async (file, employeeId) => {
      set((s) => ({ overrides: { ...s.overrides, [file]: employeeId } }));
      await get().runMatch();
    },
    sendAll: async () => {
      set({ send: { status: 'loading', value: null, error: null }, progress: null });
      finishSend(await api['payslips.send']({ ...input(), categoryId: get().categoryId || undefined }));
    },
    retryFailed: async () => {
      const { companyId, payDate } = get();
      if (!companyId) return;
      set({ send: { status: 'loading', value: null, error: null }, progress: null });
      finishSend(await api['payslips.retry']({ companyId, payDate }));
    },
    loadHistory: async () => {
      const { companyId } = get();
      if (!companyId) return;
      const res = await api['payslips.history']({ companyId, limit: 200 });
      if (get().companyId !== companyId) return;
      bumpNow();
      set({
        history: res.ok
          ? { status: 'ready', value: res.value, error: null }
          : { status: 'error', value: null, error: res.error },
      });
    },
    onProgress: (p) => {
      if (p.companyId === get().companyId && get().send.status === 'loading') set({ progress: p });
    },
  };
});
