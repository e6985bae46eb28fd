import { afterEach, describe, expect, it } from 'vitest';
import { call, makeCore } from '../helpers/core';
import type { Core } from '../../src-main/core/app';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { startFakePeopleHR, PEOPLEHR_FAKE_API_KEY } from '../../src-main/fake-hr/peoplehr';

let core: Core | null = null;
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await core?.close();
  await close?.();
  core = null;
  close = null;
});

describe('the ID field setting', () => {
  it('can be chosen for a Personio company, from the fields its HR system holds', async () => {
    core = makeCore();
    const { id } = await call(core, 'companies.addDemo', {});
    const fields = await call(core, 'companies.fields', { companyId: id });
    const other = fields.find((f) => f.key !== 'id' && f.custom)!;
    expect((await call(core, 'settings.set', { companyId: id, patch: { idField: other.key } })).idField).toBe(
      other.key,
    );
    const bad = await core.invoke('settings.set', { companyId: id, patch: { idField: 'no_such_field' } });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    expect(!bad.ok && bad.error.message).toMatch(/not a field/);
    expect((await call(core, 'settings.get', { companyId: id })).idField).toBe(other.key);
  });

  it('is fixed for PeopleHR (matched by PeopleHR’s own employee ID), with a clear refusal', async () => {
    const fake = await startFakePeopleHR({ people: generatePeople({ count: 3, seed: 4 }) });
    close = () => fake.close();
    core = makeCore();
    const { id } = await call(core, 'companies.create', {
      name: 'Fixed ID Ltd',
      credentials: { provider: 'peoplehr', apiKey: PEOPLEHR_FAKE_API_KEY },
      baseUrl: fake.baseUrl,
    });
    const r = await core.invoke('settings.set', { companyId: id, patch: { idField: 'EmailId' } });
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    expect(!r.ok && r.error.message).toMatch(/only be chosen for Personio/);
    expect((await call(core, 'settings.get', { companyId: id })).idField).toBe('EmployeeId');
  });
});
