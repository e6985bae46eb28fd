import { create } from 'zustand';
import type { CompanySettings } from '../../../src-main/contract/companies';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import type { FieldValues, PreviewResult } from '../../../src-main/contract/index';
import type { Mapping } from '../../../src-main/contract/mapping';
import type { PayrollField } from '../../../src-main/contract/payroll';
import type { RunSummary } from '../../../src-main/contract/sync';
import { api } from '../../lib/bridge';
import { draftFromRule, patchDraft, ruleFromDraft, type RuleDraft } from './logic';

type Preview = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  result: PreviewResult | null;
  error: AppErrorShape | null;
};

/** The values each HR field holds (companies.fieldValues), read once per company for the filter builder. */
type FieldValuesState = {
  companyId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  value: FieldValues | null;
  error: AppErrorShape | null;
};

type Salaries = {
  canRead: boolean;
  reason: string | null;
  settings: CompanySettings;
  saving: boolean;
  error: AppErrorShape | null;
};

type SetupState = {
  rules: RuleDraft[];
  preview: Preview;
  mapping: Mapping;
  suggested: Mapping;
  mappingStatus: 'idle' | 'loading' | 'ready' | 'error';
  saveError: AppErrorShape | null;
  saving: boolean;
  review: { status: 'idle' | 'running' | 'done' | 'error'; run: RunSummary | null; error: AppErrorShape | null };
  fieldValues: FieldValuesState;
  loadFilters: (companyId: string) => Promise<void>;
  /** Reads the values once per company; `again` asks the HR system afresh (after a failure). */
  loadFieldValues: (companyId: string, again?: boolean) => Promise<void>;
  setRule: (i: number, patch: Partial<RuleDraft>) => void;
  addRule: (rule: RuleDraft) => void;
  removeRule: (i: number) => void;
  applyFilters: (companyId: string) => Promise<boolean>;
  loadMapping: (companyId: string) => Promise<void>;
  mapField: (field: PayrollField, key: string | null) => void;
  saveMapping: (companyId: string) => Promise<boolean>;
  runFirstSync: (companyId: string) => Promise<RunSummary | null>;
  /** Salaries and the pay-frequency default, chosen on the review step (PeopleHR keeps pay frequency with the salary). */
  salaries: Salaries | null;
  loadSalaries: (companyId: string) => Promise<void>;
  saveSettings: (companyId: string, patch: Partial<CompanySettings>) => Promise<void>;
  /**
   * Settings (not the wizard): rule changes are previewed without being saved, since saving starts a sync;
   * saveFilters saves them, once, when the bureau presses Save.
   */
  draftFilters: boolean;
  /** Starts Settings' editing of a finished company: its rules and matching as they are, nothing saved on edit. */
  enterSettings: (companyId: string) => Promise<void>;
  saveFilters: (companyId: string) => Promise<AppErrorShape | null>;
  reset: () => void;
};

const initial = {
  rules: [],
  preview: { status: 'idle' as const, result: null, error: null },
  fieldValues: { companyId: null, status: 'idle' as const, value: null, error: null },
  mapping: {},
  suggested: {},
  mappingStatus: 'idle' as const,
  saveError: null,
  saving: false,
  review: { status: 'idle' as const, run: null, error: null },
  salaries: null,
  draftFilters: false,
};

let previewTimer: ReturnType<typeof setTimeout> | null = null;
let previewSeq = 0;

/** Wizard steps 3–5: filters with a live preview, the mapping grid, and the first sync. */
export const useSetup = create<SetupState>()((set, get) => {
  const schedulePreview = (companyId: string) => {
    if (previewTimer) clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void get().applyFilters(companyId), 400);
  };
  let currentCompany = '';
  return {
    ...initial,
    loadFilters: async (companyId) => {
      currentCompany = companyId;
      const res = await api['filters.get']({ companyId });
      if (res.ok) set({ rules: res.value.map(draftFromRule) });
      await get().applyFilters(companyId);
    },
    loadFieldValues: async (companyId, again = false) => {
      const cur = get().fieldValues;
      if (!again && cur.companyId === companyId && cur.status !== 'error') return;
      set({ fieldValues: { companyId, status: 'loading', value: null, error: null } });
      const res = await api['companies.fieldValues']({ companyId, refresh: again });
      if (get().fieldValues.companyId !== companyId) return;
      set({
        fieldValues: res.ok
          ? { companyId, status: 'ready', value: res.value, error: null }
          : { companyId, status: 'error', value: null, error: res.error },
      });
    },
    setRule: (i, patch) => {
      set((s) => ({ rules: s.rules.map((r, j) => (j === i ? patchDraft(r, patch) : r)) }));
      schedulePreview(currentCompany);
    },
    addRule: (rule) => set((s) => ({ rules: [...s.rules, rule] })),
    removeRule: (i) => {
      set((s) => ({ rules: s.rules.filter((_, j) => j !== i) }));
      schedulePreview(currentCompany);
    },
    /** Saves the complete rules and previews who they let through; half-made rules wait. */
    applyFilters: async (companyId) => {
      const checked = get().rules.map((r) => ruleFromDraft(r));
      if (checked.some((c) => !c.ok)) return false;
      const seq = ++previewSeq;
      set((s) => ({ preview: { ...s.preview, status: 'loading', error: null } }));
      const rules = checked.flatMap((c) => (c.ok ? [c.rule] : []));
      const draft = get().draftFilters;
      if (!draft) {
        const saved = await api['filters.set']({ companyId, filters: rules });
        if (!saved.ok) {
          if (seq === previewSeq) set({ preview: { status: 'error', result: null, error: saved.error } });
          return false;
        }
      }
      const res = await api['companies.preview'](draft ? { companyId, filters: rules } : { companyId });
      if (seq !== previewSeq) return res.ok;
      set({
        preview: res.ok
          ? { status: 'ready', result: res.value, error: null }
          : { status: 'error', result: null, error: res.error },
      });
      return res.ok;
    },
    loadMapping: async (companyId) => {
      set({ mappingStatus: 'loading', saveError: null });
      const res = await api['mapping.get']({ companyId });
      if (res.ok) set({ mapping: res.value, suggested: res.value, mappingStatus: 'ready' });
      else set({ mappingStatus: 'error', saveError: res.error });
    },
    mapField: (field, key) => set((s) => ({ mapping: { ...s.mapping, [field]: key } })),
    saveMapping: async (companyId) => {
      set({ saving: true, saveError: null });
      const res = await api['mapping.set']({ companyId, mapping: get().mapping });
      set({ saving: false, saveError: res.ok ? null : res.error });
      return res.ok;
    },
    runFirstSync: async (companyId) => {
      set({ review: { status: 'running', run: null, error: null } });
      const res = await api['companies.review']({ companyId });
      if (!res.ok) {
        set({ review: { status: 'error', run: null, error: res.error } });
        return null;
      }
      const failed = res.value.status === 'failed';
      set({ review: { status: failed ? 'error' : 'done', run: res.value, error: failed ? res.value.error : null } });
      return res.value;
    },
    loadSalaries: async (companyId) => {
      const res = await api['companies.get']({ companyId });
      if (res.ok) {
        const c = res.value;
        set({
          salaries: {
            canRead: c.canReadSalaries,
            reason: c.salaryReason,
            settings: c.settings,
            saving: false,
            error: null,
          },
        });
      }
    },
    saveSettings: async (companyId, patch) => {
      const cur = get().salaries;
      if (!cur) return;
      set({ salaries: { ...cur, saving: true, error: null } });
      const res = await api['settings.set']({ companyId, patch });
      set({
        salaries: {
          ...cur,
          settings: res.ok ? res.value : cur.settings,
          saving: false,
          error: res.ok ? null : res.error,
        },
      });
    },
    enterSettings: async (companyId) => {
      currentCompany = companyId;
      set({ ...initial, draftFilters: true });
      await Promise.all([get().loadFilters(companyId), get().loadMapping(companyId), get().loadFieldValues(companyId)]);
    },
    saveFilters: async (companyId) => {
      const checked = get().rules.map((r) => ruleFromDraft(r));
      const bad = checked.find((c) => !c.ok);
      if (bad && !bad.ok) return { code: 'VALIDATION', message: bad.message };
      const res = await api['filters.set']({ companyId, filters: checked.flatMap((c) => (c.ok ? [c.rule] : [])) });
      return res.ok ? null : res.error;
    },
    reset: () => set(initial),
  };
});
