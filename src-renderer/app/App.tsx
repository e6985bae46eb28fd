import { useEffect } from 'react';
import { CompaniesHome } from '../features/companies/components/CompaniesHome';
import { CompanyPage } from '../features/companies/components/CompanyPage';
import { EmployeeDetailPage } from '../features/employee-detail/components/EmployeeDetailPage';
import { ConnectionWizard } from '../features/connection-wizard/components/ConnectionWizard';
import { PreferencesPage } from '../features/preferences/components/PreferencesPage';
import { DatabaseNotice } from '../features/database/components/DatabaseNotice';
import { subscribeToCoreEvents } from './ipcEvents';
import { clearNoticesOnNavigation } from './routeEffects';
import { goHome, openPreferences, useNav } from './navStore';

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
          <button
            type="button"
            className="nav-link"
            aria-current={route.name !== 'wizard' && route.name !== 'preferences' ? 'page' : undefined}
            onClick={goHome}
          >
            Client companies
          </button>
          <button
            type="button"
            className="nav-link"
            aria-current={route.name === 'preferences' ? 'page' : undefined}
            onClick={openPreferences}
          >
            Preferences
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <DatabaseNotice />
        {route.name === 'home' && <CompaniesHome />}
        {route.name === 'company' && <CompanyPage key={route.companyId} companyId={route.companyId} tab={route.tab} />}
        {route.name === 'employee' && <EmployeeDetailPage companyId={route.companyId} employeeId={route.employeeId} />}
        {route.name === 'wizard' && <ConnectionWizard />}
        {route.name === 'preferences' && <PreferencesPage />}
      </main>
    </div>
  );
}
