import type { SamplePerson } from '../sample-people';

/**
 * The attribute definitions the fake Personio account holds: the standard v1 employee attributes
 * (with English and German labels, since Personio labels follow the account language) and the custom
 * "dynamic_NNN" attributes a UK customer typically adds for payroll data Personio has no field for.
 */
export type PersonioAttrType = 'standard' | 'date' | 'integer' | 'decimal' | 'list' | 'link' | 'tags' | 'multiline';

export interface StandardAttribute {
  key: string;
  en: string;
  de: string;
  type: PersonioAttrType;
}

export const STANDARD_ATTRIBUTES: StandardAttribute[] = [
  { key: 'id', en: 'ID', de: 'ID', type: 'integer' },
  { key: 'first_name', en: 'First name', de: 'Vorname', type: 'standard' },
  { key: 'last_name', en: 'Last name', de: 'Nachname', type: 'standard' },
  { key: 'preferred_name', en: 'Name (preferred)', de: 'Rufname', type: 'standard' },
  { key: 'email', en: 'Email', de: 'E-Mail', type: 'standard' },
  { key: 'gender', en: 'Gender', de: 'Geschlecht', type: 'standard' },
  { key: 'status', en: 'Status', de: 'Status', type: 'standard' },
  { key: 'position', en: 'Position', de: 'Position', type: 'standard' },
  { key: 'supervisor', en: 'Supervisor', de: 'Vorgesetzte:r', type: 'standard' },
  { key: 'employment_type', en: 'Employment type', de: 'Beschäftigungsart', type: 'standard' },
  { key: 'weekly_working_hours', en: 'Weekly hours', de: 'Wochenstunden', type: 'standard' },
  { key: 'hire_date', en: 'Hire date', de: 'Eintrittsdatum', type: 'date' },
  { key: 'contract_end_date', en: 'Contract ends', de: 'Vertragsende', type: 'date' },
  { key: 'termination_date', en: 'Termination date', de: 'Kündigungsdatum', type: 'date' },
  { key: 'termination_type', en: 'Termination type', de: 'Kündigungsart', type: 'standard' },
  { key: 'termination_reason', en: 'Termination reason', de: 'Kündigungsgrund', type: 'standard' },
  { key: 'probation_period_end', en: 'Probation period end', de: 'Ende der Probezeit', type: 'date' },
  { key: 'last_working_day', en: 'Last day of work', de: 'Letzter Arbeitstag', type: 'date' },
  { key: 'created_at', en: 'created_at', de: 'created_at', type: 'date' },
  { key: 'last_modified_at', en: 'Last modified', de: 'Zuletzt geändert', type: 'date' },
  { key: 'subcompany', en: 'Subcompany', de: 'Subunternehmen', type: 'standard' },
  { key: 'office', en: 'Office', de: 'Standort', type: 'standard' },
  { key: 'department', en: 'Department', de: 'Abteilung', type: 'standard' },
  { key: 'team', en: 'Team', de: 'Team', type: 'standard' },
  { key: 'cost_centers', en: 'Cost center', de: 'Kostenstelle', type: 'standard' },
  { key: 'holiday_calendar', en: 'Public holidays', de: 'Feiertage', type: 'standard' },
  { key: 'absence_entitlement', en: 'Absence entitlement', de: 'Abwesenheitsanspruch', type: 'standard' },
  { key: 'work_schedule', en: 'Work schedule', de: 'Arbeitszeitmodell', type: 'standard' },
  { key: 'fix_salary', en: 'Fix salary', de: 'Fixgehalt', type: 'decimal' },
  { key: 'fix_salary_interval', en: 'Salary interval', de: 'Gehaltsintervall', type: 'standard' },
  { key: 'hourly_salary', en: 'Hourly salary', de: 'Stundenlohn', type: 'decimal' },
  { key: 'profile_picture', en: 'Profile Picture', de: 'Profilbild', type: 'standard' },
];

export interface FakeCustomAttribute {
  /** `dynamic_<n>`, different in every Personio account. */
  key: string;
  label: string;
  labelDe?: string;
  type: PersonioAttrType;
  universalId?: string | null;
  options?: string[];
  value(p: SamplePerson): unknown;
}

const SKILLS = ['Excel', 'First aid', 'Forklift licence', 'Welsh speaker', 'Mental health first aider'];

/** Dates in custom attributes come either plain or with a midnight time and offset (both seen live). */
function customDate(d: string | null, seq: number): string | null {
  if (d === null) return null;
  return seq % 2 === 0 ? d : `${d}T00:00:00+01:00`;
}

/** Empty text comes back as null in some accounts and "" in others. */
function emptyish(v: string | null, seq: number): string | null {
  if (v !== null && v !== '') return v;
  return seq % 2 === 0 ? null : '';
}

export const DEFAULT_CUSTOM_ATTRIBUTES: FakeCustomAttribute[] = [
  {
    key: 'dynamic_24407',
    label: 'Title',
    labelDe: 'Titel',
    type: 'list',
    options: ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'],
    value: (p) => emptyish(p.title, p.seq),
  },
  {
    key: 'dynamic_24408',
    label: 'Middle name',
    labelDe: 'Zweiter Vorname',
    type: 'standard',
    value: (p) => emptyish(p.middleName, p.seq),
  },
  {
    key: 'dynamic_180883',
    label: 'Date of birth',
    labelDe: 'Geburtsdatum',
    type: 'date',
    universalId: 'date_of_birth',
    value: (p) => customDate(p.dateOfBirth, p.seq),
  },
  { key: 'dynamic_24410', label: 'Mobile phone', labelDe: 'Mobiltelefon', type: 'standard', value: (p) => p.phone },
  { key: 'dynamic_24411', label: 'Address line 1', labelDe: 'Straße', type: 'standard', value: (p) => p.address.line1 },
  {
    key: 'dynamic_24412',
    label: 'Address line 2',
    labelDe: 'Adresszusatz',
    type: 'standard',
    value: (p) => emptyish(p.address.line2, p.seq),
  },
  { key: 'dynamic_24413', label: 'Town', labelDe: 'Ort', type: 'standard', value: (p) => p.address.city },
  {
    key: 'dynamic_24414',
    label: 'County',
    labelDe: 'Grafschaft',
    type: 'standard',
    value: (p) => emptyish(p.address.county, p.seq),
  },
  { key: 'dynamic_24415', label: 'Postcode', labelDe: 'PLZ', type: 'standard', value: (p) => p.address.postcode },
  { key: 'dynamic_24416', label: 'Country', labelDe: 'Land', type: 'standard', value: (p) => p.address.country },
  {
    key: 'dynamic_24417',
    label: 'National Insurance number',
    labelDe: 'Sozialversicherungsnummer (UK)',
    type: 'standard',
    value: (p) => emptyish(p.niNumber, p.seq),
  },
  {
    key: 'dynamic_24418',
    label: 'NI category letter',
    labelDe: 'NI-Kategorie',
    type: 'list',
    options: ['A', 'B', 'C', 'H', 'J', 'M', 'Z'],
    value: (p) => emptyish(p.niCategory, p.seq),
  },
  { key: 'dynamic_24419', label: 'Tax code', labelDe: 'Steuercode', type: 'standard', value: (p) => p.taxCode },
  {
    key: 'dynamic_24420',
    label: 'Starter declaration',
    labelDe: 'Starter-Erklärung',
    type: 'list',
    options: ['A', 'B', 'C'],
    value: (p) => emptyish(p.starterDeclaration, p.seq),
  },
  {
    key: 'dynamic_24421',
    label: 'Student loan plan',
    labelDe: 'Studienkredit-Plan',
    type: 'list',
    options: ['1', '2', '4', '5'],
    value: (p) => emptyish(p.studentLoanPlan, p.seq),
  },
  {
    key: 'dynamic_24422',
    label: 'Postgraduate loan',
    labelDe: 'Postgraduierten-Kredit',
    type: 'list',
    options: ['Yes', 'No'],
    value: (p) => (p.postgraduateLoan ? 'Yes' : 'No'),
  },
  {
    key: 'dynamic_24423',
    label: 'Pay frequency',
    labelDe: 'Abrechnungsrhythmus',
    type: 'list',
    options: ['Monthly', 'Weekly', '4 weekly'],
    value: (p) => p.paymentFrequency,
  },
  {
    key: 'dynamic_24424',
    label: 'Sort code',
    labelDe: 'Bankleitzahl (UK)',
    type: 'standard',
    value: (p) => p.sortCode,
  },
  {
    key: 'dynamic_24425',
    label: 'Bank account number',
    labelDe: 'Kontonummer',
    type: 'standard',
    value: (p) => p.accountNumber,
  },
  {
    key: 'dynamic_24426',
    label: 'Account holder name',
    labelDe: 'Kontoinhaber',
    type: 'standard',
    value: (p) => p.accountName,
  },
  {
    key: 'dynamic_24427',
    label: 'Payroll ID',
    labelDe: 'Personalnummer',
    type: 'standard',
    value: (p) => p.employeeNumber,
  },
  {
    key: 'dynamic_24428',
    label: 'Skills',
    labelDe: 'Fähigkeiten',
    type: 'tags',
    options: SKILLS,
    // Tags arrive as an array in some records and as one comma string in others (both seen live).
    value: (p) => {
      const tags = SKILLS.filter((_, i) => (p.seq + i) % 3 === 0);
      return p.seq % 2 === 0 ? tags : tags.join(',');
    },
  },
];

export const SALARY_KEYS = ['fix_salary', 'fix_salary_interval', 'hourly_salary'];
