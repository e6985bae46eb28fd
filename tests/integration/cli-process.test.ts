import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FaultSwitches } from '../../src-main/fake-hr/faults';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { startFakePersonio, PERSONIO_FAKE_CREDENTIALS } from '../../src-main/fake-hr/personio';
import { startFakeHumaans, HUMAANS_DEMO_TOKEN } from '../../src-main/fake-hr/humaans';
import { startFakePeopleHR, PEOPLEHR_FAKE_API_KEY } from '../../src-main/fake-hr/peoplehr';
import { parse, runCli, type CliResult } from '../helpers/cli-process';

/**
 * The CLI as a scheduled task runs it: a process of its own, judged by its exit code, stdout and stderr
 * (docs/reference/cli.md: 0 success; 1 ran and failed, JSON still printed under --json; 2 bad usage
 * or input, the message on stderr). In-process calls cannot show these: there the test runner keeps the
 * loop alive, which is how every failure once exited 0 unseen.
 */

const people = generatePeople({ count: 24, seed: 11 });
const fakes: Array<{ close(): Promise<void> }> = [];
const faults: Record<string, FaultSwitches> = { personio: {}, humaans: {}, peoplehr: {} };
const urls: Record<string, string> = {};
let downUrl = '';

beforeAll(async () => {
  const p = await startFakePersonio({ people, faults: faults.personio });
  const h = await startFakeHumaans({ people, faults: faults.humaans });
  const ph = await startFakePeopleHR({ people, faults: faults.peoplehr });
  fakes.push(p, h, ph);
  urls.personio = p.baseUrl;
  urls.humaans = h.baseUrl;
  urls.peoplehr = ph.baseUrl;
  // An HR system that is down: every connection dropped unanswered. (A server closed for the purpose would free
  // its port for another test file's fake to take, which would then answer.)
  const down = await startFakePersonio({ people, faults: { dropConnection: { count: 1_000_000 } } });
  fakes.push(down);
  downUrl = down.baseUrl;
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

const newDir = (name: string) => mkdtempSync(join(tmpdir(), `cli-proc-${name}-`));
const errorOf = (r: CliResult) => parse<{ error: { code: string; message: string } }>(r).error;

/** Each vendor's secret, passed the way the README recommends first. */
const vendors = [
  {
    provider: 'personio',
    secret: PERSONIO_FAKE_CREDENTIALS.clientSecret,
    args: () => ['--client-id', PERSONIO_FAKE_CREDENTIALS.clientId],
    how: 'BUREAU_SYNC_CLIENT_SECRET',
    pass: (secret: string, dir: string) => ({
      args: [] as string[],
      env: { BUREAU_SYNC_CLIENT_SECRET: secret },
      input: undefined as string | undefined,
      dir,
    }),
  },
  {
    provider: 'humaans',
    secret: HUMAANS_DEMO_TOKEN,
    args: () => [] as string[],
    how: '--token-file',
    pass: (secret: string, dir: string) => {
      const file = join(dir, 'token.txt');
      writeFileSync(file, `${secret}\n`);
      chmodSync(file, 0o600);
      return { args: ['--token-file', file], env: {}, input: undefined as string | undefined, dir };
    },
  },
  {
    provider: 'peoplehr',
    secret: PEOPLEHR_FAKE_API_KEY,
    args: () => [] as string[],
    how: '--secret-stdin',
    pass: (secret: string, dir: string) => ({ args: ['--secret-stdin'], env: {}, input: `${secret}\n`, dir }),
  },
] as const;

type Vendor = (typeof vendors)[number];

async function addCompany(
  v: Vendor,
  dataDir: string,
  secret: string = v.secret,
  baseUrl = urls[v.provider]!,
): Promise<CliResult> {
  const p = v.pass(secret, dataDir);
  return runCli(
    [
      'companies',
      'add',
      '--name',
      `${v.provider} client`,
      '--provider',
      v.provider,
      '--base-url',
      baseUrl,
      ...v.args(),
      ...p.args,
      '--json',
    ],
    {
      dataDir,
      env: p.env,
      input: p.input,
    },
  );
}

describe.concurrent.each(vendors)('the CLI process against the $provider fake', (v) => {
  it(`companies add takes the secret from ${v.how}, prints the id and never the secret; then every read command answers, exit 0`, async () => {
    const dataDir = newDir(v.provider);
    const add = await addCompany(v, dataDir);
    expect(add.err).toBe('');
    expect(add.code).toBe(0);
    const { id } = parse<{ id: string }>(add);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(add.out + add.err).not.toContain(v.secret);

    const list = await runCli(['companies', 'list', '--json'], { dataDir });
    expect(list).toMatchObject({ code: 0, err: '' });
    expect(parse<Array<{ id: string; lastSuccessfulSyncAt: string | null }>>(list)).toEqual([
      expect.objectContaining({ id, lastSuccessfulSyncAt: null }),
    ]);

    const fields = await runCli(['fields', '--company', id, '--json'], { dataDir });
    expect(fields.code).toBe(0);
    expect(parse<Array<{ key: string }>>(fields).length).toBeGreaterThan(5);

    const mapping = await runCli(['mapping', '--company', id, '--json'], { dataDir });
    expect(mapping.code).toBe(0);
    expect(Object.keys(parse<Record<string, unknown>>(mapping))).toContain('niNumber');

    const preview = await runCli(['preview', '--company', id, '--json'], { dataDir });
    expect(preview.code).toBe(0);
    expect(parse<{ included: number; excluded: number }>(preview)).toMatchObject({
      included: people.length,
      excluded: 0,
    });

    for (const verb of ['filters', 'settings', 'employees', 'history', 'changes']) {
      const r = await runCli([verb, '--company', id, '--json'], { dataDir });
      expect({ verb, code: r.code, err: r.err }).toEqual({ verb, code: 0, err: '' });
      expect(() => parse(r)).not.toThrow();
    }
  });

  it('sync: the first finishes set-up and reads everyone; --scheduled with nothing changed writes nothing; one employee; exit 0', async () => {
    const dataDir = newDir(`${v.provider}-sync`);
    const { id } = parse<{ id: string }>(await addCompany(v, dataDir));
    const first = await runCli(['sync', '--company', id, '--json'], { dataDir });
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(parse(first)).toMatchObject({ status: 'succeeded', trigger: 'first', created: people.length });

    const hourly = await runCli(['sync', '--company', id, '--scheduled', '--json'], { dataDir });
    expect(hourly.code).toBe(0);
    expect(parse(hourly)).toMatchObject({ status: 'succeeded', trigger: 'scheduled', created: 0, updated: 0 });

    const full = await runCli(['sync', '--company', id], { dataDir });
    expect(full.code).toBe(0);
    expect(full.out).toMatch(/^Sync [0-9a-f-]{36}: succeeded\. Created 0, updated 0/);

    const emps = parse<Array<{ externalId: string }>>(
      await runCli(['employees', '--company', id, '--json'], { dataDir }),
    );
    expect(emps).toHaveLength(people.length);
    const one = await runCli(['sync', '--company', id, '--employee', emps[0]!.externalId, '--json'], { dataDir });
    expect(one.code).toBe(0);
    expect(parse(one)).toMatchObject({ status: 'succeeded', trigger: 'employee' });

    const history = parse<Array<{ trigger: string; status: string }>>(
      await runCli(['history', '--company', id, '--json'], { dataDir }),
    );
    expect(history.map((h) => h.trigger)).toEqual(['employee', 'cli', 'scheduled', 'first']);
  });

  it('companies add with wrong credentials: exit 1, AUTH_FAILED as JSON on stdout, the message on stderr, nothing stored', async () => {
    const dataDir = newDir(`${v.provider}-auth`);
    const r = await addCompany(v, dataDir, `${v.secret}-wrong`);
    expect(r.code).toBe(1);
    expect(errorOf(r).code).toBe('AUTH_FAILED');
    expect(r.err).toMatch(/^Error: .+/);
    expect(r.out + r.err).not.toContain(v.secret);
    expect(parse<unknown[]>(await runCli(['companies', 'list', '--json'], { dataDir }))).toEqual([]);
  });
});

describe.concurrent('the CLI process: failures that ran (exit 1)', () => {
  it('companies add while the HR system is down: exit 1, HR_UNREACHABLE, nothing stored', async () => {
    const dataDir = newDir('down');
    const r = await addCompany(vendors[0], dataDir, vendors[0].secret, downUrl);
    expect(r.code).toBe(1);
    expect(errorOf(r).code).toBe('HR_UNREACHABLE');
    expect(r.err).toContain('Could not reach Personio');
    expect(parse<unknown[]>(await runCli(['companies', 'list', '--json'], { dataDir }))).toEqual([]);
  });

  it('a sync that fails prints its run (status failed, with the error) and exits 1, in text and JSON alike', async () => {
    const dataDir = newDir('failed-sync');
    const humaansFaults: FaultSwitches = {};
    const fake = await startFakeHumaans({ people, faults: humaansFaults });
    fakes.push(fake);
    const { id } = parse<{ id: string }>(
      await runCli(
        ['companies', 'add', '--name', 'Failing Ltd', '--provider', 'humaans', '--base-url', fake.baseUrl, '--json'],
        { dataDir, env: { BUREAU_SYNC_TOKEN: HUMAANS_DEMO_TOKEN } },
      ),
    );
    expect((await runCli(['sync', '--company', id], { dataDir })).code).toBe(0);
    humaansFaults.dropConnection = { count: 1_000_000 };
    const json = await runCli(['sync', '--company', id, '--json'], { dataDir });
    expect(json.code).toBe(1);
    expect(parse(json)).toMatchObject({ status: 'failed', trigger: 'cli', error: { code: 'HR_UNREACHABLE' } });
    const text = await runCli(['sync', '--company', id, '--scheduled'], { dataDir });
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^Sync [0-9a-f-]{36}: failed\. Could not reach Humaans/);
    expect(
      parse<Array<{ status: string }>>(await runCli(['history', '--company', id, '--json'], { dataDir })).map(
        (h) => h.status,
      ),
    ).toEqual(['failed', 'failed', 'succeeded']);
  });

  it('sync --all runs every company in turn, one line or JSON entry each, and exits 1 when one failed', async () => {
    const dataDir = newDir('all');
    const env = { BUREAU_SYNC_CLIENT_SECRET: PERSONIO_FAKE_CREDENTIALS.clientSecret };
    const personioFaults: FaultSwitches = {};
    const failing = await startFakePersonio({ people, faults: personioFaults });
    fakes.push(failing);
    const add = async (name: string, url: string) =>
      parse<{ id: string }>(
        await runCli(
          [
            'companies',
            'add',
            '--name',
            name,
            '--provider',
            'personio',
            '--base-url',
            url,
            '--client-id',
            PERSONIO_FAKE_CREDENTIALS.clientId,
            '--json',
          ],
          { dataDir, env },
        ),
      ).id;
    const good = await add('Alpha Ltd', urls.personio!);
    const bad = await add('Beta Ltd', failing.baseUrl);
    const notSetUp = await add('Gamma Ltd', urls.personio!);
    for (const id of [good, bad]) expect((await runCli(['sync', '--company', id], { dataDir })).code).toBe(0);

    const ok = await runCli(['sync', '--all', '--scheduled'], { dataDir });
    expect(ok.code).toBe(0);
    const lines = ok.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^Alpha Ltd \\(${good}\\): sync [0-9a-f-]{36}: succeeded\\.`));
    expect(lines[1]).toMatch(/^Beta Ltd .*: succeeded\./);
    expect(lines[2]).toMatch(/^Gamma Ltd .*: skipped\. Set-up not finished/);

    personioFaults.malformedJson = { count: 1000 };
    const r = await runCli(['sync', '--all', '--json'], { dataDir });
    expect(r.code).toBe(1);
    const entries =
      parse<Array<{ companyId: string; name: string; status: string; trigger?: string; error?: { code: string } }>>(r);
    expect(entries.map((e) => [e.name, e.status])).toEqual([
      ['Alpha Ltd', 'succeeded'],
      ['Beta Ltd', 'failed'],
      ['Gamma Ltd', 'succeeded'],
    ]);
    expect(entries[1]!.error?.code).toBe('HR_ERROR');
    // Without --scheduled, a company not yet set up finishes its set-up, as `sync --company` does.
    expect(entries[2]).toMatchObject({ companyId: notSetUp, trigger: 'first' });
  });
});

describe.concurrent('the CLI process: bad usage and bad input (exit 2, the message on stderr)', () => {
  const dataDir = newDir('usage');
  let id = '';
  beforeAll(async () => {
    id = parse<{ id: string }>(
      await runCli(
        [
          'companies',
          'add',
          '--name',
          'Usage Ltd',
          '--provider',
          'personio',
          '--base-url',
          urls.personio!,
          '--client-id',
          PERSONIO_FAKE_CREDENTIALS.clientId,
          '--json',
        ],
        { dataDir, env: { BUREAU_SYNC_CLIENT_SECRET: PERSONIO_FAKE_CREDENTIALS.clientSecret } },
      ),
    ).id;
  });

  it('an unknown company, for every command that takes one: exit 2, NOT_FOUND as JSON', async () => {
    for (const verb of [
      'fields',
      'mapping',
      'filters',
      'settings',
      'preview',
      'sync',
      'employees',
      'history',
      'changes',
    ]) {
      const r = await runCli([verb, '--company', 'no-such-company', '--json'], { dataDir });
      expect({ verb, code: r.code }).toEqual({ verb, code: 2 });
      expect(errorOf(r).code).toBe('NOT_FOUND');
      expect(r.err).toContain('No company has the ID "no-such-company"');
    }
  });

  it('a --set file that is missing, not JSON, or breaks the rules: exit 2 naming the file, nothing changed', async () => {
    const before = (await runCli(['mapping', '--company', id, '--json'], { dataDir })).out;
    const missing = await runCli(['mapping', '--company', id, '--set', join(dataDir, 'nope.json')], { dataDir });
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toContain('nope.json: cannot read this file');
    const broken = join(dataDir, 'broken.json');
    writeFileSync(broken, '{ "firstName": ');
    for (const verb of ['mapping', 'filters', 'settings']) {
      const r = await runCli([verb, '--company', id, '--set', broken], { dataDir });
      expect({ verb, code: r.code }).toEqual({ verb, code: 2 });
      expect(r.err).toMatch(/broken\.json: not valid JSON/);
    }
    const wrong = join(dataDir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ shoeSize: 'first_name' }));
    const invalid = await runCli(['mapping', '--company', id, '--set', wrong, '--json'], { dataDir });
    expect(invalid.code).toBe(2);
    expect(errorOf(invalid).code).toBe('VALIDATION');
    writeFileSync(wrong, JSON.stringify({ frequencyMinutes: 1 }));
    const settings = await runCli(['settings', '--company', id, '--set', wrong], { dataDir });
    expect(settings.code).toBe(2);
    expect(settings.err).toMatch(/15 minutes/);
    expect((await runCli(['mapping', '--company', id, '--json'], { dataDir })).out).toBe(before);
  });

  it('options the CLI does not know, missing or contradictory: exit 2, saying which', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['companies', 'list', '--frobnicate'], /Unknown option '--frobnicate'/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['companies', 'rename'], /Use `companies add …`/],
      [['sync'], /--company is required/],
      [['sync', '--all', '--company', 'x'], /--all syncs every company/],
      [['sync', '--company', 'x', '--employee', 'y', '--scheduled'], /--scheduled is for whole companies/],
      [['companies', 'add', '--name', 'X', '--provider', 'sage'], /--provider must be one of/],
      [
        ['companies', 'add', '--name', 'X', '--provider', 'humaans'],
        /access token is needed, and it is missing: set BUREAU_SYNC_TOKEN/,
      ],
      [
        ['companies', 'add', '--name', 'X', '--provider', 'humaans', '--token', 'a', '--secret-stdin'],
        /one way only: --secret-stdin and --token/,
      ],
      [
        ['companies', 'add', '--name', 'X', '--provider', 'peoplehr', '--api-key-file', join(dataDir, 'no-key.txt')],
        /no-key\.txt: cannot read this file/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { dataDir });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
    const json = await runCli(['sync', '--json'], { dataDir });
    expect(json.code).toBe(2);
    expect(errorOf(json)).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/--company is required/),
    });
  });

  it('a secret typed as an argument still works, with a one-line warning on stderr that does not repeat it', async () => {
    const dir = newDir('inline');
    const r = await runCli(
      [
        'companies',
        'add',
        '--name',
        'Inline Ltd',
        '--provider',
        'humaans',
        '--base-url',
        urls.humaans!,
        '--token',
        HUMAANS_DEMO_TOKEN,
        '--json',
      ],
      { dataDir: dir },
    );
    expect(r.code).toBe(0);
    const warning = r.err.trim().split('\n');
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatch(/^Warning: --token puts the secret where other users of this computer can see it/);
    expect(r.out + r.err).not.toContain(HUMAANS_DEMO_TOKEN);
    const stored = new Database(join(dir, 'bureau-sync.sqlite'), { readonly: true });
    try {
      // The secret sits in the credentials file (0600), never in the database.
      expect(JSON.stringify(stored.prepare('SELECT * FROM companies').all())).not.toContain(HUMAANS_DEMO_TOKEN);
    } finally {
      stored.close();
    }
  });
});

describe.concurrent('npm run --silent cli', () => {
  it('prints only the command output and passes every exit code through (0, 1, 2)', async () => {
    const dataDir = newDir('npm');
    const empty = await runCli(['companies', 'list', '--json'], { dataDir, via: 'npm' });
    expect(empty).toMatchObject({ code: 0, out: '[]\n', err: '' });
    const auth = await runCli(
      [
        'companies',
        'add',
        '--name',
        'X',
        '--provider',
        'peoplehr',
        '--base-url',
        urls.peoplehr!,
        '--secret-stdin',
        '--json',
      ],
      { dataDir, via: 'npm', input: 'not-the-key' },
    );
    expect(auth.code).toBe(1);
    expect(errorOf(auth).code).toBe('AUTH_FAILED');
    const usage = await runCli(['sync'], { dataDir, via: 'npm' });
    expect(usage).toMatchObject({ code: 2, out: '' });
    expect(usage.err).toMatch(/--company is required/);
  });
});
