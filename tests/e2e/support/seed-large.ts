import { join } from 'node:path';
import { createCore } from '../../../src-main/core/app';
import { FileSecretStore } from '../../../src-main/core/secrets/file-secret-store';
import { generatePeople } from '../../../src-main/fake-hr/sample-people';
import { PERSONIO_FAKE_CREDENTIALS, startFakePersonio } from '../../../src-main/fake-hr/personio';

/**
 * Seeds a data folder with one company of COUNT employees through the real core: a Personio fake with
 * generated people, companies.create, then companies.review (the first sync), exactly as the wizard
 * does. Run before browser mode starts on that folder:
 *   tsx tests/e2e/support/seed-large.ts <dataDir> [count]
 * Prints one JSON line: { companyId, name, created, ms }.
 */
export const LARGE_COMPANY = 'Big Retail plc';

async function main(): Promise<void> {
  const [dataDir, countArg] = process.argv.slice(2);
  if (!dataDir) throw new Error('Usage: seed-large.ts <dataDir> [count]');
  const count = Number(countArg ?? 50_000);
  const started = Date.now();
  const fake = await startFakePersonio({ people: generatePeople({ count, seed: 11 }) });
  const core = createCore({
    dataDir,
    secrets: new FileSecretStore(join(dataDir, 'credentials.json')),
    mode: 'cli',
    http: { rateLimit: { perMinute: 1e9 } },
  });
  try {
    const created = await core.invoke('companies.create', {
      name: LARGE_COMPANY,
      credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
      baseUrl: fake.baseUrl,
    });
    if (!created.ok) throw new Error(`companies.create: ${created.error.message}`);
    const companyId = created.value.id;
    const run = await core.invoke('companies.review', { companyId });
    if (!run.ok) throw new Error(`companies.review: ${run.error.message}`);
    if (run.value.status !== 'succeeded')
      throw new Error(`The first sync ${run.value.status}: ${run.value.error?.message ?? ''}`);
    // Park the company so browser mode never tries the (by then stopped) fake on a schedule.
    await core.invoke('settings.set', { companyId, patch: { paused: true } });
    process.stdout.write(
      `${JSON.stringify({ companyId, name: LARGE_COMPANY, created: run.value.counts.created, ms: Date.now() - started })}\n`,
    );
  } finally {
    await core.close();
    await fake.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
