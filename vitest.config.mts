import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The core must never reach Electron: these resolve to a module that throws on import.
    alias: {
      electron: resolve(__dirname, 'tests/helpers/electron-throws.ts'),
      'electron-store': resolve(__dirname, 'tests/helpers/electron-throws.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The CLI's tests spawn the built bundle (out/cli/index.js), as users run it.
    globalSetup: ['tests/helpers/cli-bundle-setup.ts'],
  },
});
