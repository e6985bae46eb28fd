import { z } from 'zod';
import { PAYROLL_FIELD_LABELS, payrollFieldSchema, type PayrollField } from './payroll';

/** payroll field → provider field key; null (or absent) is "Do not map": the stored value is never touched. */
export const mappingSchema = z.partialRecord(
  payrollFieldSchema,
  z
    .string({ error: 'a mapping value must be a provider field key or null' })
    .trim()
    .min(1, 'a provider field key cannot be blank; use null for "Do not map"')
    .nullable(),
);
export type Mapping = Partial<Record<PayrollField, string | null>>;

/** Canonical values, shared by the payroll rules and the settings UI's drop-downs. */
export const NI_CATEGORY_LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'S',
  'V',
  'X',
  'Z',
] as const;
export const PAYMENT_FREQUENCIES = ['weekly', 'fortnightly', 'four-weekly', 'monthly'] as const;
export const STARTER_DECLARATIONS = ['A', 'B', 'C'] as const;
export const STUDENT_LOAN_PLANS = ['1', '2', '4', '5'] as const;
export const BOOLEAN_VALUES = ['true', 'false'] as const;

/**
 * Fields where one value for the whole company makes sense. Personal facts (names, NI number, tax code,
 * bank details) are deliberately absent: a default there would hide a gap that must be fixed in the HR system.
 */
export const DEFAULTABLE_FIELDS = [
  'niCategory',
  'paymentFrequency',
  'starterDeclaration',
  'studentLoanPlan',
  'postgraduateLoan',
  'country',
  'currency',
] as const satisfies readonly PayrollField[];
export type DefaultableField = (typeof DEFAULTABLE_FIELDS)[number];
export type PayrollDefaults = Partial<Record<PayrollField, string>>;

export function isDefaultableField(field: string): field is DefaultableField {
  return (DEFAULTABLE_FIELDS as readonly string[]).includes(field);
}

// Codes ICU still names but which are not countries today (unions, pseudo-locales, withdrawn codes).
const NOT_COUNTRIES = new Set('AN BU CS DD DY EU EZ FX HV NH QO RH SU TP UK UN VD XA XB YD YU ZR ZZ'.split(' '));
let regionNames: Intl.DisplayNames | null | undefined;

/** An ISO 3166-1 alpha-2 country code in current use (upper case). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  if (regionNames === undefined) {
    regionNames =
      typeof Intl.DisplayNames === 'function'
        ? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
        : null;
  }
  return regionNames ? regionNames.of(code) !== undefined : true;
}

let currencyCodes: Set<string> | null | undefined;

/** An ISO 4217 currency code in current use (upper case). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (currencyCodes === undefined) {
    currencyCodes = typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;
  }
  return currencyCodes ? currencyCodes.has(code) : true;
}

export type DefaultCheck = { ok: true; value: string } | { ok: false; message: string };

const oneOf = (value: string, allowed: readonly string[], label: string): DefaultCheck =>
  allowed.includes(value)
    ? { ok: true, value }
    : { ok: false, message: `${label} default must be one of ${allowed.join(', ')}; it is ${value}` };

/**
 * Checks one company default and returns it in the canonical form the payroll rules store
 * (e.g. 'a' → 'A', 'UK' → 'GB', 'yes' → 'true'), so a default always passes that field's own validation.
 */
export function validatePayrollDefault(field: PayrollField, raw: string): DefaultCheck {
  const label = PAYROLL_FIELD_LABELS[field];
  if (!isDefaultableField(field))
    return { ok: false, message: `A company default cannot be set for ${label}; it must come from the HR system` };
  const value = raw.trim();
  if (value === '') return { ok: false, message: `${label} default is blank; remove it instead` };
  switch (field) {
    case 'niCategory':
      return oneOf(value.toUpperCase(), NI_CATEGORY_LETTERS, label);
    case 'starterDeclaration':
      return oneOf(value.toUpperCase(), STARTER_DECLARATIONS, label);
    case 'studentLoanPlan':
      return oneOf(value, STUDENT_LOAN_PLANS, label);
    case 'paymentFrequency':
      return oneOf(value.toLowerCase(), PAYMENT_FREQUENCIES, label);
    case 'postgraduateLoan': {
      const v = value.toLowerCase();
      if (v === 'true' || v === 'yes') return { ok: true, value: 'true' };
      if (v === 'false' || v === 'no') return { ok: true, value: 'false' };
      return { ok: false, message: `${label} default must be true or false; it is ${value}` };
    }
    case 'country': {
      const code = value.toUpperCase() === 'UK' ? 'GB' : value.toUpperCase();
      return isCountryCode(code)
        ? { ok: true, value: code }
        : { ok: false, message: `${label} default must be a two-letter ISO country code such as GB; it is ${value}` };
    }
    case 'currency': {
      const code = value.toUpperCase();
      return isCurrencyCode(code)
        ? { ok: true, value: code }
        : {
            ok: false,
            message: `${label} default must be a three-letter ISO currency code such as GBP; it is ${value}`,
          };
    }
  }
}

export const payrollDefaultsSchema = z
  .partialRecord(payrollFieldSchema, z.string({ error: 'a company default must be text' }))
  .transform((defaults, ctx) => {
    const out: PayrollDefaults = {};
    for (const [field, raw] of Object.entries(defaults) as Array<[PayrollField, string | undefined]>) {
      if (raw === undefined) continue;
      const check = validatePayrollDefault(field, raw);
      if (check.ok) out[field] = check.value;
      else ctx.addIssue({ code: 'custom', path: [field], message: check.message });
    }
    return out;
  });
