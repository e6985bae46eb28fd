import type { FieldInfo, FieldType } from '../../../contract/providers';
import type { ProviderRecord } from '../types';
import type { PersonioAttribute, RawEmployee } from './schemas';

/**
 * Personio's field catalogue: every attribute the credential can read (the attributes endpoint plus any
 * key seen on a record), custom `dynamic_NNN` ones included, each with a type and a sample value.
 * Labels come from Personio (localised, user-editable): shown to people, never used as keys.
 */

/** English labels for standard attributes, for naming ones the credential cannot read (Personio lists only readable ones). */
export const STANDARD_LABELS: Record<string, string> = {
  id: 'ID',
  first_name: 'First name',
  last_name: 'Last name',
  preferred_name: 'Name (preferred)',
  email: 'Email',
  gender: 'Gender',
  status: 'Status',
  position: 'Position',
  supervisor: 'Supervisor',
  employment_type: 'Employment type',
  weekly_working_hours: 'Weekly hours',
  hire_date: 'Hire date',
  contract_end_date: 'Contract ends',
  termination_date: 'Termination date',
  termination_type: 'Termination type',
  termination_reason: 'Termination reason',
  probation_period_end: 'Probation period end',
  last_working_day: 'Last day of work',
  created_at: 'Created at',
  last_modified_at: 'Last modified',
  subcompany: 'Subcompany',
  office: 'Office',
  department: 'Department',
  team: 'Team',
  cost_centers: 'Cost center',
  holiday_calendar: 'Public holidays',
  absence_entitlement: 'Absence entitlement',
  work_schedule: 'Work schedule',
  fix_salary: 'Fix salary',
  fix_salary_interval: 'Salary interval',
  hourly_salary: 'Hourly salary',
  profile_picture: 'Profile Picture',
};

/** Keys this client derives itself (Personio sends the currency inside the salary attribute). */
const DERIVED: Record<string, { from: string; label: string }> = {
  fix_salary_currency: { from: 'fix_salary', label: 'Fix salary currency' },
  hourly_salary_currency: { from: 'hourly_salary', label: 'Hourly salary currency' },
};

/** A person's pay is not shown as a sample in the mapping grid. */
const HIDDEN_SAMPLES = new Set(['fix_salary', 'hourly_salary']);
const NUMERIC_STANDARD = new Set(['id', 'weekly_working_hours']);
const LIST_STANDARD = new Set(['cost_centers', 'absence_entitlement']);

export function labelFor(key: string): string {
  return STANDARD_LABELS[key] ?? DERIVED[key]?.label ?? key;
}

export function fieldType(key: string, personioType: string | null | undefined, rawValue?: unknown): FieldType {
  if (NUMERIC_STANDARD.has(key)) return 'number';
  if (LIST_STANDARD.has(key) || personioType === 'tags' || Array.isArray(rawValue)) return 'list';
  switch (personioType) {
    case 'date':
      return 'date';
    case 'integer':
    case 'decimal':
      return 'number';
    default:
      return typeof rawValue === 'boolean' ? 'boolean' : 'text';
  }
}

function rawAttr(
  raw: RawEmployee | undefined,
  key: string,
): { label?: unknown; type?: unknown; value?: unknown } | undefined {
  const a = raw?.attributes[key];
  return typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Record<string, unknown>) : undefined;
}

/**
 * Builds the catalogue from the attributes endpoint (may be empty when it is unavailable) and a sample
 * of records (raw and flattened with salaries, so salary fields are listed; their samples stay hidden).
 */
export function buildCatalogue(
  attributes: PersonioAttribute[],
  raws: RawEmployee[],
  records: ProviderRecord[],
): FieldInfo[] {
  const out = new Map<string, FieldInfo>();
  const sampleFor = (key: string): string | null => {
    if (HIDDEN_SAMPLES.has(key)) return null;
    for (const r of records) {
      const v = r.fields[key];
      if (v !== undefined && v !== null && v !== '') return v;
    }
    return null;
  };
  const firstRaw = (key: string) => raws.map((r) => rawAttr(r, key)).find((a) => a !== undefined);

  const add = (key: string, label: string | null | undefined, type: string | null | undefined) => {
    if (out.has(key)) return;
    const raw = firstRaw(key);
    const personioType = type ?? (typeof raw?.type === 'string' ? raw.type : null);
    out.set(key, {
      key,
      label:
        label && label.trim() !== ''
          ? label
          : typeof raw?.label === 'string' && raw.label !== ''
            ? raw.label
            : labelFor(key),
      type: fieldType(key, personioType, raw?.value),
      sample: sampleFor(key),
      custom: key.startsWith('dynamic_'),
    });
  };

  add('id', null, 'integer');
  for (const a of attributes) add(a.key, a.label, a.type);
  for (const raw of raws) for (const key of Object.keys(raw.attributes)) add(key, null, null);
  for (const [key, d] of Object.entries(DERIVED)) {
    if (out.has(d.from)) out.set(key, { key, label: d.label, type: 'text', sample: sampleFor(key), custom: false });
  }
  return [...out.values()];
}
