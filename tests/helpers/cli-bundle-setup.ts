import { resolve } from 'node:path';
import { bundleCli, CLI_OUT_DIR } from '../../scripts/cli-bundle';

/**
 * Vitest global setup: builds out/cli/index.js once before any test file runs, so the tests that spawn the
 * CLI run what users run (the bundle, and `npm run cli`, which finds it current) and never race to build it.
 */
export default async function setup(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  await bundleCli(root, resolve(root, CLI_OUT_DIR));
}
