import { join, resolve } from 'node:path';
import { createCore, type Core } from '../core/app';
import { toErrorShape } from '../core/errors';
import { FileSecretStore } from '../core/secrets/file-secret-store';
import { consoleLogger } from '../core/logger';
import { defaultDataDir } from '../core/data-dir';
import { startWebServer } from './server';

/** `npm run start:web`: the app's core and renderer, served to a browser on this machine only. */
async function main(): Promise<void> {
  const dataDir = process.env.BUREAU_SYNC_DATA_DIR ?? defaultDataDir();
  let core: Core;
  try {
    core = createCore({
      dataDir,
      secrets: new FileSecretStore(join(dataDir, 'credentials.json')),
      mode: 'browser',
      logger: consoleLogger(join(dataDir, 'logs')),
      schedule: true,
    });
  } catch (err) {
    // The same sentence the desktop app's dialog and the command line show, not a stack trace.
    process.stderr.write(`Error: ${startupFailureText(err)}\nData folder: ${dataDir}\n`);
    process.exit(1);
  }
  const rendererDir = resolve(process.env.BUREAU_SYNC_RENDERER_DIR ?? join(__dirname, '../../out/renderer'));
  const port = process.env.BUREAU_SYNC_PORT ? Number(process.env.BUREAU_SYNC_PORT) : 0;
  const web = await startWebServer(core, { rendererDir, port });
  process.stdout.write(
    `Bureau Sync is running in browser mode.\nData folder: ${dataDir}\nOpen this address in your browser (it contains this launch's key):\n\n  ${web.url}\n\nPress Ctrl+C to stop.\n`,
  );
  // Told to stop, a sync in progress is abandoned (it writes nothing and is recorded as stopped) rather than
  // awaited: a PeopleHR sync paced at 30 calls a minute could otherwise hold the process up for minutes.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping Bureau Sync…\n`);
    await web.close();
    await core.close({ abandonSyncs: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** The sentence for a start that failed: the core's own words, never a stack trace. */
function startupFailureText(err: unknown): string {
  return toErrorShape(err).message;
}

main().catch((err: unknown) => {
  process.stderr.write(`Error: ${startupFailureText(err)}\n`);
  process.exit(1);
});
