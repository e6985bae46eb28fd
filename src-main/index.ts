import { app, ipcMain, powerMonitor, session, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from './core/app';
import { consoleLogger } from './core/logger';
import { bindContract, forwardEvents } from './shell/ipc';
import { SafeStorageSecretStore } from './shell/safe-storage-secrets';
import { createMainWindow, isOwnFrame } from './shell/window';

/**
 * Electron entry: builds the shell adapters (safeStorage secrets, electron-store preferences, IPC),
 * creates the core on the app's data folder, and binds the contract to the window.
 */
const prefs = new Store<{ bounds: { width: number; height: number; x?: number; y?: number } }>({
  defaults: { bounds: { width: 1280, height: 820 } },
});

let win: BrowserWindow | null = null;
let core: Core | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  void app.whenReady().then(start);
}

function start(): void {
  const dataDir = app.getPath('userData');
  // Prepared on first `npm start` by scripts/prepare-electron-native.mjs: better-sqlite3 built for Electron's ABI.
  const electronAddon = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  core = createCore({
    dataDir,
    secrets: new SafeStorageSecretStore(join(dataDir, 'credentials.enc.json')),
    mode: 'desktop',
    version: app.getVersion(),
    logger: consoleLogger(join(dataDir, 'logs')),
    nativeBinding: existsSync(electronAddon) ? electronAddon : undefined,
    schedule: true,
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  bindContract(ipcMain, core, (e) => isOwnFrame(win, e.senderFrame?.url, e.senderFrame === e.sender.mainFrame));
  win = createMainWindow(prefs.get('bounds'));
  win.on('close', () => win && prefs.set('bounds', win.getBounds()));
  forwardEvents(core, () => win?.webContents ?? null);
  powerMonitor.on('resume', () => core?.scheduler.checkDue());
}

app.on('window-all-closed', () => {
  void core?.close().finally(() => app.quit());
});
