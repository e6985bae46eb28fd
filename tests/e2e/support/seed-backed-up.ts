import { join } from 'node:path';
import { createCore } from '../../../src-main/core/app';
import { FileSecretStore } from '../../../src-main/core/secrets/file-secret-store';
import { damagePage } from '../../helpers/db-files';

/**
 * Seeds a data folder with the demo company after its first sync, parked (paused), and today's backup;
 * with `damaged`, a page in the middle of the database is then overwritten, as a failing disk or a bad
 * copy leaves it. Run before browser mode starts on that folder:
 *   tsx tests/e2e/support/seed-backed-up.ts <dataDir> [damaged]
 * Prints one JSON line: { companyId, backup, niNumbers } (a few of the company's NI numbers, to search for).
 */
async function main(): Promise<void> {
  const [dataDir, state] = process.argv.slice(2);
  if (!dataDir) throw new Error('Usage: seed-backed-up.ts <dataDir> [damaged]');
  const core = createCore({ dataDir, secrets: new FileSecretStore(join(dataDir, 'credentials.json')), mode: 'cli' });
  let out: { companyId: string; backup: string; niNumbers: string[] };
  try {
    const added = await core.invoke('companies.addDemo', {});
    if (!added.ok) throw new Error(added.error.message);
    const companyId = added.value.id;
    const run = await core.invoke('companies.review', { companyId });
    if (!run.ok || run.value.status !== 'succeeded') throw new Error('the first sync failed');
    await core.invoke('settings.set', { companyId, patch: { paused: true } });
    const backup = await core.backupIfDue();
    if (!backup) throw new Error('no backup was written');
    const niNumbers = core.reports
      .employees(companyId)
      .map((e) => e.fields.niNumber)
      .filter((n): n is string => typeof n === 'string')
      .slice(0, 20);
    out = { companyId, backup: backup.file, niNumbers };
  } finally {
    await core.close();
  }
  if (state === 'damaged') damagePage(join(dataDir, 'bureau-sync.sqlite'), 0.5);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
