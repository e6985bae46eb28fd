import type { Session } from 'electron';
import { contentSecurityPolicy, cspUrlFilter, withCsp } from './csp';

/**
 * Session-wide hardening: the CSP as a response header on our pages, and every permission request
 * (camera, notifications from the page, geolocation, clipboard, …) and permission check refused.
 * Desktop notifications come from the main process, which needs no web permission.
 */
export function hardenSession(ses: Session, devServerUrl: string | null): void {
  const csp = contentSecurityPolicy(devServerUrl);
  ses.webRequest.onHeadersReceived({ urls: cspUrlFilter(devServerUrl) }, (details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
