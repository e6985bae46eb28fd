import type { PushEvents } from '../../src-main/contract/index';
import type { Route } from './navStore';

/**
 * Where an 'app.navigate' request from the desktop shell (a clicked notification) lands. A company
 * screen without a company id falls back to the companies home; "settings" without a company is the
 * app's own preferences.
 */
export function routeForNavigate(req: PushEvents['app.navigate']): Route {
  const id = req.companyId;
  switch (req.screen) {
    case 'company':
      return id ? { name: 'company', companyId: id, tab: 'employees' } : { name: 'home' };
    case 'history':
      return id ? { name: 'company', companyId: id, tab: 'history' } : { name: 'home' };
    case 'settings':
      // A company's settings are asked for by the "credentials stopped working" notification: straight to
      // Settings → Connection, where Replace credentials is.
      return id
        ? { name: 'company', companyId: id, tab: 'settings', anchor: 'settings-connection' }
        : { name: 'preferences' };
    case 'home':
    default:
      return { name: 'home' };
  }
}
