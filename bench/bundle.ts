import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleListWorker } from '../scripts/list-worker-bundle';

/**
 * The app ships as bundled JavaScript (electron-vite), so the bench measures it that way: each block
 * process runs one esbuild bundle of bench/block.ts with plain `node`. Running the TypeScript through
 * tsx instead puts tsx's loader — a second V8 isolate — in the very process whose peak memory is measured
 * (about 50 MB more RSS here), which the shipped app never carries. Packages stay external, loaded from
 * node_modules as the app loads them.
 */
export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

export async function bundleBlock(): Promise<string> {
  const outDir = join(BENCH_DIR, '..', 'node_modules', '.cache', 'bureau-sync-bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'block.mjs');
  await build({
    entryPoints: [join(BENCH_DIR, 'block.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  // The PeopleHR list thread's script, beside the bundle as in the desktop app's build (list-thread.ts finds it there).
  await bundleListWorker(join(BENCH_DIR, '..'), outDir);
  return outfile;
}
