import { describe, expect, it } from 'vitest';
import { fitBounds } from '../../src-main/shell/bounds';
import { HIDDEN_ARG, loginItemPort, startedAtLogin, type LoginItemAppLike } from '../../src-main/shell/login-item';

/** Electron's login item API as it behaves on Windows: entries are matched by their arguments too. */
class FakeLoginItems implements LoginItemAppLike {
  entries = new Map<string, boolean>();
  wasOpenedAtLogin = false;
  getLoginItemSettings(options?: { args?: string[] }) {
    return {
      openAtLogin: this.entries.get((options?.args ?? []).join(' ')) ?? false,
      wasOpenedAtLogin: this.wasOpenedAtLogin,
    };
  }
  setLoginItemSettings(s: { openAtLogin: boolean; args?: string[] }) {
    this.entries.set((s.args ?? []).join(' '), s.openAtLogin);
  }
}

describe('start at login', () => {
  it('on Windows writes and reads the Run entry with the --hidden argument', () => {
    const app = new FakeLoginItems();
    const port = loginItemPort(app, 'win32')!;
    expect(port.get()).toBe(false);
    port.set(true);
    expect(app.entries.get(HIDDEN_ARG)).toBe(true);
    expect(port.get()).toBe(true);
    port.set(false);
    expect(port.get()).toBe(false);
  });

  it('on macOS uses the login item as is', () => {
    const app = new FakeLoginItems();
    const port = loginItemPort(app, 'darwin')!;
    port.set(true);
    expect(app.entries.get('')).toBe(true);
    expect(port.get()).toBe(true);
  });

  it('is unavailable on Linux (Electron has no login items there)', () => {
    expect(loginItemPort(new FakeLoginItems(), 'linux')).toBeUndefined();
  });

  it('knows when the OS started it at login, so it stays in the tray', () => {
    const app = new FakeLoginItems();
    expect(startedAtLogin(app, 'win32', ['Bureau Sync.exe', HIDDEN_ARG])).toBe(true);
    expect(startedAtLogin(app, 'win32', ['Bureau Sync.exe'])).toBe(false);
    expect(startedAtLogin(app, 'darwin', [])).toBe(false);
    app.wasOpenedAtLogin = true;
    expect(startedAtLogin(app, 'darwin', [])).toBe(true);
    expect(startedAtLogin(app, 'linux', [HIDDEN_ARG])).toBe(false);
  });
});

describe('window bounds', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('restores bounds that are on a screen', () => {
    expect(fitBounds({ x: 100, y: 50, width: 1200, height: 800 }, screens)).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
    });
  });
  it('drops the position when its screen is gone (e.g. an unplugged monitor), keeping the size', () => {
    expect(fitBounds({ x: 2500, y: 100, width: 1200, height: 800 }, screens)).toEqual({ width: 1200, height: 800 });
  });
  it('never goes below the minimum size, and falls back to defaults for nonsense', () => {
    expect(fitBounds({ width: 200, height: 100 }, screens)).toEqual({ width: 900, height: 600 });
    expect(fitBounds(undefined, screens)).toEqual({ width: 1280, height: 820 });
    expect(fitBounds({ width: Number.NaN, height: 700, x: Number.NaN, y: 0 }, screens)).toEqual({
      width: 1280,
      height: 700,
    });
  });
});
