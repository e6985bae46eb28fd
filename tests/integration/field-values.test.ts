import { afterEach, describe, expect, it } from 'vitest';
import { call, makeCore } from '../helpers/core';
import type { Core } from '../../src-main/core/app';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('values the HR system holds, for the filter builder', () => {
  it('lists each field’s distinct values, and none for fields that hold a different value per person', async () => {
    core = makeCore();
    const { id } = await call(core, 'companies.addDemo', {});
    const values = await call(core, 'companies.fieldValues', { companyId: id });
    expect(values.office).toEqual({ values: ['Leeds', 'London HQ', 'Manchester', 'Remote'], complete: true });
    expect(values.status?.values).toEqual(expect.arrayContaining(['active', 'inactive']));
    // Names and e-mails are not offered as a list: there are too many to choose from.
    expect(values.email).toEqual({ values: [], complete: false });
    // Nothing was synced or written by asking.
    expect((await call(core, 'companies.list', {}))[0]!.lastAttempt).toBeNull();
  });
});
