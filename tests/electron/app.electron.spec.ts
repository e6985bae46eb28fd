import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrayAction, TrayModel } from '../../src-main/shell/tray-state';

// Runs only where the Electron binary exists (see run-if-available.mjs).
// BUREAU_SYNC_TEST_HOOKS exposes the tray model in an unpackaged app (src-main/index.ts) so tray actions can be driven.

type ShellHooks = { trayModel(): TrayModel | null; trayAction(a: TrayAction): void; refreshTray(): void };

async function launch(): Promise<ElectronApplication> {
  const userData = mkdtempSync(join(tmpdir(), 'bureau-electron-'));
  return electron.launch({
    args: ['.', `--user-data-dir=${userData}`],
    env: { ...process.env, BUREAU_SYNC_TEST_HOOKS: '1' } as Record<string, string>,
  });
}

async function tray(app: ElectronApplication): Promise<TrayModel | null> {
  await app.evaluate(() => (globalThis as unknown as { __bureauShell: ShellHooks }).__bureauShell.refreshTray());
  await new Promise((r) => setTimeout(r, 400)); // the tray redraw is coalesced (250 ms)
  return app.evaluate(() => (globalThis as unknown as { __bureauShell: ShellHooks }).__bureauShell.trayModel());
}

async function trayAction(app: ElectronApplication, action: TrayAction): Promise<void> {
  await app.evaluate(
    (_electron, a) => (globalThis as unknown as { __bureauShell: ShellHooks }).__bureauShell.trayAction(a),
    action,
  );
}

const menuLabels = (m: TrayModel | null) => (m?.menu ?? []).flat().map((i) => i.label);

test('the desktop app opens, adds the demo company and shows its employees', async () => {
  const app = await launch();
  const win = await app.firstWindow();
  await win.getByRole('button', { name: /try the demo company/i }).click();
  await expect(win.getByText(/ready/i).first()).toBeVisible({ timeout: 60_000 });
  // The preload exposes the contract's methods and nothing else.
  const keys = await win.evaluate(() => Object.keys((window as unknown as { bureau: object }).bureau));
  expect(keys).toContain('companies.list');
  expect(keys).not.toContain('ipcRenderer');
  await win.screenshot({ path: test.info().outputPath('electron-home.png') });
  await app.close();
});

test('the window is locked down: no Node, no eval, no navigation, no new windows, no permissions', async () => {
  const app = await launch();
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  const startUrl = win.url();

  expect(await win.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe('undefined');
  expect(await win.evaluate(() => typeof (globalThis as Record<string, unknown>).process)).toBe('undefined');
  // The CSP (meta tag and response header) forbids eval.
  expect(
    await win.evaluate(() => {
      try {
        return String((0, eval)('1 + 1'));
      } catch {
        return 'blocked';
      }
    }),
  ).toBe('blocked');
  // window.open is denied; navigation away is cancelled.
  expect(await win.evaluate(() => window.open('https://example.com') === null)).toBe(true);
  await win.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await new Promise((r) => setTimeout(r, 500));
  expect(win.url()).toBe(startUrl);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  // Permission requests are refused by the session.
  expect(await win.evaluate(() => Notification.requestPermission())).toBe('denied');
  // Our own page's IPC works.
  const info = await win.evaluate(() =>
    (
      window as unknown as {
        bureau: Record<string, (i: unknown) => Promise<{ ok: boolean; value?: { mode: string } }>>;
      }
    ).bureau['app.info']!({}),
  );
  expect(info.ok && info.value?.mode).toBe('desktop');
  await app.close();
});

test('the tray: state, pause/resume all, close to tray, open, and quit', async () => {
  const app = await launch();
  const win = await app.firstWindow();
  await win.getByRole('button', { name: /try the demo company/i }).click();
  await expect(win.getByText(/ready/i).first()).toBeVisible({ timeout: 60_000 });

  await expect
    .poll(async () => (await tray(app))?.tooltip, { timeout: 30_000 })
    .toMatch(/^Bureau Sync — last sync \d\d:\d\d, all good$/);
  expect((await tray(app))?.icon).toBe('idle');
  expect(menuLabels(await tray(app))).toEqual(['Open Bureau Sync', 'Sync all now', 'Pause all', 'Quit Bureau Sync']);

  await trayAction(app, 'pause-all');
  await expect.poll(async () => menuLabels(await tray(app))).toContain('Resume all');
  await trayAction(app, 'resume-all');
  await expect.poll(async () => menuLabels(await tray(app))).toContain('Pause all');

  await trayAction(app, 'sync-all');
  await expect.poll(async () => (await tray(app))?.tooltip, { timeout: 30_000 }).toMatch(/all good$/);

  // Closing the window keeps the app (and its syncing) alive in the tray.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())))
    .toEqual([false]);
  await trayAction(app, 'open');
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())))
    .toEqual([true]);

  // Quit from the tray: the app waits for the core to close, then exits.
  const closed = app.waitForEvent('close');
  await trayAction(app, 'quit').catch(() => undefined);
  await closed;
});
