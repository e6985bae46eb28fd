import { build } from 'esbuild';
import { join } from 'node:path';
import { bundleListWorker } from './list-worker-bundle';

/** Where `npm run build` puts the command line: `node out/cli/index.js <command> …`. */
export const CLI_OUT_DIR = join('out', 'cli');
export const CLI_BUNDLE_NAME = 'index.js';

/**
 * Builds the command line (src-main/cli/index.ts) into one CommonJS file, `outDir/index.js`, run with plain
 * node: no TypeScript loader at start-up (through tsx a command took ~0.8 s before printing anything).
 * Packages stay external, loaded from node_modules at run time as the app loads them, so `outDir` must be
 * inside the project (or anywhere node_modules resolves from). The PeopleHR list thread's script goes
 * beside it, where list-thread.ts looks for it. Returns the bundle's path.
 */
export async function bundleCli(root: string, outDir: string): Promise<string> {
  const outfile = join(outDir, CLI_BUNDLE_NAME);
  await build({
    entryPoints: [join(root, 'src-main', 'cli', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    // checkpointer.ts and list-thread.ts read import.meta.url only where __filename is not defined (ESM);
    // in this CommonJS bundle __filename is the bundle's, as they expect.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
  });
  await bundleListWorker(root, outDir);
  return outfile;
}
