import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../src-main/contract/providers';
import { buildHumaansCatalogue, humaansSuggestedMapping } from '../../src-main/core/hr/humaans';

const field = (key: string, label = key, custom = false): FieldInfo => ({
  key,
  label,
  type: 'text',
  sample: null,
  custom,
});

describe('Humaans suggested mapping', () => {
  const catalogue: FieldInfo[] = [
    field('id'),
    field('employeeId'),
    field('firstName'),
    field('lastName'),
    field('gender'),
    field('birthday'),
    field('taxId'),
    field('taxCode'),
    field('address'),
    field('postcode'),
    field('employmentStartDate'),
    field('employmentEndDate'),
    field('role'),
    field('jobRole.jobTitle'),
    field('bankAccount.sortCode'),
    field('bankAccount.accountNumber'),
    field('bankAccount.nameOnAccount'),
    field('custom.cf1', 'NI category letter', true),
    field('custom.cf2', 'Pay frequency', true),
    field('custom.cf3', 'National Insurance number', true),
    field('custom.cf4', 'Favourite snack', true),
  ];
  const mapping = humaansSuggestedMapping(catalogue);

  it('maps the NI number to taxId and the employee ID to the payroll number, not the Humaans id', () => {
    expect(mapping.niNumber).toBe('taxId');
    expect(mapping.employeeId).toBe('employeeId');
  });

  it('maps job title to the current job role, never the Humaans access role', () => {
    expect(mapping.jobTitle).toBe('jobRole.jobTitle');
    expect(Object.values(mapping)).not.toContain('role');
  });

  it('maps bank details, dates and address from their Humaans keys', () => {
    expect(mapping).toMatchObject({
      sortCode: 'bankAccount.sortCode',
      accountNumber: 'bankAccount.accountNumber',
      accountName: 'bankAccount.nameOnAccount',
      dateOfBirth: 'birthday',
      startDate: 'employmentStartDate',
      leaveDate: 'employmentEndDate',
      addressLine1: 'address',
      postcode: 'postcode',
    });
  });

  it('proposes custom fields whose label names a payroll field, without overriding standard ones', () => {
    expect(mapping.niCategory).toBe('custom.cf1');
    expect(mapping.paymentFrequency).toBe('custom.cf2');
    expect(mapping.niNumber).toBe('taxId');
    expect(Object.values(mapping)).not.toContain('custom.cf4');
  });

  it('suggests nothing the catalogue does not offer (e.g. salary without the compensations scope)', () => {
    expect(mapping.salary).toBeUndefined();
    expect(humaansSuggestedMapping([field('firstName')])).toEqual({ firstName: 'firstName' });
  });
});

describe('Humaans field catalogue', () => {
  const people = [
    {
      id: 'p1',
      firstName: 'Ann',
      birthday: '1990-01-01',
      teams: [{ name: 'Core' }],
      calendarFeedToken: 'secret',
      isVerified: true,
      shoeSize: 42,
    },
    { id: 'p2', firstName: 'Bob', birthday: null, teams: [], calendarFeedToken: 'secret2', isVerified: false },
  ];
  const cat = buildHumaansCatalogue({
    people,
    jobRoles: [
      { id: 'r', personId: 'p1', jobTitle: 'Engineer', department: 'Eng', effectiveDate: '2020-01-01', endDate: null },
    ],
    bankAccounts: null,
    compensations: null,
    customFields: [
      { id: 'cfA', name: 'Languages', type: 'multiselect', section: 'basics' },
      { id: 'cfB', name: 'Visa expiry', type: 'date', section: 'basics' },
    ],
    customValues: [{ id: 'v', personId: 'p1', customFieldId: 'cfA', value: ['English', 'Welsh'] }],
  });
  const byKey = new Map(cat.map((f) => [f.key, f]));

  it('offers person fields Humaans sent, with types and real samples, but never the calendar token', () => {
    expect(byKey.get('birthday')).toMatchObject({ type: 'date', sample: '1990-01-01', custom: false });
    expect(byKey.get('teams')).toMatchObject({ type: 'list', sample: 'Core' });
    expect(byKey.get('isVerified')?.type).toBe('boolean');
    expect(byKey.get('shoeSize')).toMatchObject({ type: 'number', sample: '42' });
    expect(byKey.has('calendarFeedToken')).toBe(false);
  });

  it('offers related fields only for collections the token could read', () => {
    expect(byKey.get('jobRole.jobTitle')).toMatchObject({ sample: 'Engineer' });
    expect(byKey.has('bankAccount.sortCode')).toBe(false);
    expect(byKey.has('compensation.amount')).toBe(false);
  });

  it('offers custom fields keyed by id and labelled with their name', () => {
    expect(byKey.get('custom.cfA')).toMatchObject({
      label: 'Languages',
      type: 'list',
      sample: 'English, Welsh',
      custom: true,
    });
    expect(byKey.get('custom.cfB')).toMatchObject({ label: 'Visa expiry', type: 'date', sample: null, custom: true });
  });
});
