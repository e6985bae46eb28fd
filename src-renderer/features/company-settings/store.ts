import { create } from 'zustand';
import type { CompanyDetail, CompanySettings } from '../../../src-main/contract/companies';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import { api } from '../../lib/bridge';
import { savedOutcome, settingsPatch } from './logic';

type SettingsState = {
  companyId: string | null;
  detail: CompanyDetail | null;
  draft: CompanySettings | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorShape | null;
  saving: boolean;
  saveResult: { tone: 'success' | 'error'; text: string } | null;
  load: (companyId: string) => Promise<void>;
  edit: (patch: Partial<CompanySettings>) => void;
  setDefault: (field: string, value: string) => void;
  save: () => Promise<void>;
  discard: () => void;
};

export const useSettings = create<SettingsState>()((set, get) => ({
  companyId: null,
  detail: null,
  draft: null,
  status: 'idle',
  error: null,
  saving: false,
  saveResult: null,
  load: async (companyId) => {
    if (get().companyId !== companyId)
      set({ companyId, detail: null, draft: null, status: 'loading', error: null, saveResult: null });
    const res = await api['companies.get']({ companyId });
    if (get().companyId !== companyId) return;
    if (res.ok) set({ detail: res.value, draft: res.value.settings, status: 'ready', error: null });
    else set({ status: 'error', error: res.error });
  },
  edit: (patch) => set((s) => (s.draft ? { draft: { ...s.draft, ...patch }, saveResult: null } : s)),
  setDefault: (field, value) =>
    set((s) => {
      if (!s.draft) return s;
      const defaults = { ...s.draft.defaults } as Record<string, string>;
      if (value === '') delete defaults[field];
      else defaults[field] = value;
      return { draft: { ...s.draft, defaults }, saveResult: null };
    }),
  save: async () => {
    const { companyId, detail, draft } = get();
    if (!companyId || !detail || !draft) return;
    const patch = settingsPatch(detail.settings, draft);
    if (Object.keys(patch).length === 0) {
      set({ saveResult: { tone: 'success', text: 'Nothing to save: no setting changed.' } });
      return;
    }
    set({ saving: true, saveResult: null });
    const res = await api['settings.set']({ companyId, patch });
    if (!res.ok) {
      set({ saving: false, saveResult: { tone: 'error', text: res.error.message } });
      return;
    }
    set({
      saving: false,
      detail: { ...detail, settings: res.value },
      draft: res.value,
      saveResult: { tone: 'success', text: savedOutcome(res.value.paused) },
    });
  },
  discard: () => set((s) => ({ draft: s.detail?.settings ?? null, saveResult: null })),
}));
