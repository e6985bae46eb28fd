import { api } from '../lib/bridge';
import { bumpNow } from '../lib/useNow';
import { useCompanies } from '../features/companies/store';
import { useDatabase } from '../features/database/store';
import { useEmployeeDetail } from '../features/employee-detail/store';
import { useEmployees } from '../features/employees/store';
import { useHistory } from '../features/history/store';
import { usePayslips } from '../features/payslips/store';
import { useSync } from '../features/sync/store';
import { routeForNavigate } from './navigate';
import { useNav } from './navStore';

/**
 * The single subscriber to push events from the core. It routes each event to the stores that
 * re-read their slice from the database; components never subscribe themselves.
 */
export function subscribeToCoreEvents(): () => void {
  let companiesTimer: ReturnType<typeof setTimeout> | null = null;
  // Several events can arrive together (a sync finishing touches everything): re-read once.
  const reloadCompanies = () => {
    if (companiesTimer) return;
    companiesTimer = setTimeout(() => {
      companiesTimer = null;
      void useCompanies.getState().load();
    }, 50);
  };
  const offs = [
    api.on('sync.progress', (p) => {
      const had = !!useSync.getState().progress[p.companyId];
      useSync.getState().onProgress(p);
      if (!had) {
        reloadCompanies();
        useHistory.getState().reloadIf(p.companyId);
      }
    }),
    api.on('sync.finished', (run) => {
      useSync.getState().onFinished(run);
      bumpNow();
      reloadCompanies();
      useHistory.getState().reloadIf(run.companyId);
    }),
    api.on('employees.changed', ({ companyId }) => {
      if (useEmployees.getState().companyId === companyId) useEmployees.getState().refresh();
      useEmployeeDetail.getState().reloadIf(companyId);
      reloadCompanies();
    }),
    api.on('companies.changed', () => reloadCompanies()),
    api.on('payslips.progress', (p) => usePayslips.getState().onProgress(p)),
    api.on('database.changed', (status) => {
      useDatabase.getState().onChanged(status);
      reloadCompanies();
    }),
    // A clicked notification: show the screen it is about, and bring the company list up to date.
    api.on('app.navigate', (req) => {
      useNav.getState().go(routeForNavigate(req));
      reloadCompanies();
    }),
  ];
  return () => {
    for (const off of offs) off();
    if (companiesTimer) clearTimeout(companiesTimer);
  };
}
