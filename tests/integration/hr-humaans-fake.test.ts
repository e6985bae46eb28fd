import { afterEach, describe, expect, it } from 'vitest';
import {
  HUMAANS_DEMO_TOKEN,
  startFakeHumaans,
  type FakeHumaans,
  type FakeHumaansOptions,
} from '../../src-main/fake-hr/humaans';
import { generatePeople } from '../../src-main/fake-hr/sample-people';

/** The fake Humaans itself plays what docs/hris/humaans.md §11 asks of it, so client tests mean something. */
const TODAY = '2026-11-01';
const people = generatePeople({ count: 12, seed: 7, today: new Date(`${TODAY}T00:00:00Z`) });
const fakes: FakeHumaans[] = [];
type Json = Record<string, unknown> & {
  data: Array<Record<string, unknown>>;
  total: number;
  limit: number;
  scopes: string[];
  id: string;
};
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fake(opts: Partial<FakeHumaansOptions> = {}) {
  const f = await startFakeHumaans({ people, today: TODAY, ...opts });
  fakes.push(f);
  const call = async (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? HUMAANS_DEMO_TOKEN}`;
    const res = await fetch(`${f.baseUrl}${path}`, { ...init, headers });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : null };
  };
  return { f, call };
}

describe('fake Humaans', () => {
  it('answers 401 with a Humaans error body without a valid Bearer token', async () => {
    const { call } = await fake();
    expect(await call('/people', { token: null })).toMatchObject({
      status: 401,
      body: { code: 401, name: 'NotAuthenticated' },
    });
    expect((await call('/people', { token: 'nope' })).status).toBe(401);
    expect((await call('/me')).body).toMatchObject({ firstName: people[0]!.firstName });
    expect((await call('/token-info')).body?.scopes).toContain('private:read');
  });

  it('pages with the {total,limit,skip,data} envelope: default 100, clamped to 250, $limit=0 total only, past the end empty', async () => {
    const { call } = await fake();
    expect((await call('/people?status=all')).body).toMatchObject({ total: 12, limit: 100, skip: 0 });
    expect((await call('/people?status=all&$limit=1000')).body?.limit).toBe(250);
    expect((await call('/people?status=all&$limit=0')).body).toMatchObject({ total: 12, limit: 0, data: [] });
    expect((await call('/people?status=all&$skip=50')).body).toMatchObject({ total: 12, data: [] });
  });

  it('refuses unknown filters with 400 unless told to ignore them, and understands Feathers operators', async () => {
    const { call, f } = await fake();
    expect((await call('/people?shoeSize=9')).status).toBe(400);
    const ids = f.data.people.slice(0, 2).map((p) => p.id);
    const inList = await call(`/people?status=all&id[$in]=${ids[0]}&id[$in]=${ids[1]}`);
    expect(inList.body?.data.map((p) => p.id).sort()).toEqual([...ids].sort());
    const sorted = await call('/people?status=all&$sort[employeeId]=-1&$limit=1');
    expect(sorted.body?.data[0]?.employeeId).toBe('E00012');
    const lenient = await fake({ rejectUnknownFilters: false });
    expect((await lenient.call('/people?shoeSize=9')).status).toBe(200);
  });

  it('hides offboarded people by default and, with public:read only, new hires, leavers and private fields', async () => {
    const leavers = people.filter((p) => p.isLeaver).length;
    const { call } = await fake({ scopes: ['public:read'] });
    const res = await call('/people?status=all&$limit=250');
    expect(res.body?.total).toBe(12 - leavers);
    expect(res.body?.data[0]).not.toHaveProperty('taxId');
    expect((await call('/bank-accounts')).status).toBe(403);
    const full = await fake();
    expect((await full.call('/people')).body?.total).toBe(12 - leavers);
    expect((await full.call('/people?status=all')).body?.total).toBe(12);
  });

  it('serves $asOf job roles and compensations, amounts as strings', async () => {
    const { call, f } = await fake();
    const asOf = await call(`/job-roles?$asOf=${TODAY}&$limit=250`);
    expect(asOf.body?.total).toBe(12);
    expect(f.data.jobRoles.length).toBeGreaterThan(12);
    const comps = await call('/compensations?$limit=250');
    expect(comps.body?.data.every((c) => typeof c.amount === 'string')).toBe(true);
  });

  it('creates, patches and deletes records, enforcing write scopes', async () => {
    const { call, f } = await fake({ scopes: ['private:read', 'private:write'] });
    const personId = f.data.people[0]!.id;
    const created = await call('/bank-accounts', {
      method: 'POST',
      body: JSON.stringify({ personId, sortCode: '12-34-56' }),
    });
    expect(created.status).toBe(201);
    const patched = await call(`/bank-accounts/${created.body?.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ accountNumber: '87654321' }),
    });
    expect(patched.body).toMatchObject({ sortCode: '12-34-56', accountNumber: '87654321' });
    expect((await call(`/bank-accounts/${created.body?.id}`, { method: 'DELETE' })).body).toEqual({
      id: created.body?.id,
      deleted: true,
    });
    expect((await call('/bank-accounts', { method: 'POST', body: '{}' })).body).toMatchObject({
      name: 'BadRequest',
      issues: [{ name: 'personId', reason: 'required' }],
    });
    expect((await call('/compensations', { method: 'POST', body: JSON.stringify({ personId }) })).status).toBe(403);
  });
});
