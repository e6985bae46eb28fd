import { app, dialog, ipcMain, powerMonitor, screen, session, shell, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PushEvents } from './contract/index';
import { createCore, type Core } from './core/app';
import { consoleLogger } from './core/logger';
import type { Logger } from './core/ports';
import { fitBounds } from './shell/bounds';
import { bindContract, forwardEvents } from './shell/ipc';
import { loginItemPort, startedAtLogin } from './shell/login-item';
import { Notifier } from './shell/notifier';
import { devServerUrl, type AppPage } from './shell/origin';
import { installQuitGuard, onWindowClose, type QuitGuard } from './shell/quit-guard';
import { reportStartupFailure } from './shell/startup-failure';
import { createRunNotifier } from './shell/run-notifier';
import { SafeStorageSecretStore } from './shell/safe-storage-secrets';
import { hardenSession } from './shell/session';
import { openShellStore, type ShellStore } from './shell/shell-store';
import { AppTray } from './shell/tray';
import { trayModel, type TrayAction } from './shell/tray-state';
import { createMainWindow, hardenWebContents, isOwnFrame, showWindow } from './shell/window';

/**
 * Electron entry: builds the shell adapters (safeStorage secrets, electron-store preferences, login
 * item, IPC, tray, notifications), creates the core on the app's data folder, and keeps the app
 * syncing in the tray until the user quits. Quitting waits for running syncs (quit-guard.ts).
 */
const APP_ID = 'uk.co.bureausync.app';

let win: BrowserWindow | null = null;
let core: Core | null = null;
let tray: AppTray | null = null;
let store: ShellStore | null = null;
let logger: Logger | null = null;

const page: AppPage = {
  fileUrl: pathToFileURL(join(__dirname, '../renderer/index.html')).href,
  devServerUrl: devServerUrl(app.isPackaged, process.env),
};

const quitGuard: QuitGuard = installQuitGuard({
  app,
  close: async () => {
    await core?.close();
  },
  onQuitting: () => {
    saveBounds();
    refreshTray();
  },
  onError: (err) => logger?.error('quitting failed', { message: err instanceof Error ? err.message : String(err) }),
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow(win));
  app.on('activate', () => showWindow(win)); // macOS: clicking the Dock icon
  // Every web contents is guarded, whichever window or frame created it.
  app.on('web-contents-created', (_e, wc) => hardenWebContents(wc, page));
  // Closing the window keeps the app in the tray; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID); // needed for Windows notifications
  // A data folder or database that cannot be opened is shown in a dialog, never left as a silent failure.
  void app
    .whenReady()
    .then(start)
    .catch((err: unknown) =>
      reportStartupFailure(err, app.getPath('userData'), {
        showMessageBox: (options) => dialog.showMessageBox(options),
        openPath: (path) => shell.openPath(path),
        releaseSingleInstanceLock: () => app.releaseSingleInstanceLock(),
        exit: (code) => app.exit(code),
        log: (message, meta) => logger?.error(message, meta),
      }),
    );
}

function start(): void {
  const dataDir = app.getPath('userData');
  logger = consoleLogger(join(dataDir, 'logs'));
  store = openShellStore();
  // Prepared on first `npm start` by scripts/prepare-electron-native.mjs: better-sqlite3 built for Electron's ABI.
  const electronAddon = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  core = createCore({
    dataDir,
    secrets: new SafeStorageSecretStore(join(dataDir, 'credentials.enc.json')),
    mode: 'desktop',
    version: app.getVersion(),
    logger,
    nativeBinding: !app.isPackaged && existsSync(electronAddon) ? electronAddon : undefined,
    schedule: true,
    loginItem: loginItemPort(app, process.platform),
    chooseFolder: async (title) => {
      const opts = { title, properties: ['openDirectory' as const] };
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return res.canceled ? null : (res.filePaths[0] ?? null);
    },
  });
  const theCore = core;

  hardenSession(session.defaultSession, page.devServerUrl ?? null);
  bindContract(ipcMain, theCore, (e) => isOwnFrame(win, e, page));

  const navigate = (target: PushEvents['app.navigate'] | null) => {
    showWindow(win);
    if (target) theCore.emit('app.navigate', target);
  };
  const notifier = new Notifier(navigate);
  const hidden = startedAtLogin(app, process.platform, process.argv);
  win = createMainWindow(
    fitBounds(
      store.get('bounds'),
      screen.getAllDisplays().map((d) => d.workArea),
    ),
    page,
    { show: !hidden },
  );
  win.on('close', (event) => {
    saveBounds();
    const decision = onWindowClose({
      quitting: quitGuard.quitting,
      trayHintShown: store?.get('trayHintShown') ?? true,
    });
    if (!decision.keepRunning) return;
    event.preventDefault();
    win?.hide();
    if (decision.showTrayHint) {
      store?.set('trayHintShown', true);
      notifier.show({
        title: 'Bureau Sync is still running',
        body:
          process.platform === 'darwin'
            ? 'It keeps syncing your companies in the background. Use its menu bar icon to open it again or to quit.'
            : 'It keeps syncing your companies in the background. Use its icon in the notification area to open it again or to quit.',
      });
    }
  });
  forwardEvents(theCore, () => win?.webContents ?? null);

  const runs = createRunNotifier({
    listCompanies: () => listCompanies(theCore),
    preferences: () => theCore.preferences.get(),
    show: (notice) => notifier.show(notice),
    onError: (err) =>
      logger?.warn('notification skipped', { message: err instanceof Error ? err.message : String(err) }),
  });
  void runs.seed();

  tray = new AppTray(join(app.getAppPath(), 'resources', 'tray'), onTrayAction);
  refreshTray();
  setInterval(refreshTray, 60_000).unref(); // "last sync 14:05" becomes "yesterday 14:05"
  theCore.subscribe((event, payload) => {
    if (event === 'sync.finished') void runs.onRunFinished(payload as PushEvents['sync.finished']);
    if (event === 'sync.progress' || event === 'sync.finished' || event === 'companies.changed') refreshTray();
  });

  // Catch up after sleep or a locked screen: whatever fell due meanwhile runs now.
  powerMonitor.on('resume', () => theCore.scheduler.checkDue());
  powerMonitor.on('unlock-screen', () => theCore.scheduler.checkDue());

  if (!app.isPackaged && process.env.BUREAU_SYNC_TEST_HOOKS === '1') {
    // For tests/electron only (never in a packaged app): read the tray model and click its items.
    (globalThis as Record<string, unknown>).__bureauShell = {
      trayModel: () => tray?.model ?? null,
      trayAction: onTrayAction,
      refreshTray,
    };
  }
}

function onTrayAction(action: TrayAction): void {
  const c = core;
  switch (action) {
    case 'open':
      showWindow(win);
      return;
    case 'sync-all':
      if (c && !quitGuard.quitting) void c.invoke('sync.all', {});
      return;
    case 'pause-all':
    case 'resume-all':
      if (c && !quitGuard.quitting)
        void c.invoke('companies.pauseAll', { paused: action === 'pause-all' }).then(refreshTray);
      return;
    case 'quit':
      quitGuard.quit();
      return;
  }
}

let trayTimer: NodeJS.Timeout | null = null;
/** Coalesces bursts of events (progress arrives several times a second) into one redraw. */
function refreshTray(): void {
  if (trayTimer) return;
  trayTimer = setTimeout(() => {
    trayTimer = null;
    const c = core;
    if (!c || !tray || quitGuard.phase === 'closed') return;
    void listCompanies(c)
      .catch(() => [])
      .then((companies) => tray?.update(trayModel(companies, { now: new Date(), quitting: quitGuard.quitting })));
  }, 250);
}

async function listCompanies(c: Core) {
  const r = await c.invoke('companies.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function saveBounds(): void {
  if (win && !win.isDestroyed() && !win.isMinimized() && !win.isFullScreen())
    store?.set('bounds', win.getNormalBounds());
}
