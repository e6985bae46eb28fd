import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { bundleListWorker } from './scripts/list-worker-bundle';
import { bundleCli, CLI_OUT_DIR } from './scripts/cli-bundle';

// Source roots are src-main, src-preload and src-renderer (electron-vite's defaults are src/main, …).
export default defineConfig({
  main: {
    plugins: [
      {
        name: 'peoplehr-list-worker',
        // The list thread's script goes beside the main bundle once that is written (see the script's builder).
        writeBundle: (options) => bundleListWorker(__dirname, options.dir ?? resolve(__dirname, 'out/main')),
      },
      {
        name: 'cli-bundle',
        // The command line as one plain-node bundle, out/cli/index.js, with its own list-thread script beside it.
        writeBundle: async () => {
          await bundleCli(__dirname, resolve(__dirname, CLI_OUT_DIR));
        },
      },
    ],
    build: {
      // electron-store and conf are ESM-only: bundle them into the CommonJS main output.
      externalizeDeps: { exclude: ['electron-store', 'conf'] },
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/index.ts') },
        // What the core imports lazily (the HR clients, the demo's fake server) becomes chunks: keep them beside
        // index.js, not in chunks/, since code in them finds files beside itself (the PeopleHR list thread's
        // script, peoplehr-list-worker.js, is looked for next to the running file).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // CommonJS (the package has no "type": "module"), which a sandboxed preload requires.
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src-preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } } },
    plugins: [react()],
  },
});
