import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core/app';
import { FileSecretStore } from '../../../src-main/core/secrets/file-secret-store';

/**
 * Runs one full sync of one company in its own process, so sync-kill.test.ts can SIGKILL it at any moment.
 * Usage: tsx child.ts <dataDir> <companyId>. Phase markers go to stdout synchronously (writeSync), so a
 * marker is on the pipe before the phase's work starts, even one that blocks the event loop (the write).
 */
const [dataDir, companyId] = process.argv.slice(2);
if (!dataDir || !companyId) throw new Error('usage: child.ts <dataDir> <companyId>');

const say = (line: string) => writeSync(1, `${line}\n`);

void (async () => {
  const core = createCore({
    dataDir,
    secrets: new FileSecretStore(join(dataDir, 'secrets.json')),
    mode: 'cli',
    http: { retryBaseMs: 5, minRateLimitWaitMs: 10, timeoutMs: 5000 },
  });
  let lastPhase = '';
  say('ready');
  const run = await core.engine.runCompany(companyId, 'cli', {
    onProgress: (p) => {
      if (p.phase === 'fetching') say(`fetching ${p.processed}`);
      else if (p.phase !== lastPhase) say(p.phase);
      lastPhase = p.phase;
    },
  });
  say(`finished ${run.status}`);
  // Stay alive so the parent can also kill after the commit; it always ends this process itself.
  setInterval(() => {}, 60_000);
})();
