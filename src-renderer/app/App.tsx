import { useEffect } from 'react';
import { CompaniesHome } from '../features/companies/components/CompaniesHome';
import { CompanyPage } from '../features/companies/components/CompanyPage';
import { EmployeeDetailPage } from '../features/employee-detail/components/EmployeeDetailPage';
import { ConnectionWizard } from '../features/connection-wizard/components/ConnectionWizard';
import { subscribeToCoreEvents } from './ipcEvents';
import { clearNoticesOnNavigation } from './routeEffects';
import { goHome, useNav } from './navStore';

export function App() {
  const route = useNav((s) => s.route);

  useEffect(() => subscribeToCoreEvents(), []);
  useEffect(() => clearNoticesOnNavigation(), []);

  return (
    <div className="app" data-app-state="ready">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button type="button" className="brand" onClick={goHome} aria-label="Bureau Sync: go to client companies">
          <span className="brand-mark" aria-hidden="true">
            BS
          </span>
          Bureau Sync
        </button>
        <nav aria-label="Main">
          <button type="button" className="nav-link" aria-current={route.name !== 'wizard' ? 'page' : undefined} onClick={goHome}>
            Client companies
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'home' && <CompaniesHome />}
        {route.name === 'company' && <CompanyPage key={route.companyId} companyId={route.companyId} tab={route.tab} />}
        {route.name === 'employee' && <EmployeeDetailPage companyId={route.companyId} employeeId={route.employeeId} />}
        {route.name === 'wizard' && <ConnectionWizard />}
      </main>
    </div>
  );
}
