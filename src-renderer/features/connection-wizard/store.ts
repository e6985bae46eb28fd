import { create } from 'zustand';
import type { CredentialCheckResult } from '../../../src-main/contract/companies';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import type { FieldInfo, RealProvider } from '../../../src-main/contract/providers';
import { api } from '../../lib/bridge';
import { buildCredentials, type SecretFields, type WizardStep } from './logic';

type Check = { status: 'idle' | 'checking' | 'ok' | 'error'; result: CredentialCheckResult | null; error: AppErrorShape | null };

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
    set({ check: res.ok ? { status: 'ok', result: res.value, error: null } : { status: 'error', result: null, error: res.error } });
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
  reset: () => set(initial),
}));
