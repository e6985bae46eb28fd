import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs only where the Electron binary exists (see run-if-available.mjs).
test('the desktop app opens, adds the demo company and shows its employees', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'bureau-electron-'));
  const app = await electron.launch({ args: ['.', `--user-data-dir=${userData}`] });
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
