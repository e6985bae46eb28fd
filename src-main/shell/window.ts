import { BrowserWindow, type WebContents } from 'electron';
import { join } from 'node:path';
import type { Bounds } from './bounds';
import { isAppPageUrl, isTrustedSender, type AppPage } from './origin';

/** The one app window, hardened per Electron's security checklist. */
export function createMainWindow(bounds: Bounds, page: AppPage, opts: { show: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Bureau Sync',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click (auxclick) must not open links in new windows; the window-open handler denies them too.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (opts.show) win.once('ready-to-show', () => win.show());
  if (page.devServerUrl) void win.loadURL(page.devServerUrl);
  else void win.loadURL(page.fileUrl);
  return win;
}

/**
 * Guards for every web contents the app ever creates (installed from app 'web-contents-created'):
 * no navigation away from our page, no redirects elsewhere, no new windows, no <webview>.
 * Nothing in the app links outside; links are denied rather than opened.
 */
export function hardenWebContents(wc: WebContents, page: AppPage): void {
  wc.on('will-navigate', (event, url) => {
    if (!isAppPageUrl(url, page)) event.preventDefault();
  });
  wc.on('will-frame-navigate', (event) => {
    if (!isAppPageUrl(event.url, page)) event.preventDefault();
  });
  wc.on('will-redirect', (event, url) => {
    if (!isAppPageUrl(url, page)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Brings the window back from the tray, minimised or behind other windows. */
export function showWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** True when an IPC message comes from the main frame of our own page in our own window. */
export function isOwnFrame(
  win: BrowserWindow | null,
  event: { sender: WebContents; senderFrame: { url: string } | null },
  page: AppPage,
): boolean {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  return isTrustedSender(
    {
      fromOurWindow: event.sender === win.webContents,
      isMainFrame: frame !== null && frame === event.sender.mainFrame,
      frameUrl: frame?.url,
    },
    page,
  );
}
