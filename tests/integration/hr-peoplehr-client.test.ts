import { describe, expect, it } from 'vitest';
import { peoplehrSuggestedMapping } from '../../src-main/core/hr/peoplehr';
import type { ProviderRecord } from '../../src-main/core/hr/types';
import { PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY } from '../../src-main/fake-hr/peoplehr';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { TODAY, clientFor, usePeopleHRFakes, readWhole } from '../helpers/peoplehr';

// What the connection wizard and the sync rely on: credential check, the full list, one person, the catalogue.
const start = usePeopleHRFakes();

const people = (count: number) => generatePeople({ count, seed: 3, today: TODAY });

describe('PeopleHR client', () => {
  it('checkCredentials: a full key passes with salaries readable and no warnings', async () => {
    const fake = await start({ people: people(5) });
    expect(await clientFor(fake).checkCredentials()).toEqual({ warnings: [], canReadSalaries: true });
    expect(fake.actions().filter((a) => a === 'GetAllEmployeeDetail')).toHaveLength(1);
  });

  it.each(['status2', 'status5'] as const)(
    'checkCredentials: an unknown key (%s reply) is AUTH_FAILED with what to check',
    async (reply) => {
      const fake = await start({ people: people(2), invalidKeyReply: reply });
      const err = await clientFor(fake, { credentials: { apiKey: '00000000-0000-4000-8000-000000000000' } })
        .checkCredentials()
        .catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'AUTH_FAILED',
        message: expect.stringMatching(/rejected the API key.*Settings → API/),
      });
    },
  );

  it('checkCredentials: an empty key is AUTH_FAILED, not a crash', async () => {
    const fake = await start({ people: people(2) });
    await expect(clientFor(fake, { credentials: { apiKey: ' ' } }).checkCredentials()).rejects.toMatchObject({
      code: 'AUTH_FAILED',
    });
  });

  it('listEmployees: everyone once, leavers included, in pages with progress, from a single PeopleHR call (the total known once the reply has ended)', async () => {
    const staff = people(12);
    const fake = await start({ people: staff });
    const pages: Array<{ size: number; fetched: number; total: number | null }> = [];
    const all: ProviderRecord[] = [];
    const result = await clientFor(fake, { pageSize: 5 }).listEmployees({
      includeSalaries: false,
      onPage: (records, progress) => {
        pages.push({ size: records.length, ...progress });
        all.push(...records);
      },
    });
    expect(result).toEqual(readWhole(12));
    expect(pages).toEqual([
      { size: 5, fetched: 5, total: null },
      { size: 5, fetched: 10, total: null },
      { size: 2, fetched: 12, total: 12 },
    ]);
    expect(all.map((r) => r.externalId).sort()).toEqual(staff.map((p) => p.employeeNumber).sort());
    expect(fake.log).toHaveLength(1);
  });

  it('getEmployee: one person by id, with the current salary when asked; unknown or impossible ids are null', async () => {
    const staff = people(4).map((p) => ({ ...p, employmentType: 'Permanent' as const }));
    const fake = await start({ people: staff });
    const client = clientFor(fake);
    const one = await client.getEmployee(staff[1]!.employeeNumber, { includeSalaries: true });
    expect(one?.fields).toMatchObject({ FirstName: staff[1]!.firstName, 'Salary.Currency': 'GBP' });
    expect(await client.getEmployee('E99999', { includeSalaries: false })).toBeNull();
    const before = fake.log.length;
    expect(await client.getEmployee('X'.repeat(16), { includeSalaries: false })).toBeNull();
    expect(fake.log.length).toBe(before);
  });

  it('fieldCatalogue: every readable field keyed as in hris/README.md, typed, with samples, API columns as custom', async () => {
    const fake = await start({ people: people(6) });
    const cat = await clientFor(fake).fieldCatalogue();
    const byKey = new Map(cat.map((f) => [f.key, f]));
    for (const key of [
      'EmployeeId',
      'FirstName',
      'LastName',
      'EmailId',
      'StartDate',
      'DateOfBirth',
      'NISNumber',
      'Gender',
      'LeavingDate',
      'ContactDetail.Address',
      'ContactDetail.Address.line1',
      'ContactDetail.Address.line6',
      'ContactDetail.Address.postcode',
      'BankDetail.BankCode',
      'BankDetail.AccountNumber',
      'BankDetail.AccountName',
      'EmploymentDetail.PayrollID',
      'APIColumn1',
      'APIColumn5',
      'Salary.SalaryAmount',
      'Salary.PaymentFrequency',
      'Salary.Currency',
      'Salary.SalaryType',
      'Salary.EffectiveFrom',
    ]) {
      expect(byKey.has(key), key).toBe(true);
    }
    expect(byKey.get('DateOfBirth')).toMatchObject({ type: 'date', custom: false });
    expect(byKey.get('Salary.SalaryAmount')).toMatchObject({ type: 'number' });
    expect(byKey.get('Salary.SalaryAmount')?.sample).toMatch(/^\d+\.\d{2,}$/);
    expect(byKey.get('BankDetail.BankCode')?.sample).toMatch(/^\d{2}-\d{2}-\d{2}$/);
    expect(byKey.get('APIColumn1')).toMatchObject({ custom: true });
  });

  it('fieldCatalogue: salary fields are not offered to a key that may not read them', async () => {
    const fake = await start({ people: people(3) });
    const cat = await clientFor(fake, { credentials: { apiKey: PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY } }).fieldCatalogue();
    expect(cat.some((f) => f.key.startsWith('Salary.'))).toBe(false);
    expect(cat.some((f) => f.key === 'BankDetail.BankCode')).toBe(true);
  });

  it('suggested mapping from a live catalogue: API columns named by the bureau are proposed for tax code and NI category', async () => {
    const fake = await start({ people: people(4) });
    const cat = await clientFor(fake, {
      customFieldLabels: { APIColumn1: 'Tax code', APIColumn2: 'NI category' },
    }).fieldCatalogue();
    expect(peoplehrSuggestedMapping(cat)).toMatchObject({
      taxCode: 'APIColumn1',
      niCategory: 'APIColumn2',
      sortCode: 'BankDetail.BankCode',
      postcode: 'ContactDetail.Address.postcode',
      city: 'ContactDetail.Address.line3',
    });
  });

  it('accepts booleans as strings and finds paths case-insensitively, like PeopleHR (fake fidelity)', async () => {
    const staff = people(20);
    const fake = await start({ people: staff });
    const post = (path: string, body: unknown) =>
      fetch(`${fake.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const withLeavers = (await post('/employee', {
      APIKey: fake.fullApiKey,
      Action: 'GetAllEmployeeDetail',
      IncludeLeavers: 'TRUE',
    })) as { Result: unknown[] };
    const current = (await post('/Employee', { APIKey: fake.fullApiKey, Action: 'GetAllEmployeeDetail' })) as {
      Result: unknown[];
    };
    expect(withLeavers.Result).toHaveLength(20);
    expect(current.Result).toHaveLength(staff.filter((p) => !p.isLeaver).length);
    expect(await post('/Employee', { APIKey: fake.fullApiKey, Action: 'GetSalaryDetail' })).toMatchObject({
      isError: true,
      Status: 4,
      Message: 'Invalid Action.',
    });
    expect(await post('/Employee', { APIKey: fake.fullApiKey })).toMatchObject({ isError: true, Status: 3 });
    const notFound = await fetch(`${fake.baseUrl}/v3.1/Employee  -  GetAllEmployeeDetail`, {
      method: 'POST',
      body: '{}',
    });
    expect(notFound.status).toBe(404);
  });
});
