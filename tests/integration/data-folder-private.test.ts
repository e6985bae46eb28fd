import { chmodSync, lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PERSONIO_FAKE_CREDENTIALS,
  startFakePersonio,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { parse, runCli, startCli } from '../helpers/cli-process';
import { modes } from '../helpers/db-files';

/**
 * Payroll data must not be readable by other accounts on the machine: after the command line has added a
 * company (storing its credentials), synced it (which also writes the day's backup) and restored a backup,
 * every folder in the data folder is 0700 and every file 0600, whatever the umask; and a data folder an
 * older version (or a copy) left 0755/0644 is put right at the next start. Linux and macOS only: Windows
 * keeps the data folder private through the user profile's access list.
 */
let fake: RunningFakePersonio;
beforeAll(async () => {
  fake = await startFakePersonio({ people: generatePeople({ count: 20, seed: 3 }) });
});
afterAll(async () => {
  await fake.close();
});

/** Every entry that is not private: what a failing test should print. */
const notPrivate = (dir: string) =>
  Object.fromEntries(
    Object.entries(modes(dir)).filter(
      ([path, mode]) => mode !== (lstatSync(join(dir, path)).isDirectory() ? '700' : '600'),
    ),
  );

describe.skipIf(process.platform === 'win32')('the data folder is private', () => {
  it('after a sync, its backup and a restore: folders 0700, files 0600 (database, -wal, -shm, backups, logs, credentials)', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'bureau-modes-')), 'Bureau Sync');
    const env = { BUREAU_SYNC_CLIENT_SECRET: PERSONIO_FAKE_CREDENTIALS.clientSecret };
    const add = await runCli(
      [
        'companies',
        'add',
        '--name',
        'Modes Ltd',
        '--provider',
        'personio',
        '--base-url',
        fake.baseUrl,
        '--client-id',
        PERSONIO_FAKE_CREDENTIALS.clientId,
        '--json',
      ],
      { dataDir, env },
    );
    expect(add.code).toBe(0);
    const { id } = parse<{ id: string }>(add);
    const sync = await runCli(['sync', '--company', id], { dataDir });
    expect(sync.code).toBe(0);

    const seen = modes(dataDir);
    // What there is to check: the database, the credentials, the log and the day's backup.
    expect(Object.keys(seen)).toEqual(
      expect.arrayContaining([
        '.',
        'bureau-sync.sqlite',
        'credentials.json',
        'logs',
        'logs/bureau-sync.log',
        'backups',
      ]),
    );
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([expect.stringMatching(/^daily-.+\.sqlite$/)]);
    expect(notPrivate(dataDir)).toEqual({});

    // The -wal and -shm exist only while the database is open: look while `run` keeps it open.
    const running = startCli(['run'], { dataDir });
    await running.waitFor(/running without a window/);
    expect(Object.keys(modes(dataDir))).toEqual(
      expect.arrayContaining(['bureau-sync.sqlite-wal', 'bureau-sync.sqlite-shm']),
    );
    expect(notPrivate(dataDir)).toEqual({});
    running.child.kill('SIGTERM');
    expect((await running.done).code).toBe(0);

    // A restore makes set-aside/<time>/ and puts a copied backup in place: private too.
    const backup = readdirSync(join(dataDir, 'backups'))[0]!;
    const restore = await runCli(['doctor', '--restore', backup], { dataDir });
    expect(restore.code).toBe(0);
    expect(readdirSync(join(dataDir, 'set-aside'))).toHaveLength(1);
    expect(notPrivate(dataDir)).toEqual({});
  });

  it('a data folder left readable by others is made private again when the app next starts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bureau-modes-'));
    const env = { BUREAU_SYNC_CLIENT_SECRET: PERSONIO_FAKE_CREDENTIALS.clientSecret };
    const add = await runCli(
      [
        'companies',
        'add',
        '--name',
        'Open Ltd',
        '--provider',
        'personio',
        '--base-url',
        fake.baseUrl,
        '--client-id',
        PERSONIO_FAKE_CREDENTIALS.clientId,
        '--json',
      ],
      { dataDir, env },
    );
    expect(add.code).toBe(0);
    expect((await runCli(['sync', '--company', parse<{ id: string }>(add).id], { dataDir })).code).toBe(0);
    // As an older version (or `cp -r` with a 022 umask) left it.
    for (const [path] of Object.entries(modes(dataDir)))
      chmodSync(join(dataDir, path), lstatSync(join(dataDir, path)).isDirectory() ? 0o755 : 0o644);
    expect(Object.values(modes(dataDir))).not.toContain('600');

    expect((await runCli(['companies', 'list'], { dataDir })).code).toBe(0);
    expect(notPrivate(dataDir)).toEqual({});
  });
});
