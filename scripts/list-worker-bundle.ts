import { build } from 'esbuild';
import { join } from 'node:path';
import { WORKER_BUNDLE_NAME } from '../src-main/core/hr/peoplehr/list-thread';

/**
 * Builds the PeopleHR list thread's script into one CommonJS file in `outDir`, beside the bundle that starts
 * it (list-thread.ts looks for it there). It is built on its own, not as a second input of the main bundle:
 * as one, it shared chunks with the main bundle and required index.js, which would start the app on the thread.
 */
export async function bundleListWorker(root: string, outDir: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'src-main', 'core', 'hr', 'peoplehr', 'list-worker.ts')],
    outfile: join(outDir, WORKER_BUNDLE_NAME),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}
