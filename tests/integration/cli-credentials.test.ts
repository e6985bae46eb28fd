import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { startFakeHumaans, HUMAANS_DEMO_TOKEN, type FakeHumaans } from '../../src-main/fake-hr/humaans';
import { startFakePeopleHR, PEOPLEHR_FAKE_API_KEY, type FakePeopleHR } from '../../src-main/fake-hr/peoplehr';
import { parse, runCli, type CliResult } from '../helpers/cli-process';

/**
 * `companies credentials` as a scheduled task's operator runs it after rotating a key: a process of its own,
 * judged by exit code and output. The fakes revoke the old secret the way each vendor does; a wrong new
 * secret is refused (exit 1) and the stored one kept byte for byte; the right one is stored and the next sync
 * succeeds. No secret, old or new, is ever printed.
 */
const people = generatePeople({ count: 12, seed: 5 });
let personio: RunningFakePersonio;
let humaans: FakeHumaans;
let peoplehr: FakePeopleHR;
beforeAll(async () => {
  personio = await startFakePersonio({ people });
  humaans = await startFakeHumaans({ people });
  peoplehr = await startFakePeopleHR({ people });
});
afterAll(async () => {
  await Promise.all([personio?.close(), humaans?.close(), peoplehr?.close()]);
});

interface Vendor {
  provider: 'personio' | 'humaans' | 'peoplehr';
  baseUrl(): string;
  old: string;
  next: string;
  /** The options and environment that hand the CLI this secret (each vendor a different recommended way). */
  give(secret: string, dir: string): { args: string[]; env: Record<string, string>; input?: string };
  rotate(): void;
}

const NEW_PERSONIO = 'personio-secret-rotated-7f3a';
const NEW_HUMAANS = 'humaans-token-rotated-91bd';
const NEW_PEOPLEHR = 'peoplehr-key-rotated-c0de-4e1f';

const vendors: Vendor[] = [
  {
    provider: 'personio',
    baseUrl: () => personio.baseUrl,
    old: PERSONIO_FAKE_CREDENTIALS.clientSecret,
    next: NEW_PERSONIO,
    give: (secret) => ({
      args: ['--client-id', PERSONIO_FAKE_CREDENTIALS.clientId],
      env: { BUREAU_SYNC_CLIENT_SECRET: secret },
    }),
    rotate: () => personio.setCredentials({ clientId: PERSONIO_FAKE_CREDENTIALS.clientId, clientSecret: NEW_PERSONIO }),
  },
  {
    provider: 'humaans',
    baseUrl: () => humaans.baseUrl,
    old: HUMAANS_DEMO_TOKEN,
    next: NEW_HUMAANS,
    give: (secret, dir) => {
      const file = join(dir, `token-${secret.length}-${Math.random().toString(36).slice(2)}.txt`);
      writeFileSync(file, `${secret}\n`);
      chmodSync(file, 0o600);
      return { args: ['--token-file', file], env: {} };
    },
    rotate: () => humaans.rotateToken(NEW_HUMAANS),
  },
  {
    provider: 'peoplehr',
    baseUrl: () => peoplehr.baseUrl,
    old: PEOPLEHR_FAKE_API_KEY,
    next: NEW_PEOPLEHR,
    give: (secret) => ({ args: ['--secret-stdin'], env: {}, input: `${secret}\n` }),
    rotate: () => {
      peoplehr.keys[NEW_PEOPLEHR] = { ...peoplehr.keys[PEOPLEHR_FAKE_API_KEY]! };
      delete peoplehr.keys[PEOPLEHR_FAKE_API_KEY];
    },
  },
];

const noSecretIn = (r: CliResult, ...secrets: string[]) => {
  for (const s of secrets) expect(r.out + r.err).not.toContain(s);
};

describe.each(vendors)('companies credentials against the $provider fake', (v) => {
  it('a rotated key fails the sync; a wrong new key is refused (exit 1, old kept); the right one is stored and the next sync succeeds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `cli-cred-${v.provider}-`));
    const run = (args: string[], secret?: string) => {
      const g = secret === undefined ? { args: [], env: {} } : v.give(secret, dataDir);
      return runCli([...args, ...g.args], { dataDir, env: g.env, input: g.input });
    };
    const add = await run(
      [
        'companies',
        'add',
        '--name',
        `${v.provider} rotating`,
        '--provider',
        v.provider,
        '--base-url',
        v.baseUrl(),
        '--json',
      ],
      v.old,
    );
    expect(add.code).toBe(0);
    const { id } = parse<{ id: string }>(add);
    expect((await run(['sync', '--company', id, '--json'])).code).toBe(0);

    v.rotate();
    const failing = await run(['sync', '--company', id, '--json']);
    expect(failing.code).toBe(1);
    expect(parse<{ status: string; error: { code: string } }>(failing)).toMatchObject({
      status: 'failed',
      error: { code: 'AUTH_FAILED' },
    });

    const store = join(dataDir, 'credentials.json');
    const before = readFileSync(store);
    const wrong = await run(['companies', 'credentials', '--company', id, '--json'], `${v.next}-typo`);
    expect(wrong.code).toBe(1);
    const refused = parse<{ error: { code: string; message: string } }>(wrong).error;
    expect(refused.code).toBe('AUTH_FAILED');
    expect(refused.message).toContain('The credentials stored before are still in use; nothing was changed.');
    expect(readFileSync(store).equals(before)).toBe(true);
    noSecretIn(wrong, v.old, v.next);

    const right = await run(['companies', 'credentials', '--company', id, '--json'], v.next);
    expect(right.err).toBe('');
    expect(right.code).toBe(0);
    expect(parse(right)).toMatchObject({ id, replaced: true });
    noSecretIn(right, v.old, v.next);
    expect(readFileSync(store).equals(before)).toBe(false);
    expect(statSync(store).mode & 0o777).toBe(0o600);

    const history = parse<Array<{ trigger: string; status: string }>>(
      await run(['history', '--company', id, '--json']),
    );
    // The replacement started a sync (recorded as a settings change), which succeeded with the new key.
    expect(history[0]).toMatchObject({ trigger: 'settings', status: 'succeeded' });
    const next = await run(['sync', '--company', id, '--json']);
    expect(next.code).toBe(0);
    expect(parse(next)).toMatchObject({ status: 'succeeded' });
  });
});

describe('companies credentials: usage', () => {
  it('without --company, or with --provider, is bad usage (exit 2) and changes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cli-cred-usage-'));
    const none = await runCli(['companies', 'credentials'], { dataDir, env: { BUREAU_SYNC_TOKEN: 'x' } });
    expect(none.code).toBe(2);
    expect(none.err).toContain('--company is required');
    const withProvider = await runCli(['companies', 'credentials', '--company', 'abc', '--provider', 'humaans'], {
      dataDir,
      env: { BUREAU_SYNC_TOKEN: 'x' },
    });
    expect(withProvider.code).toBe(2);
    expect(withProvider.err).toContain('--provider is not needed');
    const help = await runCli(['--help'], { dataDir });
    expect(help.out).toContain('companies credentials --company ID');
  });
});
