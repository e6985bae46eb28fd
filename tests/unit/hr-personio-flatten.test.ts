import { describe, expect, it } from 'vitest';
import { flattenEmployee, flattenValue, normaliseDate } from '../../src-main/core/hr/personio';

const attr = (value: unknown, type = 'standard', extra: Record<string, unknown> = {}) => ({
  label: 'x',
  value,
  type,
  universal_id: null,
  ...extra,
});

function employee(attributes: Record<string, unknown>) {
  return { type: 'Employee', attributes: { id: attr(7, 'integer'), ...attributes } };
}

describe('Personio flattening (hris/README.md field keys)', () => {
  it('reads office, department, team and subcompany objects as their name', () => {
    const rec = flattenEmployee(
      employee({
        office: attr({ type: 'Office', attributes: { id: 131014, name: 'Manchester' } }),
        department: attr({ type: 'Department', attributes: { id: 2, name: 'Finance' } }),
        team: attr(null),
      }),
      { includeSalaries: false },
    );
    expect(rec?.fields['office']).toBe('Manchester');
    expect(rec?.fields['department']).toBe('Finance');
    expect(rec?.fields['team']).toBeNull();
  });

  it("reads the supervisor as the supervisor's full name, and falls back to the id when Personio sends only that", () => {
    const named = {
      type: 'Employee',
      attributes: { id: attr(2, 'integer'), first_name: attr('Priya'), last_name: attr('Shah') },
    };
    expect(flattenValue('supervisor', attr(named))).toBe('Priya Shah');
    expect(flattenValue('supervisor', attr({ type: 'Employee', attributes: { id: attr(2, 'integer') } }))).toBe('2');
  });

  it('reads lists as names joined by ", " and an empty list as ""', () => {
    const centres = [
      { type: 'CostCenter', attributes: { id: 1, name: 'Sales', percentage: 50 } },
      { type: 'CostCenter', attributes: { id: 2, name: 'Support', percentage: 50 } },
    ];
    expect(flattenValue('cost_centers', attr(centres))).toBe('Sales, Support');
    expect(flattenValue('cost_centers', attr([]))).toBe('');
  });

  it('gives tags the same value whether Personio sends an array or a comma string', () => {
    const fromArray = flattenValue('dynamic_3', attr(['CI/CD', 'Presentation Training'], 'tags'));
    const fromString = flattenValue('dynamic_3', attr('CI/CD,Presentation Training', 'tags'));
    expect(fromArray).toBe('CI/CD, Presentation Training');
    expect(fromString).toBe(fromArray);
    // Older records carry no type; the attributes endpoint says which keys are tags.
    expect(flattenValue('dynamic_3', { label: 'Skills', value: 'A,B' }, new Set(['dynamic_3']))).toBe('A, B');
  });

  it('keeps a calendar date exactly as sent, whatever the offset format (+01:00, +0100, none)', () => {
    expect(normaliseDate('1990-01-01T00:00:00+01:00')).toBe('1990-01-01');
    expect(normaliseDate('2012-02-01T00:00:00+0100')).toBe('2012-02-01');
    expect(normaliseDate('2021-01-01')).toBe('2021-01-01');
    // A real timestamp is not a calendar date: kept whole.
    expect(normaliseDate('2017-05-23T09:49:03+02:00')).toBe('2017-05-23T09:49:03+02:00');
  });

  it('turns numbers into strings, keeps weekly hours as sent, and reads an unset salary (0) as empty', () => {
    const rec = flattenEmployee(
      employee({
        weekly_working_hours: attr('40'),
        fix_salary: attr(0, 'decimal', { currency: 'EUR' }),
        hourly_salary: attr(14.5, 'decimal', { currency: 'GBP' }),
        fix_salary_interval: attr(''),
      }),
      { includeSalaries: true },
    );
    expect(rec?.fields['id']).toBe('7');
    expect(rec?.fields['weekly_working_hours']).toBe('40');
    expect(rec?.fields['fix_salary']).toBeNull();
    expect(rec?.fields['fix_salary_currency']).toBeNull();
    expect(rec?.fields['hourly_salary']).toBe('14.5');
    expect(rec?.fields['hourly_salary_currency']).toBe('GBP');
  });

  it('leaves out salary fields entirely unless salaries are asked for', () => {
    const raw = employee({
      fix_salary: attr(42000, 'decimal', { currency: 'GBP' }),
      fix_salary_interval: attr('yearly'),
      first_name: attr('Ann'),
    });
    const without = flattenEmployee(raw, { includeSalaries: false });
    expect(Object.keys(without?.fields ?? {}).filter((k) => k.includes('salary'))).toEqual([]);
    const withSalary = flattenEmployee(raw, { includeSalaries: true });
    expect(withSalary?.fields).toMatchObject({
      fix_salary: '42000',
      fix_salary_interval: 'yearly',
      fix_salary_currency: 'GBP',
    });
  });

  it('keeps an attribute the credential cannot read absent, and an empty one present as null or ""', () => {
    const rec = flattenEmployee(employee({ dynamic_1: attr(null), dynamic_2: attr('') }), { includeSalaries: false });
    expect(rec?.fields).toHaveProperty('dynamic_1', null);
    expect(rec?.fields).toHaveProperty('dynamic_2', '');
    expect(rec?.fields).not.toHaveProperty('dynamic_3');
  });

  it('marks only status "inactive" as a leaver, with the termination date and reason', () => {
    const leaver = flattenEmployee(
      employee({
        status: attr('inactive'),
        termination_date: attr('2026-03-31T00:00:00+01:00', 'date'),
        termination_reason: attr('Resignation'),
      }),
      { includeSalaries: false },
    );
    expect(leaver?.leaver).toEqual({ isLeaver: true, leaveDate: '2026-03-31', reason: 'Resignation' });
    for (const status of ['active', 'onboarding', 'leave']) {
      const rec = flattenEmployee(employee({ status: attr(status), termination_date: attr(null, 'date') }), {
        includeSalaries: false,
      });
      expect(rec?.leaver.isLeaver).toBe(false);
    }
    // Someone working their notice: not a leaver yet, but the date is known.
    const notice = flattenEmployee(
      employee({ status: attr('active'), termination_date: attr('2027-01-31T00:00:00+00:00', 'date') }),
      { includeSalaries: false },
    );
    expect(notice?.leaver).toEqual({ isLeaver: false, leaveDate: '2027-01-31', reason: null });
  });

  it('reads a legacy (2020) record without type or universal_id', () => {
    const legacy = {
      type: 'Employee',
      attributes: {
        id: { label: 'ID', value: 2116366 },
        first_name: { label: 'First name', value: 'Richard' },
        hire_date: { label: 'Hire date', value: '1983-09-01T00:00:00+02:00' },
        termination_type: { label: 'Termination type', value: '' },
        cost_centers: { label: 'Cost center', value: [] },
        dynamic_1146666: { label: 'Birthday', value: '1953-03-16T00:00:00+01:00' },
        dynamic_1146716: { label: 'Scheduled Trainings', value: ['CI/CD', 'Presentation Training'] },
      },
    };
    const rec = flattenEmployee(legacy, { includeSalaries: false });
    expect(rec?.externalId).toBe('2116366');
    expect(rec?.fields).toMatchObject({
      first_name: 'Richard',
      hire_date: '1983-09-01',
      termination_type: '',
      cost_centers: '',
      dynamic_1146666: '1953-03-16',
      dynamic_1146716: 'CI/CD, Presentation Training',
    });
  });

  it('refuses a record without a Personio id (nothing could be matched to it)', () => {
    expect(flattenEmployee({ attributes: { first_name: attr('Ann') } }, { includeSalaries: false })).toBeNull();
  });
});
