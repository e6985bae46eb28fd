import { create } from 'zustand';
import type { CompanySummary, CredentialCheckResult } from '../../../src-main/contract/companies';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import type { FieldInfo, RealProvider } from '../../../src-main/contract/providers';
import { api } from '../../lib/bridge';
import { buildCredentials, type SecretFields, type WizardStep } from './logic';

type Check = {
  status: 'idle' | 'checking' | 'ok' | 'error';
  result: CredentialCheckResult | null;
  error: AppErrorShape | null;
};

type WizardState = {
  step: WizardStep;
  provider: RealProvider | null;
  name: string;
  secrets: SecretFields;
  baseUrl: string;
  check: Check;
  creating: boolean;
  createError: AppErrorShape | null;
  companyId: string | null;
  catalogue: FieldInfo[];
  setStep: (step: WizardStep) => void;
  chooseProvider: (p: RealProvider) => void;
  setName: (name: string) => void;
  setSecret: (key: keyof SecretFields, value: string) => void;
  setBaseUrl: (url: string) => void;
  checkCredentials: () => Promise<void>;
  createCompany: () => Promise<void>;
  /** Reopens the wizard at "Who to sync" for a company whose set-up was left unfinished. */
  resume: (company: CompanySummary) => Promise<void>;
  /** Why resuming failed (the catalogue could not be read), in words. */
  resumeError: AppErrorShape | null;
  reset: () => void;
};

const blankSecrets: SecretFields = { clientId: '', clientSecret: '', token: '', apiKey: '' };
const idleCheck: Check = { status: 'idle', result: null, error: null };

const initial = {
  step: 'provider' as WizardStep,
  provider: null,
  name: '',
  secrets: blankSecrets,
  baseUrl: '',
  check: idleCheck,
  creating: false,
  createError: null,
  companyId: null,
  catalogue: [],
  resumeError: null,
};

/** Wizard drafts (steps 1–2). Credentials stay in memory only until the core has stored them. */
export const useWizard = create<WizardState>()((set, get) => ({
  ...initial,
  setStep: (step) => set({ step }),
  chooseProvider: (provider) => set({ provider, secrets: blankSecrets, check: idleCheck, step: 'credentials' }),
  setName: (name) => set({ name, createError: null }),
  setSecret: (key, value) => set((s) => ({ secrets: { ...s.secrets, [key]: value }, check: idleCheck })),
  setBaseUrl: (baseUrl) => set({ baseUrl, check: idleCheck }),
  checkCredentials: async () => {
    const { provider, secrets, baseUrl } = get();
    if (!provider) return;
    set({ check: { status: 'checking', result: null, error: null } });
    const res = await api['companies.checkCredentials']({
      credentials: buildCredentials(provider, secrets),
      baseUrl: baseUrl.trim() || undefined,
    });
    set({
      check: res.ok
        ? { status: 'ok', result: res.value, error: null }
        : { status: 'error', result: null, error: res.error },
    });
  },
  createCompany: async () => {
    const { provider, secrets, baseUrl, name } = get();
    if (!provider) return;
    set({ creating: true, createError: null });
    const res = await api['companies.create']({
      name: name.trim(),
      credentials: buildCredentials(provider, secrets),
      baseUrl: baseUrl.trim() || undefined,
    });
    if (!res.ok) {
      set({ creating: false, createError: res.error });
      return;
    }
    const fields = await api['companies.fields']({ companyId: res.value.id, refresh: false });
    // The secrets now live in the core's store; forget them here.
    set({
      creating: false,
      companyId: res.value.id,
      secrets: blankSecrets,
      catalogue: fields.ok ? fields.value : [],
      step: 'filters',
    });
  },
  resume: async (company) => {
    if (company.provider === 'demo') return;
    set({
      ...initial,
      provider: company.provider,
      name: company.name,
      companyId: company.id,
      step: 'filters',
      check: { status: 'ok', result: null, error: null },
    });
    const fields = await api['companies.fields']({ companyId: company.id, refresh: false });
    if (get().companyId !== company.id) return;
    set(fields.ok ? { catalogue: fields.value } : { resumeError: fields.error });
  },
  reset: () => set(initial),
}));
