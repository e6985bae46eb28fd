import { defineConfig } from '@playwright/test';

/**
 * Browser-mode e2e: each spec starts its own core + renderer server (tests/e2e/fixtures.ts) on a fresh
 * data folder, so no webServer here. Run `npx electron-vite build` first (npm run test:e2e does).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // The JSON report feeds the one-line total that `npm test` prints at the end (scripts/test-summary.mjs).
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    headless: true,
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
