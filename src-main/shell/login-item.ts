import type { LoginItemPort } from '../core/api/preferences';

/**
 * "Start at login" through the OS: a Windows Run entry / a macOS login item. Takes an app-like object
 * (Electron's `app` in production) so it is unit-tested without Electron.
 */

export const HIDDEN_ARG = '--hidden';

interface LoginItemSettingsLike {
  openAtLogin: boolean;
  wasOpenedAtLogin?: boolean;
}

export interface LoginItemAppLike {
  getLoginItemSettings(options?: { args?: string[] }): LoginItemSettingsLike;
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

/** Windows and macOS only: elsewhere Electron has no login items, so the preference is unavailable. */
export function loginItemPort(app: LoginItemAppLike, platform: NodeJS.Platform): LoginItemPort | undefined {
  if (platform === 'win32') {
    // Windows matches the Run entry by path *and* arguments, so read with the same args we write.
    const args = [HIDDEN_ARG];
    return {
      get: () => app.getLoginItemSettings({ args }).openAtLogin,
      set: (open) => app.setLoginItemSettings({ openAtLogin: open, args }),
    };
  }
  if (platform === 'darwin') {
    return {
      get: () => app.getLoginItemSettings().openAtLogin,
      set: (open) => app.setLoginItemSettings({ openAtLogin: open }),
    };
  }
  return undefined;
}

/** Started by the OS at login: stay in the tray instead of opening the window over the desktop. */
export function startedAtLogin(app: LoginItemAppLike, platform: NodeJS.Platform, argv: readonly string[]): boolean {
  if (platform === 'win32') return argv.includes(HIDDEN_ARG);
  if (platform === 'darwin') return app.getLoginItemSettings().wasOpenedAtLogin === true;
  return false;
}
