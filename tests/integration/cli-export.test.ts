import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { parse, ROOT, runCli } from '../helpers/cli-process';
import { readCsv } from './export-helpers';

/**
 * `export` and `report pending` as a scheduled task or a clerk at a terminal runs them: the built CLI as its own
 * process, judged by exit code, stdout, stderr and the files it wrote (read back: papaparse for CSV, pdftotext
 * and a pdftoppm PNG for the PDF).
 */
const people = generatePeople({ count: 24, seed: 11 });
let fake: RunningFakePersonio;
let dataDir: string;
let out: string;
let id: string;
const employees: Array<{ name: string; readiness: string; state: string }> = [];

beforeAll(async () => {
  fake = await startFakePersonio({ people });
  dataDir = mkdtempSync(join(tmpdir(), 'cli-export-'));
  out = mkdtempSync(join(tmpdir(), 'cli-export-out-'));
  const add = await runCli(
    [
      'companies',
      'add',
      '--name',
      'Acme Payroll Ltd',
      '--provider',
      'personio',
      '--base-url',
      fake.baseUrl,
      '--client-id',
      PERSONIO_FAKE_CREDENTIALS.clientId,
      '--json',
    ],
    {
      dataDir,
      env: { BUREAU_SYNC_CLIENT_SECRET: PERSONIO_FAKE_CREDENTIALS.clientSecret },
    },
  );
  expect(add.code).toBe(0);
  id = parse<{ id: string }>(add).id;
  expect((await runCli(['sync', '--company', id, '--json'], { dataDir })).code).toBe(0);
  const list = parse<Array<{ readiness: string; state: string; fields: Record<string, string | null> }>>(
    await runCli(['employees', '--company', id, '--json'], { dataDir }),
  );
  for (const e of list)
    employees.push({ name: `${e.fields.firstName} ${e.fields.lastName}`, readiness: e.readiness, state: e.state });
});
afterAll(async () => {
  await fake.close();
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const current = () => employees.filter((e) => e.state === 'active' || e.state === 'leaver');

describe('export, as a process', () => {
  it('--format brightpay --out FILE --json: writes the file, prints counts, left-out Pending with reasons, path and hash; exit 0', async () => {
    const file = join(out, 'acme-brightpay.csv');
    const r = await runCli(['export', '--company', id, '--format', 'brightpay', '--out', file, '--json'], { dataDir });
    expect(r).toMatchObject({ code: 0, err: '' });
    const summary = parse<{
      file: string;
      sha256: string;
      employees: number;
      counts: { exported: number; pending: number; cannotHold: number };
      leftOut: Array<{ name: string; kind: string; reasons: string[] }>;
      user: string;
    }>(r);
    expect(summary.file).toBe(resolve(file));
    expect(summary.sha256).toBe(sha256(file));
    expect(summary.user).toBe(userInfo().username);
    const csv = readCsv(readFileSync(file));
    expect(csv.header.slice(0, 6)).toEqual([
      'Title',
      'Name',
      'Middle Name',
      'Surname',
      'Works Number',
      'National Insurance Number',
    ]);
    expect(csv.rows).toHaveLength(summary.employees);
    const pending = current().filter((e) => e.readiness === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    expect(summary.counts.pending).toBe(pending.length);
    expect(
      summary.leftOut
        .filter((l) => l.kind === 'pending')
        .map((l) => l.name)
        .sort(),
    ).toEqual(pending.map((e) => e.name).sort());
    for (const l of summary.leftOut) expect(l.reasons.length).toBeGreaterThan(0);
    const written = new Set(csv.rows.map((row) => `${row.Name} ${row.Surname}`));
    for (const p of pending) expect(written.has(p.name)).toBe(false);
    expect(summary.counts.exported + summary.counts.cannotHold).toBe(current().length - pending.length);
  });

  it('text output names the file, the hash and who was left out; --changes after it says nothing changed; history records both', async () => {
    const file = join(out, 'acme-sage.csv');
    const r = await runCli(['export', '--company', id, '--format', 'sage50', '--out', file], { dataDir });
    expect(r.code).toBe(0);
    expect(r.out).toContain(`to ${resolve(file)} (Sage 50 Payroll (Employee Details template))`);
    expect(r.out).toContain(`SHA-256 ${sha256(file)}`);
    expect(r.out).toMatch(/LEFT OUT \S+ .+ \(Pending\): /);
    expect(readCsv(readFileSync(file)).header[0]).toBe('Employee Reference');

    const changes = await runCli(
      ['export', '--company', id, '--format', 'staffology', '--changes', '--out', join(out, 'changes.csv'), '--json'],
      { dataDir },
    );
    expect(changes.code).toBe(0);
    expect(parse(changes)).toMatchObject({ nothingChanged: true, employees: 0, changesOnly: true });
    expect(readCsv(readFileSync(join(out, 'changes.csv'))).rows).toEqual([]);
    const text = await runCli(['export', 'changes', '--company', id], { dataDir });
    expect(text).toMatchObject({ code: 0, err: '' });
    expect(text.out).toMatch(/^Nothing has changed since the export of \d\d\/\d\d\/\d{4} \d\d:\d\d \(Staffology/);

    const history = parse<Array<{ format: string; changesOnly: boolean; user: string; sha256: string; path: string }>>(
      await runCli(['export', 'history', '--company', id, '--json'], { dataDir }),
    );
    expect(history.map((h) => [h.format, h.changesOnly])).toEqual([
      ['staffology', true],
      ['sage50', false],
      ['brightpay', false],
    ]);
    expect(history[1]).toMatchObject({ user: userInfo().username, sha256: sha256(file), path: resolve(file) });
  });

  it('bad usage exits 2 with the option named, and a file that cannot be written is not recorded as exported', async () => {
    const bad = await runCli(['export', '--company', id, '--format', 'quickbooks', '--out', join(out, 'x.csv')], {
      dataDir,
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format must be one of brightpay|sage50|staffology|custom|full');
    const noOut = await runCli(['export', '--company', id, '--format', 'brightpay'], { dataDir });
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out is required');
    const unknown = await runCli(
      ['export', '--company', 'nope', '--format', 'brightpay', '--out', join(out, 'y.csv'), '--json'],
      { dataDir },
    );
    expect(unknown.code).toBe(2);
    expect(parse<{ error: { code: string } }>(unknown).error.code).toBe('NOT_FOUND');
    const noLayout = await runCli(['export', '--company', id, '--format', 'custom', '--out', join(out, 'c.csv')], {
      dataDir,
    });
    expect(noLayout.code).toBe(2);
    expect(noLayout.err).toContain('has no custom CSV layout yet');

    const notCsv = await runCli(
      ['export', '--company', id, '--format', 'brightpay', '--out', join(out, 'settings.json')],
      { dataDir },
    );
    expect(notCsv.code).toBe(2);
    expect(notCsv.err).toContain('the file name must end in .csv');
    expect(existsSync(join(out, 'settings.json'))).toBe(false);

    const before = parse<unknown[]>(await runCli(['export', 'history', '--company', id, '--json'], { dataDir })).length;
    const nowhere = await runCli(
      ['export', '--company', id, '--format', 'brightpay', '--out', join(out, 'no-such-folder', 'x.csv')],
      { dataDir },
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/Cannot write .*no-such-folder.*Nothing was exported/);
    expect(parse<unknown[]>(await runCli(['export', 'history', '--company', id, '--json'], { dataDir })).length).toBe(
      before,
    );
  });
});

describe('export target, as a process', () => {
  it('sets a custom layout from a JSON file (refusing one that would lose the W1/M1 basis), and the custom file follows it', async () => {
    const none = await runCli(['export', 'target', '--company', id], { dataDir });
    expect(none).toMatchObject({ code: 0, err: '' });
    expect(none.out).toContain('No payroll software chosen yet');

    const bad = join(out, 'bad-layout.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'custom',
        customLayout: {
          columns: [
            { value: 'employeeId', header: 'Code' },
            { value: 'taxCodeOnly', header: 'Tax' },
          ],
        },
      }),
    );
    const refused = await runCli(['export', 'target', '--company', id, '--set', bad], { dataDir });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('week 1/month 1 codes would load as cumulative');

    const good = join(out, 'layout.json');
    const columns = [
      { value: 'employeeId', header: 'EmpRef' },
      { value: 'lastName', header: 'Surname' },
      { value: 'taxCodeOnly', header: 'TaxCode' },
      { value: 'taxCodeBasis', header: 'NonCumulative' },
      { value: 'startDate', header: 'Started' },
    ];
    writeFileSync(
      good,
      JSON.stringify({ format: 'custom', customLayout: { columns, dateStyle: 'dd/mm/yyyy', booleanStyle: '1/0' } }),
    );
    const set = await runCli(['export', 'target', '--company', id, '--set', good, '--json'], { dataDir });
    expect(set.code).toBe(0);
    expect(parse(set)).toMatchObject({ format: 'custom', customLayout: { columns, booleanStyle: '1/0' } });

    const file = join(out, 'custom.csv');
    const r = await runCli(['export', '--company', id, '--format', 'custom', '--out', file], { dataDir });
    expect(r.code).toBe(0);
    const csv = readCsv(readFileSync(file));
    expect(csv.header).toEqual(['EmpRef', 'Surname', 'TaxCode', 'NonCumulative', 'Started']);
    for (const row of csv.rows) {
      expect(row.NonCumulative).toMatch(/^[01]$/);
      expect(row.TaxCode).not.toMatch(/ (W1|M1|X)$/);
      expect(row.Started).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    }
  });
});

describe('report pending, as a process', () => {
  it('--out FILE.pdf: every Pending employee and no Ready one in the PDF text; no field keys or Personio ids; a PNG of page 1', async () => {
    const file = join(out, 'acme-pending.pdf');
    const r = await runCli(['report', 'pending', '--company', id, '--out', file, '--json'], { dataDir });
    expect(r).toMatchObject({ code: 0, err: '' });
    const pending = current().filter((e) => e.readiness === 'pending');
    expect(parse(r)).toMatchObject({ file: resolve(file), format: 'pdf', pending: pending.length });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Employees waiting for HR details');
    expect(text).toContain('Acme Payroll Ltd · Personio');
    for (const p of pending) expect(text).toContain(p.name);
    for (const e of current().filter((x) => x.readiness === 'ready')) expect(text).not.toContain(e.name);
    expect(text).toContain('Where to fix it: In Personio, open the employee');
    expect(text).not.toMatch(/dynamic_\d+|\b113\d{4}\b/);
    // The page as the HR contact will see it, kept with the test results to be looked at.
    const pngDir = join(ROOT, 'test-results', 'cli-pending-report');
    mkdirSync(pngDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', file, join(pngDir, 'page')]);
    expect(readdirSync(pngDir).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
  });

  it('--out FILE.csv: one row per problem, Pending employees only, formula-escaped, opens in Excel as UTF-8; a wrong ending exits 2', async () => {
    const file = join(out, 'acme-pending.csv');
    const r = await runCli(['report', 'pending', '--company', id, '--out', file], { dataDir });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*acme-pending\.csv: \d+ Pending employees/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csv = readCsv(bytes.subarray(3));
    expect(csv.header).toEqual([
      'Section',
      'Employee',
      'About them',
      'Detail',
      'Problem',
      'What Personio holds',
      'Where to fix it',
    ]);
    const pending = new Set(
      current()
        .filter((e) => e.readiness === 'pending')
        .map((e) => e.name),
    );
    expect(
      new Set(csv.rows.filter((x) => x.Section === 'Must be fixed before payroll').map((x) => x.Employee)),
    ).toEqual(pending);
    expect(bytes.toString('utf8')).not.toMatch(/dynamic_\d+/);
    const wrong = await runCli(['report', 'pending', '--company', id, '--out', join(out, 'x.txt')], { dataDir });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('end the file name with .pdf or .csv');
    expect(existsSync(join(out, 'x.txt'))).toBe(false);
  });
});
