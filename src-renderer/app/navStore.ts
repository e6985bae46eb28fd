import { create } from 'zustand';

export type CompanyTab = 'employees' | 'history' | 'exports' | 'payslips' | 'settings';

export type Route =
  | { name: 'home' }
  | { name: 'company'; companyId: string; tab: CompanyTab; anchor?: string }
  | { name: 'employee'; companyId: string; employeeId: number }
  | { name: 'wizard' }
  | { name: 'preferences' };

type NavState = {
  route: Route;
  go: (route: Route) => void;
};

/** In-app navigation. No URL routing: the address carries the launch key and stays out of screenshots. */
export const useNav = create<NavState>()((set) => ({
  route: { name: 'home' },
  go: (route) => {
    set({ route });
    window.scrollTo(0, 0);
  },
}));

export const goHome = (): void => useNav.getState().go({ name: 'home' });
export const openCompany = (companyId: string, tab: CompanyTab = 'employees'): void =>
  useNav.getState().go({ name: 'company', companyId, tab });
export const openPreferences = (): void => useNav.getState().go({ name: 'preferences' });
export const openEmployee = (companyId: string, employeeId: number): void =>
  useNav.getState().go({ name: 'employee', companyId, employeeId });

/** Settings → Connection of one company, scrolled to: where every "credentials stopped working" leads. */
export const openConnectionSettings = (companyId: string): void =>
  useNav.getState().go({ name: 'company', companyId, tab: 'settings', anchor: 'settings-connection' });
