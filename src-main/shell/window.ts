import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';

/** The one app window, hardened per Electron's security checklist. */
export function createMainWindow(bounds: { width: number; height: number; x?: number; y?: number }): BrowserWindow {
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
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Nothing inside the app navigates away or opens windows; outside links go to the user's browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

/** True when an IPC message comes from the main frame of our own page. */
export function isOwnFrame(win: BrowserWindow | null, frameUrl: string | undefined, isMainFrame: boolean): boolean {
  if (!win || !frameUrl || !isMainFrame) return false;
  if (process.env.ELECTRON_RENDERER_URL) return frameUrl.startsWith(process.env.ELECTRON_RENDERER_URL);
  return frameUrl.startsWith('file://') && frameUrl.includes('/renderer/index.html');
}
