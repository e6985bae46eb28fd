import type { EmployeeState, PayrollField } from '../../contract/payroll';
import { NI_NUMBER } from '../payroll/normalise';

/**
 * Value encodings every payroll target needs (docs/reference/payroll-exports.md, "Encodings every exporter
 * needs"). A cell is the text the target gets, or a refusal saying why the target cannot hold the value: a
 * value is never truncated or guessed into shape, since a wrong value must not reach payroll.
 */
export type Cell = string | { refuse: string };
export const refuse = (reason: string): Cell => ({ refuse: reason });
export const isRefusal = (c: Cell): c is { refuse: string } => typeof c !== 'string';

/** One employee as an exporter sees them: stored payroll values, normalised by the payroll rules. */
export interface ExportEmployee {
  id: number;
  identity: string;
  name: string;
  state: EmployeeState;
  values: Record<PayrollField, string | null>;
}

export interface Column {
  header: string;
  cell(e: ExportEmployee): Cell;
}

const TAX_BASIS = /^(.*?)\s?(W1|M1|X)$/;

/**
 * "1257L W1" → { code: "1257L", week1Month1: true }. The FPS carries the basis apart from the code (an X suffix
 * is HMRC's non-cumulative marker, the same basis); the S/C prefix stays on the code, where every target keeps it.
 */
export function splitTaxCode(taxCode: string): { code: string; week1Month1: boolean } {
  const m = TAX_BASIS.exec(taxCode.trim().toUpperCase());
  return m ? { code: m[1]!.trim(), week1Month1: true } : { code: taxCode.trim().toUpperCase(), week1Month1: false };
}

/** ISO YYYY-MM-DD → dd/mm/yyyy (the UK payroll software's own order). */
export function ukDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function dateAs(style: 'dd/mm/yyyy' | 'yyyy-mm-dd', iso: string | null): string {
  return style === 'dd/mm/yyyy' ? ukDate(iso) : (iso ?? '');
}

export type BooleanStyle = 'Yes/No' | 'True/False' | '1/0' | 'Y/N';
export function yesNo(style: BooleanStyle, value: boolean): string {
  const [yes, no] = style.split('/') as [string, string];
  return value ? yes : no;
}

export function genderAs(style: 'Male/Female' | 'M/F', gender: string | null): string {
  if (gender === 'male') return style === 'M/F' ? 'M' : 'Male';
  if (gender === 'female') return style === 'M/F' ? 'F' : 'Female';
  return '';
}

const FREQUENCY_WORDS: Record<string, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  'four-weekly': 'Four Weekly',
  monthly: 'Monthly',
};
export const frequencyWords = (f: string | null): string => (f ? (FREQUENCY_WORDS[f] ?? f) : '');

/** The plain value of a field, blank for null. */
export const plain =
  (field: PayrollField) =>
  (e: ExportEmployee): Cell =>
    e.values[field] ?? '';

/**
 * HMRC's FPS holds names and address lines of at most 35 characters, and so does Staffology's schema; a
 * longer value is refused rather than cut (a cut name is a different name at HMRC).
 */
export function atMost(max: number, what: string, value: string | null): Cell {
  if (value === null) return '';
  return value.length <= max
    ? value
    : refuse(`${what} is ${value.length} characters (“${value}”); the payroll software holds at most ${max}`);
}

/** The address as lines, blanks dropped: line 1–3, then town and county. */
export function addressLines(e: ExportEmployee): string[] {
  const v = e.values;
  return [v.addressLine1, v.addressLine2, v.addressLine3, v.city, v.county].filter(
    (s): s is string => !!s && s.trim() !== '',
  );
}

/** Address line `n` (1-based) of a target with `slots` lines, refusing an address that needs more. */
export function addressLine(target: string, slots: number, n: number) {
  return (e: ExportEmployee): Cell => {
    const lines = addressLines(e);
    if (lines.length > slots) {
      return refuse(
        `${target} holds ${slots} address lines besides the postcode; this address has ${lines.length} (${lines.join(', ')}): shorten it in the HR system`,
      );
    }
    return atMost(35, `Address line ${n}`, lines[n - 1] ?? null);
  };
}

/** A salary for a target that pays in pounds: another currency is refused, not loaded as pounds. */
export function salaryInPounds(target: string) {
  return (e: ExportEmployee): Cell => {
    const s = e.values.salary;
    if (!s) return '';
    const currency = e.values.currency;
    if (currency && currency !== 'GBP')
      return refuse(`The salary is in ${currency}; ${target} pays in pounds, so it was not loaded as if it were`);
    return s;
  };
}

/** Leavers go with their leave date: a leaver without one would stay on the payroll software as current. */
export function leaverWithoutDate(e: ExportEmployee): string | null {
  return e.state === 'leaver' && !e.values.leaveDate
    ? 'The HR system marks this person as a leaver but holds no leave date; the payroll software needs the date to stop paying them'
    : null;
}

// HMRC NIM39110: prefixes HMRC issues for administrative purposes, never as an employee's number.
const ADMIN_NI_PREFIXES = ['CR', 'FY', 'MW', 'NC', 'OO', 'PP'];

/**
 * The NI number for the FPS: a blank is allowed (payroll runs without one); an administrative prefix or a
 * number not of HMRC's shape is refused, since HMRC would reject or mismatch the employment.
 */
export function niNumber(e: ExportEmployee): Cell {
  const ni = e.values.niNumber;
  if (!ni) return '';
  const prefix = ni.slice(0, 2);
  if (ADMIN_NI_PREFIXES.includes(prefix)) {
    return refuse(
      `NI number ${ni} starts with ${prefix}, a prefix HMRC uses only for administrative numbers, never an employee's: check the number with the employee`,
    );
  }
  return NI_NUMBER.test(ni)
    ? ni
    : refuse(
        `NI number ${ni} is not an HMRC National Insurance number (2 letters, 6 digits, a letter A–D): check it with the employee`,
      );
}
