import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src-main/cli/index';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { startFakePersonio, PERSONIO_FAKE_CREDENTIALS } from '../../src-main/fake-hr/personio';
import { startFakeHumaans, HUMAANS_DEMO_TOKEN } from '../../src-main/fake-hr/humaans';
import { startFakePeopleHR, PEOPLEHR_FAKE_API_KEY } from '../../src-main/fake-hr/peoplehr';

/** Runs the real CLI in-process and captures what it prints and its exit code. */
async function cli(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main([...args, '--data-dir', dataDir]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const json = <T>(r: { out: string }) => JSON.parse(r.out) as T;

const people = generatePeople({ count: 30, seed: 7 });
const fakes: Array<{ close(): Promise<void> }> = [];
let personio: { baseUrl: string };
let humaans: { baseUrl: string };
let peoplehr: { baseUrl: string };

beforeAll(async () => {
  personio = await startFakePersonio({ people });
  humaans = await startFakeHumaans({ people });
  peoplehr = await startFakePeopleHR({ people });
  fakes.push(personio as never, humaans as never, peoplehr as never);
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

const vendors = [
  {
    provider: 'personio',
    creds: () => [
      '--client-id',
      PERSONIO_FAKE_CREDENTIALS.clientId,
      '--client-secret',
      PERSONIO_FAKE_CREDENTIALS.clientSecret,
    ],
    url: () => personio.baseUrl,
    nameKey: 'first_name',
  },
  {
    provider: 'humaans',
    creds: () => ['--token', HUMAANS_DEMO_TOKEN],
    url: () => humaans.baseUrl,
    nameKey: 'firstName',
  },
  {
    provider: 'peoplehr',
    creds: () => ['--api-key', PEOPLEHR_FAKE_API_KEY],
    url: () => peoplehr.baseUrl,
    nameKey: 'FirstName',
  },
];

describe.each(vendors)('CLI against the $provider fake', ({ provider, creds, url, nameKey }) => {
  const dataDir = mkdtempSync(join(tmpdir(), `cli-${provider}-`));
  let id = '';

  it('companies add checks the credentials and stores the company, not yet synced', async () => {
    const r = await cli(
      dataDir,
      'companies',
      'add',
      '--name',
      `${provider} client`,
      '--provider',
      provider,
      '--base-url',
      url(),
      ...creds(),
      '--json',
    );
    expect(r.code).toBe(0);
    id = json<{ id: string }>(r).id;
    expect(id).toMatch(/[0-9a-f-]{36}/);
    // Secrets given on the command line are never printed back.
    for (const secret of creds().filter((_, i) => i % 2 === 1)) expect(r.out + r.err).not.toContain(secret);
    const list = json<Array<{ id: string; lastSuccessfulSyncAt: string | null; counts: { ready: number } }>>(
      await cli(dataDir, 'companies', 'list', '--json'),
    );
    expect(list.find((c) => c.id === id)).toMatchObject({ lastSuccessfulSyncAt: null, counts: { ready: 0 } });
  });

  it('fields lists the catalogue with key, label, type and sample', async () => {
    const r = await cli(dataDir, 'fields', '--company', id, '--json');
    expect(r.code).toBe(0);
    const fields = json<Array<{ key: string; label: string; type: string; sample: string | null }>>(r);
    const first = fields.find((f) => f.key === nameKey);
    expect(first).toBeDefined();
    expect(first!.label.length).toBeGreaterThan(0);
    expect(fields.some((f) => f.sample !== null)).toBe(true);
  });

  it('companies add with wrong credentials exits 1 with AUTH_FAILED as JSON and stores nothing', async () => {
    const bad = creds().map((v, i) => (i % 2 === 1 ? `${v}-wrong` : v));
    const r = await cli(
      dataDir,
      'companies',
      'add',
      '--name',
      'Bad',
      '--provider',
      provider,
      '--base-url',
      url(),
      ...bad,
      '--json',
    );
    expect(r.code).toBe(1);
    expect(json<{ error: { code: string } }>(r).error.code).toBe('AUTH_FAILED');
    const list = json<unknown[]>(await cli(dataDir, 'companies', 'list', '--json'));
    expect(list).toHaveLength(1);
  });

  it('mapping --set and settings --set apply, then sync, employees, history and changes work end to end', async () => {
    if (provider === 'peoplehr') {
      // PeopleHR keeps tax code and NI category in the API columns the bureau chose; the user maps them.
      const file = join(dataDir, 'mapping.json');
      writeFileSync(file, JSON.stringify({ taxCode: 'APIColumn1', niCategory: 'APIColumn2' }));
      const m = json<Record<string, string | null>>(
        await cli(dataDir, 'mapping', '--company', id, '--set', file, '--json'),
      );
      expect(m).toMatchObject({ taxCode: 'APIColumn1', niCategory: 'APIColumn2', firstName: 'FirstName' });
      expect(Object.keys(m)).toContain('salary');
    }
    const settingsFile = join(dataDir, 'settings.json');
    writeFileSync(settingsFile, JSON.stringify({ defaults: { paymentFrequency: 'Monthly' } }));
    const settings = json<{ defaults: Record<string, string> }>(
      await cli(dataDir, 'settings', '--company', id, '--set', settingsFile, '--json'),
    );
    expect(settings.defaults.paymentFrequency).toBe('monthly');
    const s = await cli(dataDir, 'sync', '--company', id, '--json');
    expect(s.code).toBe(0);
    const run = json<{ status: string; created: number; trigger: string }>(s);
    // A company added from the command line finishes its set-up with its first sync, as the wizard's review does.
    expect(run).toMatchObject({ status: 'succeeded', created: people.length, trigger: 'first' });
    const emps = json<
      Array<{
        externalId: string;
        readiness: string;
        state: string;
        fields: Record<string, unknown>;
        problems: unknown[];
      }>
    >(await cli(dataDir, 'employees', '--company', id, '--json'));
    expect(emps).toHaveLength(people.length);
    expect(new Set(emps.map((e) => e.readiness))).toEqual(new Set(['ready', 'pending']));
    const hist = json<Array<{ status: string }>>(await cli(dataDir, 'history', '--company', id, '--json'));
    expect(hist[0]!.status).toBe('succeeded');
    const one = await cli(dataDir, 'sync', '--company', id, '--employee', emps[0]!.externalId, '--json');
    expect(json<{ status: string; trigger: string }>(one)).toMatchObject({ status: 'succeeded', trigger: 'employee' });
    expect((await cli(dataDir, 'changes', '--company', id, '--json')).code).toBe(0);
  });
});

describe('CLI usage errors', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-usage-'));

  it('exits 2 naming the missing option', async () => {
    const r = await cli(dataDir, 'companies', 'add', '--provider', 'demo');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--name/);
  });

  it('exits 2 for an unknown company, with a JSON error', async () => {
    const r = await cli(dataDir, 'employees', '--company', 'nope', '--json');
    expect(r.code).toBe(2);
    expect(json<{ error: { code: string } }>(r).error.code).toBe('NOT_FOUND');
  });

  it('exits 2 for a --set file that is not JSON, naming the file, and changes nothing', async () => {
    const { id } = json<{ id: string }>(
      await cli(dataDir, 'companies', 'add', '--name', 'Demo', '--provider', 'demo', '--json'),
    );
    const before = await cli(dataDir, 'mapping', '--company', id, '--json');
    const file = join(dataDir, 'mapping.json');
    writeFileSync(file, '{ not json');
    const r = await cli(dataDir, 'mapping', '--company', id, '--set', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('mapping.json');
    expect((await cli(dataDir, 'mapping', '--company', id, '--json')).out).toBe(before.out);
  });

  it('companies remove needs the name typed out, then deletes the company', async () => {
    const { id } = json<{ id: string }>(
      await cli(dataDir, 'companies', 'add', '--name', 'Leaving Ltd', '--provider', 'demo', '--json'),
    );
    const missing = await cli(dataDir, 'companies', 'remove', '--company', id);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--confirm/);
    const wrong = await cli(dataDir, 'companies', 'remove', '--company', id, '--confirm', 'Leaving', '--json');
    expect(wrong.code).toBe(2);
    expect(json<{ error: { code: string; message: string } }>(wrong).error.message).toContain('“Leaving Ltd”');
    const done = await cli(dataDir, 'companies', 'remove', '--company', id, '--confirm', 'Leaving Ltd');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/^Removed Leaving Ltd: 0 employees, 0 sync runs and 0 payslip delivery records deleted\./);
    const list = json<Array<{ id: string }>>(await cli(dataDir, 'companies', 'list', '--json'));
    expect(list.map((c) => c.id)).not.toContain(id);
  });

  it('exits 2 when a mapping names an unknown payroll field', async () => {
    const { id } = json<Array<{ id: string }>>(await cli(dataDir, 'companies', 'list', '--json'))[0]!;
    const file = join(dataDir, 'bad-mapping.json');
    writeFileSync(file, JSON.stringify({ shoeSize: 'first_name' }));
    const r = await cli(dataDir, 'mapping', '--company', id, '--set', file, '--json');
    expect(r.code).toBe(2);
    expect(json<{ error: { code: string } }>(r).error.code).toBe('VALIDATION');
  });

  it('filters --set replaces the filters and preview says who is in and out, and why, writing nothing', async () => {
    const { id } = json<Array<{ id: string }>>(await cli(dataDir, 'companies', 'list', '--json'))[0]!;
    const file = join(dataDir, 'filters.json');
    writeFileSync(
      file,
      JSON.stringify([{ mode: 'exclude', field: 'employment_type', operator: 'is', values: ['external'] }]),
    );
    const set = await cli(dataDir, 'filters', '--company', id, '--set', file, '--json');
    expect(set.code).toBe(0);
    expect(json<unknown[]>(set)).toHaveLength(1);
    const p = json<{
      included: number;
      excluded: number;
      employees: Array<{ externalId: string; name: string; included: boolean; reason: string }>;
    }>(await cli(dataDir, 'preview', '--company', id, '--json'));
    expect(p.excluded).toBeGreaterThan(0);
    expect(p.included + p.excluded).toBe(p.employees.length);
    const out = p.employees.find((e) => !e.included)!;
    expect(out.reason).toMatch(/external/);
    expect(json<unknown[]>(await cli(dataDir, 'history', '--company', id, '--json'))).toHaveLength(0);
    // A filters file that breaks the rules is refused with exit 2 and changes nothing.
    writeFileSync(file, JSON.stringify([{ mode: 'sometimes', field: 'x', operator: 'is', values: [] }]));
    expect((await cli(dataDir, 'filters', '--company', id, '--set', file)).code).toBe(2);
    expect(json<unknown[]>(await cli(dataDir, 'filters', '--company', id, '--json'))).toHaveLength(1);
  });

  it('a paused company is reported as skipped and exits 0', async () => {
    const { id } = json<Array<{ id: string }>>(await cli(dataDir, 'companies', 'list', '--json'))[0]!;
    const file = join(dataDir, 'pause.json');
    writeFileSync(file, JSON.stringify({ paused: true }));
    expect((await cli(dataDir, 'settings', '--company', id, '--set', file)).code).toBe(0);
    const r = await cli(dataDir, 'sync', '--company', id, '--json');
    expect(r.code).toBe(0);
    expect(json<{ status: string }>(r).status).toBe('skipped');
  });
});
