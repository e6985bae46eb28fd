// The Electron-launch e2e runs only where Electron's binary is installed; elsewhere it says so plainly.
import { spawnSync } from 'node:child_process';
import { electronBinary } from '../../scripts/electron-binary.mjs';

if (!electronBinary()) {
  console.log('skipped: no Electron binary (the Electron-launch e2e runs where `npm start` has downloaded Electron)');
  process.exit(0);
}
const res = spawnSync('npx', ['playwright', 'test', '--config', 'tests/electron/playwright.electron.config.ts'], {
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
