import { create } from 'zustand';
import type { EmployeeDetail } from '../../../src-main/contract/employees';
import type { AppErrorShape } from '../../../src-main/contract/errors';
import { api } from '../../lib/bridge';

type DetailState = {
  key: string | null;
  detail: EmployeeDetail | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorShape | null;
  load: (companyId: string, employeeId: number) => Promise<void>;
  /** Re-read after employees.changed, keeping the current view on screen meanwhile. */
  reloadIf: (companyId: string) => void;
  reset: () => void;
};

const keyOf = (companyId: string, employeeId: number) => `${companyId}/${employeeId}`;

export const useEmployeeDetail = create<DetailState>()((set, get) => ({
  key: null,
  detail: null,
  status: 'idle',
  error: null,
  load: async (companyId, employeeId) => {
    const key = keyOf(companyId, employeeId);
    if (get().key !== key) set({ key, detail: null, status: 'loading', error: null });
    const res = await api['employees.get']({ companyId, employeeId });
    if (get().key !== key) return;
    if (res.ok) set({ detail: res.value, status: 'ready', error: null });
    else set({ status: 'error', error: res.error });
  },
  reloadIf: (companyId) => {
    const { key, detail } = get();
    if (key && detail && key.startsWith(`${companyId}/`)) void get().load(companyId, detail.id);
  },
  reset: () => set({ key: null, detail: null, status: 'idle', error: null }),
}));
