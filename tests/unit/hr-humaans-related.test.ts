import { describe, expect, it } from 'vitest';
import type { HumaansApi, Query } from '../../src-main/core/hr/humaans/api';
import { flattenPerson } from '../../src-main/core/hr/humaans/flatten';
import { fetchRelated } from '../../src-main/core/hr/humaans/related';
import type { HttpClient } from '../../src-main/core/hr/http';

/**
 * Related collections are reduced to each person's current records as their pages arrive. A collection
 * that changes while it is read is read again; what the earlier pass gave must not survive into the result.
 */
const TODAY = '2026-11-01';
type Row = Record<string, unknown> & { id: string };

/** A Humaans API over in-memory collections; `onRequest` may change them between pages. */
function stubApi(collections: Record<string, Row[]>, onRequest?: (path: string, skip: number) => void): HumaansApi {
  return {
    http: {} as HttpClient,
    async get(path: string, query: Query) {
      const skip = Number(query.$skip ?? 0);
      const limit = Number(query.$limit ?? 100);
      onRequest?.(path, skip);
      const rows = collections[path.replace(/^\//, '')] ?? [];
      return { total: rows.length, limit, skip, data: rows.slice(skip, skip + limit) };
    },
  };
}

const role = (id: string, personId: string, jobTitle: string, effectiveDate: string): Row => ({
  id,
  personId,
  jobTitle,
  department: 'Eng',
  effectiveDate,
  endDate: null,
});
const account = (id: string, personId: string, sortCode: string, createdAt: string): Row => ({
  id,
  personId,
  bankName: 'B',
  nameOnAccount: 'K',
  accountNumber: '12345678',
  sortCode,
  swiftCode: null,
  createdAt,
});
const person = (id: string) => ({
  id,
  status: 'active',
  employmentEndDate: null,
  lastWorkingDay: null,
  leavingReason: null,
});

describe('Humaans related collections read as they arrive', () => {
  it('a collection changed mid-read is read again, and only the last pass counts', async () => {
    const collections: Record<string, Row[]> = {
      'job-roles': [
        role('r1', 'p1', 'Engineer', '2019-01-01'),
        role('r2', 'p1', 'Senior Engineer', '2024-06-01'),
        role('r3', 'p2', 'Analyst', '2020-01-01'),
        role('r4', 'p3', 'Manager', '2021-01-01'),
      ],
      'bank-accounts': [account('b1', 'p1', '10-00-00', '2020-01-01'), account('b2', 'p2', '20-00-00', '2020-01-01')],
      'custom-fields': [{ id: 'cfNi', name: 'NI category letter', type: 'select', section: 'personal' }],
      'custom-values': [
        { id: 'v1', personId: 'p1', customFieldId: 'cfNi', value: 'A' },
        { id: 'v2', personId: 'p2', customFieldId: 'cfNi', value: 'B' },
      ],
    };
    let changed = false;
    const api = stubApi(collections, (path, skip) => {
      // After the first page of job roles was read: p1's current role is deleted in Humaans, and a row
      // inserted at the front shifts the rest, so the pass sees a duplicate and the list is read again.
      if (path === '/job-roles' && skip > 0 && !changed) {
        changed = true;
        collections['job-roles'] = [
          role('r0', 'p3', 'Director', '2022-01-01'),
          role('r1', 'p1', 'Engineer', '2019-01-01'),
          role('r3', 'p2', 'Analyst', '2020-01-01'),
          role('r4', 'p3', 'Manager', '2021-01-01'),
        ];
      }
    });
    const related = await fetchRelated(api, { today: TODAY, includeSalaries: false, pageSize: 2 });
    expect(changed).toBe(true);
    const fields = (id: string) => flattenPerson(person(id), related).fields;
    // Not 'Senior Engineer' from the first pass: that role is gone.
    expect(fields('p1')['jobRole.jobTitle']).toBe('Engineer');
    expect(fields('p2')['jobRole.jobTitle']).toBe('Analyst');
    expect(fields('p3')['jobRole.jobTitle']).toBe('Director');
    // The collections that did not change keep what they read.
    expect(fields('p1')['bankAccount.sortCode']).toBe('10-00-00');
    expect(fields('p2')['custom.cfNi']).toBe('B');
    expect(fields('p3')['bankAccount.sortCode']).toBeNull();
    expect(fields('p3')['custom.cfNi']).toBeNull();
  });

  it('a collection that never settles fails the read rather than delivering what a pass half read', async () => {
    const collections: Record<string, Row[]> = {
      'job-roles': [role('r1', 'p1', 'Engineer', '2019-01-01'), role('r2', 'p1', 'Senior Engineer', '2024-06-01')],
      'bank-accounts': [],
      'custom-fields': [],
      'custom-values': [],
    };
    // The order changes under every request: each pass sees a row twice.
    const api = stubApi(collections, (path) => {
      if (path === '/job-roles') collections['job-roles'] = [...collections['job-roles']!].reverse();
    });
    await expect(fetchRelated(api, { today: TODAY, includeSalaries: false, pageSize: 1 })).rejects.toMatchObject({
      code: 'INCOMPLETE_FETCH',
    });
  });
});
