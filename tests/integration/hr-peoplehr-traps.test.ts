import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src-main/core/ports';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { TODAY, clientFor, listAll, usePeopleHRFakes, readWhole } from '../helpers/peoplehr';

// One test per trap in docs/hris/peoplehr.md §12, named after it, over real HTTP to the fake.
const start = usePeopleHRFakes();

const people = (count: number, seed = 7) => generatePeople({ count, seed, today: TODAY });

describe('PeopleHR traps a naive client falls into', () => {
  it('trap 1 wrong URLs: every action is POSTed to /Employee or /Salary under the configured base URL', async () => {
    const fake = await start({ people: people(4), basePath: '/tenant-api' });
    const client = clientFor(fake, { baseUrl: `${fake.baseUrl}/tenant-api` });
    await client.checkCredentials();
    const { records } = await listAll(client, true);
    await client.getEmployee(records[0]!.externalId, { includeSalaries: true });
    expect(fake.log.length).toBeGreaterThan(0);
    for (const entry of fake.log) {
      expect(entry.method).toBe('POST');
      expect(['/tenant-api/Employee', '/tenant-api/Salary']).toContain(entry.url);
      expect(entry.status).toBe(200);
    }
  });

  it('trap 2 trusting HTTP status: an HTTP 200 carrying isError true is a failure, never an empty success', async () => {
    const fake = await start({ people: people(3) });
    const client = clientFor(fake, { credentials: { apiKey: 'not-a-real-key' } });
    await expect(listAll(client)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(fake.log.every((e) => e.status === 200)).toBe(true);
  });

  it('trap 4 Status ≠ 0 is not always an error: an empty company and a person without salary read cleanly', async () => {
    const empty = await start({ people: [], emptyTenantReply: 'status10' });
    const { records, result } = await listAll(clientFor(empty), true);
    expect(result).toMatchObject({ complete: true, fetched: 0 });
    expect(records).toEqual([]);
    expect((await clientFor(empty).checkCredentials()).warnings.join(' ')).toMatch(/no employees/);

    const staff = people(12);
    const contractor = staff.find((p) => p.employmentType === 'Contractor')!;
    const fake = await start({ people: staff });
    const listed = await listAll(clientFor(fake), true);
    expect(listed.result.complete).toBe(true);
    const rec = listed.records.find((r) => r.externalId === contractor.employeeNumber)!;
    expect(rec.fields).toHaveProperty('Salary.SalaryAmount', null);
  });

  it('trap 5 Result shape varies: getEmployee reads the single object GetEmployeeDetailById returns', async () => {
    const fake = await start({ people: people(5) });
    const client = clientFor(fake);
    const { records } = await listAll(client);
    const one = await client.getEmployee(records[2]!.externalId, { includeSalaries: false });
    expect(one).toEqual(records[2]);
    expect(fake.actions()).toContain('GetEmployeeDetailById');
  });

  it('trap 6 matching on Message: success is judged by isError/Status, whatever the wording', async () => {
    const fake = await start({ people: people(4), successMessage: 'Records fetched OK' });
    const { records, result } = await listAll(clientFor(fake), true);
    expect(result.complete).toBe(true);
    expect(records).toHaveLength(4);
  });

  it('trap 7 unwrapping: values come out of DisplayValue, bare strings are read, lists are not dumped as text', async () => {
    const staff = people(3);
    const fake = await start({ people: staff });
    const { records } = await listAll(clientFor(fake));
    const p = staff[0]!;
    const rec = records.find((r) => r.externalId === p.employeeNumber)!;
    expect(rec.fields.FirstName).toBe(p.firstName);
    expect(rec.fields['BankDetail.AccountNumber']).toBe(p.accountNumber);
    expect(rec.fields.APIColumn1).toBe(p.taxCode);
    expect(rec.fields.UniqueKey).toMatch(/^[0-9a-f-]{36}$/);
    for (const r of records) {
      for (const value of Object.values(r.fields))
        expect(value ?? '').not.toMatch(/\[object|DisplayValue|FieldHistory/);
      expect(r.fields).not.toHaveProperty('RightToWork');
    }
  });

  it('trap 13 address is HTML: lines, town, county and postcode come out of the <br /> string', async () => {
    const [p] = people(1);
    const person = {
      ...p!,
      address: {
        line1: 'Smith & Sons Yard',
        line2: null,
        city: 'Leeds',
        county: 'West Yorkshire',
        postcode: 'LS6 2AB',
        country: 'United Kingdom',
      },
    };
    const fake = await start({ people: [person] });
    const { records } = await listAll(clientFor(fake));
    expect(records[0]!.fields).toMatchObject({
      'ContactDetail.Address.line1': 'Smith & Sons Yard',
      'ContactDetail.Address.line2': null,
      'ContactDetail.Address.line3': 'Leeds',
      'ContactDetail.Address.line4': 'West Yorkshire',
      'ContactDetail.Address.line5': 'United Kingdom',
      'ContactDetail.Address.postcode': 'LS6 2AB',
    });
  });

  it('trap 14 identifiers: tenant-formatted ids stay strings, and a renamed employee is not found under the old id', async () => {
    const staff = people(3);
    const ids = ['180', 'PW5-2', 'test01'];
    const fake = await start({ people: staff, employeeId: (p) => ids[p.seq - 1]! });
    const client = clientFor(fake);
    const { records } = await listAll(client);
    expect(records.map((r) => r.externalId).sort()).toEqual([...ids].sort());
    const before = records.find((r) => r.externalId === '180')!;
    fake.renameEmployee('180', 'PW180');
    expect(await client.getEmployee('180', { includeSalaries: false })).toBeNull();
    const after = await client.getEmployee('PW180', { includeSalaries: false });
    expect(after?.fields.UniqueKey).toBe(before.fields.UniqueKey);
  });

  it('trap 15 leavers and deletions: leavers are asked for and flagged, a deleted person simply drops out', async () => {
    const staff = people(40);
    const leavers = staff.filter((p) => p.isLeaver);
    expect(leavers.length).toBeGreaterThan(0);
    const future = { ...staff[0]!, leaveDate: '2026-12-31', leavingReason: 'Resignation', isLeaver: false };
    const fake = await start({ people: [future, ...staff.slice(1)] });
    const client = clientFor(fake);
    const { records } = await listAll(client);
    expect(records).toHaveLength(40);
    for (const entry of fake.log) expect(JSON.parse(entry.body)).toMatchObject({ IncludeLeavers: true });
    for (const p of leavers.filter((l) => l !== staff[0])) {
      const rec = records.find((r) => r.externalId === p.employeeNumber)!;
      expect(rec.leaver).toEqual({ isLeaver: true, leaveDate: p.leaveDate, reason: p.leavingReason });
    }
    const notYet = records.find((r) => r.externalId === future.employeeNumber)!;
    expect(notYet.leaver).toMatchObject({ isLeaver: false, leaveDate: '2026-12-31' });

    fake.setPeople(staff.slice(1, 10));
    const again = await listAll(client);
    expect(again.result).toEqual(readWhole(9));
  });

  it('trap 17 secrets in bodies: the API key travels only in the JSON body and never reaches a log or an error', async () => {
    const messages: string[] = [];
    const logger: Logger = {
      info: (m, meta) => void messages.push(m + JSON.stringify(meta ?? {})),
      warn: (m, meta) => void messages.push(m + JSON.stringify(meta ?? {})),
      error: (m, meta) => void messages.push(m + JSON.stringify(meta ?? {})),
    };
    const fake = await start({ people: people(3), faults: { serverError: { count: 1 } } });
    fake.quirks.serverFaults = { count: 1 };
    const client = clientFor(fake, { logger });
    await listAll(client, true);
    fake.faults.missingPermissions = ['GetAllEmployeeDetail'];
    const err = await listAll(client).catch((e: unknown) => e);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).not.toContain(fake.fullApiKey);
    expect(JSON.stringify(err) + String(err)).not.toContain(fake.fullApiKey);
    for (const entry of fake.log) {
      expect(entry.url).not.toContain(fake.fullApiKey);
      expect(JSON.stringify(entry.headers)).not.toContain(fake.fullApiKey);
    }
    expect(fake.log.filter((e) => e.status === 200).every((e) => JSON.parse(e.body).APIKey === fake.fullApiKey)).toBe(
      true,
    );
  });

  it('trap 18 IP-restricted keys: a key locked to another address is AUTH_FAILED with the IP hint', async () => {
    const restricted = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const fake = await start({
      people: people(2),
      keys: { [restricted]: { actions: ['GetAllEmployeeDetail'], allowedIp: '203.0.113.9' } },
    });
    const err = await clientFor(fake, { credentials: { apiKey: restricted } })
      .checkCredentials()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/IP address/) });
  });

  it('trap 19 non-JSON replies: an empty 200 body is retried, and a lasting one is HR_ERROR, not a crash', async () => {
    const fake = await start({ people: people(3) });
    fake.quirks.emptyReplies = { count: 1 };
    expect((await listAll(clientFor(fake))).records).toHaveLength(3);
    fake.quirks.emptyReplies = { count: 50 };
    await expect(listAll(clientFor(fake))).rejects.toMatchObject({
      code: 'HR_ERROR',
      message: expect.stringMatching(/PeopleHR/),
    });
  });

  it('trap 20 manager linkage: ReportsToEmployeeId names the manager by id, not by display name', async () => {
    const staff = people(8);
    const fake = await start({ people: staff });
    const { records } = await listAll(clientFor(fake));
    const p = staff.find((x) => x.supervisorSeq !== null)!;
    const boss = staff.find((x) => x.seq === p.supervisorSeq)!;
    const rec = records.find((r) => r.externalId === p.employeeNumber)!;
    expect(rec.fields.ReportsToEmployeeId).toBe(boss.employeeNumber);
    expect(records.some((r) => r.externalId === rec.fields.ReportsToEmployeeId)).toBe(true);
  });
});
