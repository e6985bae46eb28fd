import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { call, makeCore } from '../helpers/core';
import { connect, people, startVendor, type VendorFake } from './sync-rules-vendors';

/** The home page's search across every company: by name, employee ID or NI number, in one query. */
let core: Core;
const fakes: VendorFake[] = [];
let personio = '';
let peoplehr = '';
const staffA = people(15, 41);
const staffB = people(15, 42);

beforeAll(async () => {
  fakes.push(await startVendor('personio', staffA), await startVendor('peoplehr', staffB));
  core = makeCore();
  personio = await connect(core, fakes[0]!, 'Alpha Ltd');
  peoplehr = await connect(core, fakes[1]!, 'Bravo Ltd');
});
afterAll(async () => {
  await core.close();
  for (const f of fakes) await f.fake.close();
});

it('finds a name in every company that has it, naming the company', async () => {
  const a = staffA[2]!;
  const hits = await call(core, 'employees.searchAll', { query: a.lastName.toLowerCase() });
  expect(hits).toContainEqual(
    expect.objectContaining({
      companyId: personio,
      companyName: 'Alpha Ltd',
      name: `${a.firstName} ${a.lastName}`,
      matchedBy: 'name',
    }),
  );
});

it('finds an employee ID: the company that matches on it', async () => {
  const b = staffB[4]!;
  const hits = await call(core, 'employees.searchAll', { query: b.employeeNumber });
  expect(hits.map((h) => [h.companyId, h.companyName, h.identity, h.matchedBy])).toEqual([
    [peoplehr, 'Bravo Ltd', b.employeeNumber, 'employeeId'],
  ]);
});

it('finds an NI number written with spaces, from its start', async () => {
  const a = staffA.find((p) => p.niNumber && p.expectedProblems.length === 0)!;
  const spaced = `${a.niNumber!.slice(0, 2)} ${a.niNumber!.slice(2, 4)} ${a.niNumber!.slice(4, 6)}`;
  const hits = await call(core, 'employees.searchAll', { query: spaced });
  expect(hits).toContainEqual(
    expect.objectContaining({ companyId: personio, name: `${a.firstName} ${a.lastName}`, matchedBy: 'niNumber' }),
  );
});

it('treats % and _ as letters, and asks for at least two characters', async () => {
  expect(await call(core, 'employees.searchAll', { query: '%%' })).toEqual([]);
  const short = await core.invoke('employees.searchAll', { query: 'a' });
  expect(short.ok ? null : short.error).toMatchObject({
    code: 'VALIDATION',
    message: 'query: Type at least two characters',
  });
});
