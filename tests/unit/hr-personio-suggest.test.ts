import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../src-main/contract/providers';
import { buildPersonioCatalogue, flattenEmployee, personioSuggestedMapping } from '../../src-main/core/hr/personio';

const std = (key: string, label: string): FieldInfo => ({ key, label, type: 'text', sample: null, custom: false });
const custom = (key: string, label: string): FieldInfo => ({ key, label, type: 'text', sample: null, custom: true });

const CATALOGUE: FieldInfo[] = [
  std('id', 'ID'),
  std('first_name', 'First name'),
  std('last_name', 'Last name'),
  std('email', 'Email'),
  std('gender', 'Gender'),
  std('hire_date', 'Hire date'),
  std('termination_date', 'Termination date'),
  std('position', 'Position'),
  std('department', 'Department'),
  std('fix_salary', 'Fix salary'),
  std('fix_salary_currency', 'Fix salary currency'),
  custom('dynamic_1', 'Title'),
  custom('dynamic_2', 'Date of birth'),
  custom('dynamic_3', 'National Insurance number'),
  custom('dynamic_4', 'NI category letter'),
  custom('dynamic_5', 'Tax code'),
  custom('dynamic_6', 'Sort code'),
  custom('dynamic_7', 'Bank account number'),
  custom('dynamic_8', 'Address line 1'),
  custom('dynamic_9', 'Town'),
  custom('dynamic_10', 'Postcode'),
  custom('dynamic_11', 'Payroll ID'),
  custom('dynamic_12', 'Emergency contact phone'),
  custom('dynamic_13', 'Mobile phone'),
  custom('dynamic_14', 'Favourite colour'),
];

describe('personioSuggestedMapping', () => {
  it('maps standard attributes by key and custom attributes by label', () => {
    const m = personioSuggestedMapping(CATALOGUE);
    expect(m).toMatchObject({
      firstName: 'first_name',
      lastName: 'last_name',
      email: 'email',
      gender: 'gender',
      startDate: 'hire_date',
      leaveDate: 'termination_date',
      jobTitle: 'position',
      department: 'department',
      salary: 'fix_salary',
      currency: 'fix_salary_currency',
      title: 'dynamic_1',
      dateOfBirth: 'dynamic_2',
      niNumber: 'dynamic_3',
      niCategory: 'dynamic_4',
      taxCode: 'dynamic_5',
      sortCode: 'dynamic_6',
      accountNumber: 'dynamic_7',
      addressLine1: 'dynamic_8',
      city: 'dynamic_9',
      postcode: 'dynamic_10',
      phone: 'dynamic_13',
    });
    expect(Object.values(m)).not.toContain('dynamic_14');
  });

  it('keeps the Personio id as the employee ID even when a custom "Payroll ID" exists (the user may change it)', () => {
    expect(personioSuggestedMapping(CATALOGUE).employeeId).toBe('id');
  });

  it('T8 keys, not labels: German labels on standard attributes change nothing', () => {
    const german = [
      std('id', 'ID'),
      std('first_name', 'Vorname'),
      std('last_name', 'Nachname'),
      std('hire_date', 'Eintrittsdatum'),
    ];
    expect(personioSuggestedMapping(german)).toEqual({
      employeeId: 'id',
      firstName: 'first_name',
      lastName: 'last_name',
      startDate: 'hire_date',
    });
  });

  it('suggests only fields the credential can read (falls back to last_working_day for the leave date)', () => {
    const m = personioSuggestedMapping([std('id', 'ID'), std('last_working_day', 'Last day of work')]);
    expect(m).toEqual({ employeeId: 'id', leaveDate: 'last_working_day' });
  });
});

describe('buildPersonioCatalogue', () => {
  const raws = [
    {
      type: 'Employee',
      attributes: {
        id: { label: 'ID', value: 5, type: 'integer', universal_id: 'id' },
        first_name: { label: 'Vorname', value: 'Ann', type: 'standard', universal_id: 'first_name' },
        hire_date: {
          label: 'Eintrittsdatum',
          value: '2020-01-01T00:00:00+01:00',
          type: 'date',
          universal_id: 'hire_date',
        },
        cost_centers: {
          label: 'Kostenstelle',
          value: [{ attributes: { name: 'Ops' } }],
          type: 'standard',
          universal_id: 'cost_centers',
        },
        fix_salary: { label: 'Fixgehalt', value: 30000, type: 'decimal', universal_id: 'fix_salary', currency: 'GBP' },
        dynamic_9: { label: 'Skills', value: ['Excel'], type: 'tags', universal_id: null },
        created_at: {
          label: 'created_at',
          value: '2017-05-23T09:49:03+02:00',
          type: 'date',
          universal_id: 'created_at',
        },
      },
    },
  ];
  const records = raws.flatMap((r) => flattenEmployee(r, { includeSalaries: true }) ?? []);
  const attrs = [
    { key: 'first_name', label: 'Vorname', type: 'standard', universal_id: 'first_name' },
    { key: 'dynamic_2', label: 'NI number', type: 'standard', universal_id: null },
    { key: 'dynamic_9', label: 'Skills', type: 'tags', universal_id: null },
  ];

  it('lists every readable attribute once, custom ones flagged, with a type and a sample', () => {
    const cat = buildPersonioCatalogue(attrs, raws, records);
    const byKey = new Map(cat.map((f) => [f.key, f]));
    expect(new Set(cat.map((f) => f.key)).size).toBe(cat.length);
    expect(byKey.get('first_name')).toEqual({
      key: 'first_name',
      label: 'Vorname',
      type: 'text',
      sample: 'Ann',
      custom: false,
    });
    expect(byKey.get('hire_date')).toMatchObject({ type: 'date', sample: '2020-01-01' });
    expect(byKey.get('cost_centers')).toMatchObject({ type: 'list', sample: 'Ops' });
    expect(byKey.get('dynamic_9')).toMatchObject({ type: 'list', custom: true, sample: 'Excel' });
    // Listed by the attributes endpoint but empty for everyone sampled: still offered, without a sample.
    expect(byKey.get('dynamic_2')).toMatchObject({ label: 'NI number', custom: true, sample: null });
    expect(byKey.get('id')).toMatchObject({ type: 'number', sample: '5' });
  });

  it("offers salary fields but never shows a person's pay as the sample", () => {
    const byKey = new Map(buildPersonioCatalogue(attrs, raws, records).map((f) => [f.key, f]));
    expect(byKey.get('fix_salary')).toMatchObject({ type: 'number', sample: null });
    expect(byKey.get('fix_salary_currency')).toMatchObject({ sample: 'GBP' });
  });
});
