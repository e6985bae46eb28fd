import { useCompanies } from '../features/companies/store';
import { useEmployees } from '../features/employees/store';
import { useNav } from './navStore';

/** A message belongs to the screen it was shown on: leaving the screen clears it. */
export function clearNoticesOnNavigation(): () => void {
  return useNav.subscribe((state, prev) => {
    if (state.route === prev.route) return;
    if (useCompanies.getState().notice) useCompanies.getState().dismissNotice();
    if (useEmployees.getState().notice) useEmployees.getState().dismissNotice();
  });
}
