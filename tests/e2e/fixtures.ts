import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';

type Server = { url: string; dataDir: string; output: () => string; seedOutput: string };

/** A script run with tsx on the fresh data folder before browser mode starts: `tsx <script> <dataDir> ...args`. */
export type Seed = { script: string; args?: string[] } | null;

const ROOT = resolve(__dirname, '../..');

/** Starts `src-main/web/index.ts` on a fresh data folder and resolves with the printed address. */
async function startServer(seed: Seed): Promise<{ server: Server; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bureau-e2e-'));
  const seedOutput = seed ? await runSeed(seed, dataDir) : '';
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src-main/web/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, BUREAU_SYNC_DATA_DIR: dataDir, BUREAU_SYNC_PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`The server did not print its address in time:\n${out}`)), 45_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#key=\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`The server exited (${code}) before it was ready:\n${out}`));
    });
  });
  return { server: { url, dataDir, output: () => out, seedOutput }, child };
}

function runSeed(seed: NonNullable<Seed>, dataDir: string): Promise<string> {
  return new Promise((res, rej) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [seed.script, dataDir, ...(seed.args ?? [])],
      { cwd: ROOT, timeout: 100_000, maxBuffer: 4 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? rej(new Error(`Seeding failed: ${err.message}\n${stderr}`)) : res(stdout)),
    );
  });
}

async function stopServer(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise<void>((res) => child.once('exit', () => res()));
    child.kill('SIGTERM');
    const timeout = new Promise<void>((res) => setTimeout(res, 5_000));
    await Promise.race([exited, timeout]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export const test = base.extend<{ server: Server; seed: Seed }>({
  seed: [null, { option: true }],
  server: async ({ seed }, use, testInfo) => {
    const { server, child } = await startServer(seed);
    try {
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server-output.txt', { body: server.output(), contentType: 'text/plain' });
      }
      await stopServer(child, server.dataDir);
    }
  },
});

export { expect };

/** A screenshot in this test's output folder (test-results/<test>/<name>.png). */
export async function shot(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}
