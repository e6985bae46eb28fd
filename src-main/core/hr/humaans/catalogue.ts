import type { FieldInfo, FieldType } from '../../../contract/providers';
import { personProperties, valueText } from './flatten';
import type {
  HumaansBankAccount,
  HumaansCompensation,
  HumaansCustomField,
  HumaansCustomValue,
  HumaansJobRole,
} from './schemas';

/**
 * The field catalogue: every key the token can read, with a label, a type and a value Humaans holds.
 * Person keys come from the people Humaans actually sent (a field hidden from the token's role is
 * not offered); related and custom fields from their collections.
 */
const PERSON_FIELDS: Array<[string, string, FieldType]> = [
  ['employeeId', 'Employee ID', 'text'],
  ['firstName', 'First name', 'text'],
  ['middleName', 'Middle name', 'text'],
  ['lastName', 'Last name', 'text'],
  ['preferredName', 'Preferred name', 'text'],
  ['email', 'Work email', 'text'],
  ['personalEmail', 'Personal email', 'text'],
  ['phoneNumber', 'Phone number', 'text'],
  ['personalPhoneNumber', 'Personal phone number', 'text'],
  ['gender', 'Gender', 'text'],
  ['birthday', 'Birthday (date of birth)', 'date'],
  ['address', 'Address', 'text'],
  ['city', 'City', 'text'],
  ['state', 'State / county', 'text'],
  ['postcode', 'Postcode', 'text'],
  ['countryCode', 'Country code', 'text'],
  ['country', 'Country', 'text'],
  ['nationality', 'Nationality', 'text'],
  ['nationalities', 'Nationalities', 'list'],
  ['taxId', 'Tax ID (UK NI number)', 'text'],
  ['taxCode', 'Tax code', 'text'],
  ['employmentStartDate', 'Employment start date', 'date'],
  ['firstWorkingDay', 'First working day', 'date'],
  ['probationEndDate', 'Probation end date', 'date'],
  ['employmentEndDate', 'Employment end date', 'date'],
  ['lastWorkingDay', 'Last working day', 'date'],
  ['leavingReason', 'Leaving reason', 'text'],
  ['leavingNote', 'Leaving note', 'text'],
  ['status', 'Status (newHire, active, offboarded)', 'text'],
  ['contractType', 'Contract type', 'text'],
  ['teams', 'Teams', 'list'],
  ['workingDays', 'Working days', 'list'],
  ['locationId', 'Location ID ("remote" for remote workers)', 'text'],
  ['remoteCity', 'Remote city', 'text'],
  ['remoteCountryCode', 'Remote country code', 'text'],
  ['publicHolidayCalendarId', 'Public holiday calendar (region code)', 'text'],
  ['payrollProvider', 'Payroll provider', 'text'],
  ['role', 'Humaans access role (not the job title)', 'text'],
  ['id', 'Humaans person ID', 'text'],
];

const RELATED_FIELDS: Array<[string, string, FieldType]> = [
  ['jobRole.jobTitle', 'Job title (current job role)', 'text'],
  ['jobRole.department', 'Department (current job role)', 'text'],
  ['jobRole.effectiveDate', 'Current job role since', 'date'],
  ['bankAccount.sortCode', 'Bank sort code', 'text'],
  ['bankAccount.accountNumber', 'Bank account number', 'text'],
  ['bankAccount.nameOnAccount', 'Name on bank account', 'text'],
  ['bankAccount.bankName', 'Bank name', 'text'],
  ['compensation.amount', 'Salary amount (current)', 'number'],
  ['compensation.currency', 'Salary currency', 'text'],
  ['compensation.period', 'Salary period (annual, monthly, …)', 'text'],
  ['compensation.effectiveDate', 'Salary effective from', 'date'],
];

export interface CatalogueInput {
  people: Array<Record<string, unknown>>;
  jobRoles: HumaansJobRole[] | null;
  bankAccounts: HumaansBankAccount[] | null;
  compensations: HumaansCompensation[] | null;
  customFields: HumaansCustomField[] | null;
  customValues: HumaansCustomValue[] | null;
}

export function buildCatalogue(input: CatalogueInput): FieldInfo[] {
  const samples = new Map<string, string | null>();
  const seen = new Map<string, unknown>();
  for (const person of input.people) {
    for (const [k, v] of Object.entries(personProperties(person))) {
      if (!samples.has(k) || (!samples.get(k) && v)) samples.set(k, v);
      if (!seen.has(k) || seen.get(k) == null) seen.set(k, person[k]);
    }
  }
  // With nobody to look at, offer the documented person fields so mapping can still be prepared.
  if (input.people.length === 0) for (const [k] of PERSON_FIELDS) samples.set(k, null);

  const out: FieldInfo[] = [];
  const known = new Set(PERSON_FIELDS.map(([k]) => k));
  for (const [key, label, type] of PERSON_FIELDS) {
    if (samples.has(key)) out.push({ key, label, type, sample: samples.get(key) ?? null, custom: false });
  }
  for (const key of [...samples.keys()].filter((k) => !known.has(k)).sort()) {
    out.push({
      key,
      label: humanise(key),
      type: guessType(seen.get(key)),
      sample: samples.get(key) ?? null,
      custom: false,
    });
  }

  const related: Array<[string, Array<Record<string, unknown>> | null]> = [
    ['jobRole', input.jobRoles],
    ['bankAccount', input.bankAccounts],
    ['compensation', input.compensations],
  ];
  for (const [prefix, rows] of related) {
    if (!rows) continue;
    for (const [key, label, type] of RELATED_FIELDS.filter(([k]) => k.startsWith(`${prefix}.`))) {
      const prop = key.slice(prefix.length + 1);
      const row = rows.find((r) => r[prop] != null && r[prop] !== '');
      out.push({ key, label, type, sample: row ? valueText(row[prop]) : null, custom: false });
    }
  }

  for (const field of input.customFields ?? []) {
    const value = input.customValues?.find((v) => v.customFieldId === field.id && v.value != null)?.value;
    out.push({
      key: `custom.${field.id}`,
      label: field.name?.trim() || `Custom field ${field.id}`,
      type: Array.isArray(value) ? 'list' : customType(field.type),
      sample: value === undefined ? null : valueText(value),
      custom: true,
    });
  }
  return out;
}

function customType(type: string | null | undefined): FieldType {
  const t = (type ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (t === 'date') return 'date';
  if (t === 'number' || t === 'currency' || t === 'integer') return 'number';
  if (t === 'checkbox' || t === 'boolean' || t === 'toggle') return 'boolean';
  if (t.startsWith('multi')) return 'list';
  return 'text';
}

function guessType(value: unknown): FieldType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  return 'text';
}

function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
