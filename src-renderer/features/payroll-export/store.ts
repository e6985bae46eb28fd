import { create } from 'zustand';
import type {
  ChangesCount,
  ChangesPack,
  ExportPreview,
  ExportRecord,
  PayrollTarget,
} from '../../../src-main/contract/exports';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import { api } from '../../lib/bridge';
import { downloadBase64 } from '../../lib/download';

type Notice = { tone: 'success' | 'error'; title: string; text?: string };

type ExportState = {
  companyId: string | null;
  /** The export screen is open over the Employees tab. */
  open: boolean;
  target: PayrollTarget | null;
  loaded: boolean;
  editing: boolean;
  preview: ExportPreview | null;
  changesPreview: ExportPreview | null;
  pack: ChangesPack | null;
  history: ExportRecord[];
  historyLoaded: boolean;
  busy: 'full' | 'changes' | 'save' | 'pdf' | 'csv' | null;
  error: AppErrorShape | null;
  notice: Notice | null;
  show: (companyId: string) => Promise<void>;
  close: () => void;
  edit: (editing: boolean) => void;
  saveTarget: (target: PayrollTarget) => Promise<boolean>;
  refresh: () => Promise<void>;
  exportFile: (changesOnly: boolean) => Promise<void>;
  loadHistory: (companyId: string) => Promise<void>;
  pendingReport: (companyId: string, format: 'pdf' | 'csv') => Promise<void>;
  dismiss: () => void;
};

export const useExport = create<ExportState>()((set, get) => ({
  companyId: null,
  open: false,
  target: null,
  loaded: false,
  editing: false,
  preview: null,
  changesPreview: null,
  pack: null,
  history: [],
  historyLoaded: false,
  busy: null,
  error: null,
  notice: null,
  show: async (companyId) => {
    set({
      companyId,
      open: true,
      loaded: false,
      preview: null,
      changesPreview: null,
      pack: null,
      error: null,
      notice: null,
      editing: false,
    });
    const res = await api['exports.target.get']({ companyId });
    if (get().companyId !== companyId) return;
    if (!res.ok) return set({ loaded: true, error: res.error });
    set({ target: res.value, loaded: true, editing: res.value === null });
    if (res.value) await get().refresh();
  },
  close: () => set({ open: false, notice: null, error: null }),
  edit: (editing) => set({ editing }),
  saveTarget: async (target) => {
    const { companyId } = get();
    if (!companyId) return false;
    set({ busy: 'save', error: null });
    const res = await api['exports.target.set']({ companyId, target });
    set({ busy: null });
    if (!res.ok) {
      set({ error: res.error });
      return false;
    }
    set({ target: res.value, editing: false });
    await get().refresh();
    return true;
  },
  refresh: async () => {
    const { companyId } = get();
    if (!companyId) return;
    const [full, changes, pack] = await Promise.all([
      api['exports.preview']({ companyId, changesOnly: false }),
      api['exports.preview']({ companyId, changesOnly: true }),
      api['exports.changes']({ companyId }),
    ]);
    if (get().companyId !== companyId) return;
    const failed = [full, changes, pack].find((r) => !r.ok);
    set({
      preview: full.ok ? full.value : null,
      changesPreview: changes.ok ? changes.value : null,
      pack: pack.ok ? pack.value : null,
      error: failed && !failed.ok ? failed.error : null,
    });
  },
  exportFile: async (changesOnly) => {
    const { companyId } = get();
    if (!companyId) return;
    set({ busy: changesOnly ? 'changes' : 'full', notice: null, error: null });
    const res = await api['exports.create']({ companyId, changesOnly });
    set({ busy: null });
    if (!res.ok) return set({ notice: { tone: 'error', title: 'Nothing was exported', text: res.error.message } });
    const { record, data, mimeType, preview } = res.value;
    downloadBase64(record.filename, data, mimeType);
    set({
      notice: {
        tone: 'success',
        title: preview.nothingChanged
          ? 'Nothing has changed since the last export'
          : `Exported ${record.employees} ${record.employees === 1 ? 'employee' : 'employees'} to ${record.filename}`,
        text: `${preview.leftOut.length ? `${preview.leftOut.length} left out (listed below). ` : ''}SHA-256 ${record.sha256}. Recorded in the Exports tab.`,
      },
    });
    await Promise.all([get().refresh(), get().loadHistory(companyId)]);
    void useChangesCounts.getState().load();
  },
  loadHistory: async (companyId) => {
    const res = await api['exports.history']({ companyId });
    if (res.ok) set({ history: res.value, historyLoaded: true });
    else set({ error: res.error, historyLoaded: true });
  },
  pendingReport: async (companyId, format) => {
    set({ busy: format, notice: null });
    const res = await api['reports.pending']({ companyId, format });
    set({ busy: null });
    if (!res.ok)
      return set({ notice: { tone: 'error', title: 'The Pending report was not made', text: res.error.message } });
    downloadBase64(res.value.filename, res.value.data, res.value.mimeType);
    set({
      notice: {
        tone: 'success',
        title: `Saved ${res.value.filename}`,
        text: `${res.value.pending} Pending ${res.value.pending === 1 ? 'employee' : 'employees'}, ready to email to the client's HR contact.`,
      },
    });
  },
  dismiss: () => set({ notice: null }),
}));

/** Per company, how many employees await the next pay run (the home page's column). */
export const useChangesCounts = create<{ byCompany: Record<string, ChangesCount>; load: () => Promise<void> }>()(
  (set) => ({
    byCompany: {},
    load: async () => {
      const res = await api['exports.changesCounts']({});
      if (res.ok) set({ byCompany: Object.fromEntries(res.value.map((c) => [c.companyId, c])) });
    },
  }),
);
