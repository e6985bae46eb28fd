import type { SamplePerson } from '../sample-people';
import { STANDARD_ATTRIBUTES, type FakeCustomAttribute, type PersonioAttrType } from './attributes';

/**
 * Turns a vendor-neutral SamplePerson into a Personio v1 "Employee" object, with the value quirks the
 * live API has: every field wrapped as {label, value, type, universal_id}, dates with a time and either
 * "+01:00" or "+0100", weekly hours as a string, nested objects for office/department/team, supervisor
 * as nested attribute objects, unset salary as 0 and "".
 */
export interface FakeRow {
  id: number;
  person: SamplePerson;
}

export interface AttrObject {
  label: string;
  value: unknown;
  type: PersonioAttrType;
  universal_id: string | null;
  currency?: string;
}

export interface PayloadContext {
  labels: 'en' | 'de';
  custom: FakeCustomAttribute[];
  baseUrl: string;
  /** Supervisor lookup by SamplePerson.seq. */
  bySeq: Map<number, FakeRow>;
  /** Whether the credential may read an attribute key (id is always readable). */
  readable(key: string): boolean;
  /** When set, only these keys (plus id) are returned: the `attributes[]` projection. */
  only?: Set<string>;
}

const LABELS = new Map(STANDARD_ATTRIBUTES.map((a) => [a.key, a]));

function stdDate(d: string | null, seq: number): string | null {
  if (d === null) return null;
  const offsets = ['+01:00', '+0100', '+00:00'];
  return `${d}T00:00:00${offsets[seq % 3]}`;
}

function timestamp(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, '+00:00');
}

function gender(g: string | null): string | null {
  if (g === null) return null;
  const l = g.toLowerCase();
  if (l === 'male' || l === 'm') return 'male';
  if (l === 'female' || l === 'f') return 'female';
  return 'diverse';
}

export function statusOf(p: SamplePerson): string {
  if (p.isLeaver) return 'inactive';
  if (p.seq % 29 === 0) return 'leave';
  if (p.seq % 31 === 0) return 'onboarding';
  return 'active';
}

function named(type: string, id: number, name: string, extra: Record<string, unknown> = {}) {
  return { type, attributes: { id, name, ...extra } };
}

function idOf(name: string): number {
  let h = 7;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 900_000;
  return 100_000 + h;
}

function standardValues(row: FakeRow, ctx: PayloadContext): Record<string, unknown> {
  const p = row.person;
  const sup = p.supervisorSeq === null ? undefined : ctx.bySeq.get(p.supervisorSeq);
  const salary = p.salary;
  const hourly = salary.period === 'hourly';
  const attr = (key: string, value: unknown) => ({
    label: key === 'id' ? 'ID' : label(key, ctx),
    value,
    type: LABELS.get(key)?.type ?? 'standard',
    universal_id: key,
  });
  return {
    id: row.id,
    first_name: p.firstName,
    last_name: p.lastName,
    preferred_name: `${p.firstName} ${p.lastName}`,
    email: p.email,
    gender: gender(p.gender),
    status: statusOf(p),
    position: p.jobTitle,
    supervisor: sup
      ? {
          type: 'Employee',
          attributes: {
            id: attr('id', sup.id),
            first_name: attr('first_name', sup.person.firstName),
            last_name: attr('last_name', sup.person.lastName),
            email: attr('email', sup.person.email),
          },
        }
      : null,
    employment_type: p.employmentType === 'Contractor' ? 'external' : 'internal',
    weekly_working_hours: p.employmentType === 'Contractor' ? '20' : '37.5',
    hire_date: stdDate(p.startDate, p.seq),
    contract_end_date: p.employmentType === 'Fixed term' ? stdDate(p.leaveDate ?? '2027-03-31', p.seq) : null,
    termination_date: stdDate(p.leaveDate, p.seq),
    termination_type: p.isLeaver ? 'employee' : p.seq % 2 === 0 ? null : '',
    termination_reason: p.leavingReason ?? (p.seq % 2 === 0 ? null : ''),
    probation_period_end: null,
    last_working_day: stdDate(p.leaveDate, p.seq),
    created_at: timestamp(`${p.startDate}T09:00:00.000Z`),
    last_modified_at: timestamp(p.updatedAt),
    subcompany: named('Subcompany', 7033, 'Acme Payroll Demo Ltd'),
    office: named('Office', idOf(p.office), p.office),
    department: named('Department', idOf(p.department), p.department),
    team: named('Team', idOf(p.team), p.team),
    cost_centers:
      p.seq % 4 === 0
        ? []
        : [named('CostCenter', idOf(p.department) + 1, `${p.department} cost centre`, { percentage: 100 })],
    holiday_calendar: named('HolidayCalendar', 44, 'England & Wales bank holidays', { country: 'GB', state: null }),
    absence_entitlement: [named('TimeOffType', 113437, 'Paid holiday', { category: 'paid_vacation', entitlement: 28 })],
    work_schedule: named('WorkSchedule', 97188, 'Full-time, 37.5 hours (mon-fri)', {
      valid_from: null,
      monday: '07:30',
      friday: '07:30',
    }),
    fix_salary: hourly ? 0 : salary.amount,
    fix_salary_interval: hourly ? '' : salary.period === 'annual' ? 'yearly' : 'monthly',
    hourly_salary: hourly ? salary.amount : 0,
    profile_picture: `${ctx.baseUrl}/v1/company/employees/${row.id}/profile-picture`,
  };
}

function label(key: string, ctx: PayloadContext): string {
  const a = LABELS.get(key);
  if (!a) return key;
  return ctx.labels === 'de' ? a.de : a.en;
}

/** The `attributes` object of one employee, limited to what the credential may read. */
export function employeeAttributes(row: FakeRow, ctx: PayloadContext): Record<string, AttrObject> {
  const out: Record<string, AttrObject> = {};
  const wanted = (key: string) => key === 'id' || (ctx.readable(key) && (!ctx.only || ctx.only.has(key)));
  for (const [key, value] of Object.entries(standardValues(row, ctx))) {
    if (!wanted(key)) continue;
    const type = LABELS.get(key)?.type ?? 'standard';
    const a: AttrObject = { label: label(key, ctx), value, type, universal_id: key };
    if (key === 'fix_salary' || key === 'hourly_salary') a.currency = row.person.salary.currency;
    out[key] = a;
  }
  for (const c of ctx.custom) {
    if (!wanted(c.key)) continue;
    out[c.key] = {
      label: ctx.labels === 'de' && c.labelDe ? c.labelDe : c.label,
      value: c.value(row.person),
      type: c.type,
      universal_id: c.universalId ?? null,
    };
  }
  return out;
}

/** The entries of `GET /v1/company/employees/attributes` for what the credential may read. */
export function attributeList(ctx: PayloadContext): Array<Record<string, unknown>> {
  const std = STANDARD_ATTRIBUTES.filter((a) => a.key !== 'id' && ctx.readable(a.key)).map((a) => ({
    key: a.key,
    label: ctx.labels === 'de' ? a.de : a.en,
    type: a.type,
    universal_id: a.key,
    options: [],
  }));
  const custom = ctx.custom
    .filter((c) => ctx.readable(c.key))
    .map((c) => ({
      key: c.key,
      label: ctx.labels === 'de' && c.labelDe ? c.labelDe : c.label,
      type: c.type,
      universal_id: c.universalId ?? null,
      options: c.options ?? [],
    }));
  return [...std, ...custom];
}
