import type { PayrollField } from '../../contract/payroll';
import { NI_CATEGORY_LETTERS, STARTER_DECLARATIONS, STUDENT_LOAN_PLANS } from '../../contract/mapping';
import { countryCode, UK_CODE } from './countries';
import { formatUkDate, parseCalendarDate, yearsBefore } from './dates';
import { paymentFrequency } from './frequency';
import { currencyCode } from './money';
import { normaliseTitle } from './title';

/** The formats of payroll-fields.md, verbatim. */
export const NI_NUMBER = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
export const TAX_CODE =
  /^(?:S(?:\d{1,4}[LMNT]|K\d{1,4}|BR|0T|NT|D[0-3])|C?(?:\d{1,4}[LMNT]|K\d{1,4}|BR|0T|NT|D[01]))(?:\s?(?:W1|M1|X))?$/;
export const UK_POSTCODE =
  /^(GIR ?0AA|(?:[A-Z][0-9]{1,2}|[A-Z][A-HJ-Y][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z][A-HJ-Y][0-9][A-Z]?) ?[0-9][A-Z]{2})$/;
export const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
export const EARLIEST_BIRTH_DATE = '1900-01-01';
export const MINIMUM_AGE_YEARS = 13;

export interface NormaliseContext {
  /** Today's UK calendar date, YYYY-MM-DD. */
  today: string;
  /** The employee's country as evaluated: an ISO code, null when blank, 'unknown' when the HR value was rejected. */
  country: string | null;
}

export type Normalised =
  | { ok: true; value: string | null; warning?: { code: string; message: string } }
  /** `expected` completes "<Label> must be …". */
  | { ok: false; expected: string };

export type Normaliser = (raw: string, ctx: NormaliseContext) => Normalised;

const ok = (value: string | null): Normalised => ({ ok: true, value });
const bad = (expected: string): Normalised => ({ ok: false, expected });
const trimmed: Normaliser = (raw) => ok(raw.trim());
const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');
// Unicode-property regexes are held once: compilers may turn the literal into `new RegExp(...)`, which would
// then be rebuilt for every name of every sync.
const LETTER_FIRST = /^\p{L}/u;
const SINGLE_INITIAL = /^\p{L}\.?$/u;
const startsWithLetter = (s: string) => LETTER_FIRST.test(s);

const date: Normaliser = (raw) => {
  const iso = parseCalendarDate(raw);
  return iso ? ok(iso) : bad('a real date such as 1990-01-31 or 31/01/1990');
};

// The latest allowed birth date for the last `today` seen: a sync asks with the same day for everyone.
let latestBirth = { today: '', date: '' };
function latestBirthDate(today: string): string {
  if (latestBirth.today !== today) latestBirth = { today, date: yearsBefore(today, MINIMUM_AGE_YEARS) };
  return latestBirth.date;
}

const dateOfBirth: Normaliser = (raw, ctx) => {
  const iso = parseCalendarDate(raw);
  if (!iso) return bad('a real date such as 1990-01-31 or 31/01/1990');
  const latest = latestBirthDate(ctx.today);
  if (iso < EARLIEST_BIRTH_DATE || iso > latest) {
    return bad(
      `between ${formatUkDate(EARLIEST_BIRTH_DATE)} and ${formatUkDate(latest)} (at least ${MINIMUM_AGE_YEARS} years before today)`,
    );
  }
  return ok(iso);
};

const GENDERS: Record<string, 'male' | 'female'> = {
  male: 'male',
  m: 'male',
  man: 'male',
  female: 'female',
  f: 'female',
  woman: 'female',
};

const postcode: Normaliser = (raw, ctx) => {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  // Another country's postcode has its own format; UK rules apply only to UK (or blank-country) addresses.
  if (ctx.country !== null && ctx.country !== UK_CODE) return ok(collapse(raw).toUpperCase());
  const spaced = compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
  return UK_POSTCODE.test(spaced) ? ok(spaced) : bad('a UK postcode such as SW1A 1AA');
};

const STUDENT_LOAN_NONE = new Set(['none', 'no', 'n/a', 'na', 'no plan', 'not applicable', '0']);
const BOOLEANS: Record<string, 'true' | 'false'> = {
  yes: 'true',
  y: 'true',
  true: 'true',
  '1': 'true',
  no: 'false',
  n: 'false',
  false: 'false',
  '0': 'false',
};

/** One normaliser per payroll field (salary needs its period, so evaluate.ts handles it). */
export const NORMALISERS: Record<Exclude<PayrollField, 'salary'>, Normaliser> = {
  employeeId: (raw) => {
    const s = raw.trim();
    return s.length <= 35 ? ok(s) : bad('at most 35 characters');
  },
  title: (raw) => ok(normaliseTitle(raw)),
  firstName: (raw) => {
    const s = collapse(raw);
    if (!startsWithLetter(s)) return bad('a name starting with a letter');
    if (SINGLE_INITIAL.test(s)) {
      return {
        ok: true,
        value: s,
        warning: {
          code: 'single_initial',
          message: `First name is only an initial (${s}); HMRC expects the full first name`,
        },
      };
    }
    return ok(s);
  },
  middleName: trimmed,
  lastName: (raw) => {
    const s = raw.trim();
    return startsWithLetter(s) ? ok(s) : bad('a name starting with a letter');
  },
  gender: (raw) => {
    const g = GENDERS[raw.trim().toLowerCase()];
    return g ? ok(g) : bad('male or female (HMRC accepts only M or F)');
  },
  dateOfBirth,
  email: (raw) => {
    const s = raw.trim().toLowerCase();
    return EMAIL.test(s) ? ok(s) : bad('a valid email address such as name@example.co.uk');
  },
  phone: trimmed,
  addressLine1: trimmed,
  addressLine2: trimmed,
  addressLine3: trimmed,
  city: trimmed,
  county: trimmed,
  postcode,
  country: (raw) => {
    const code = countryCode(raw);
    return code ? ok(code) : bad('a country name or ISO code such as United Kingdom or GB');
  },
  startDate: date,
  leaveDate: date,
  jobTitle: trimmed,
  department: trimmed,
  niNumber: (raw) => {
    const s = raw.replace(/\s+/g, '').toUpperCase();
    return NI_NUMBER.test(s) ? ok(s) : bad('2 letters, 6 digits and a final letter A to D, such as AB123456C');
  },
  niCategory: (raw) => {
    const s = raw
      .trim()
      .toUpperCase()
      .replace(/^(?:NI\s+)?(?:CATEGORY|CAT\.?)\s*/, '');
    return (NI_CATEGORY_LETTERS as readonly string[]).includes(s)
      ? ok(s)
      : bad(`one of the HMRC category letters ${NI_CATEGORY_LETTERS.join(' ')}`);
  },
  taxCode: (raw) => {
    const s = collapse(raw).toUpperCase();
    return TAX_CODE.test(s) ? ok(s) : bad('an HMRC tax code such as 1257L, BR, 0T, K475, S1257L or C1257L');
  },
  starterDeclaration: (raw) => {
    const s = raw
      .trim()
      .toUpperCase()
      .replace(/^(?:STARTER\s+)?(?:DECLARATION|STATEMENT)\s*/, '');
    return (STARTER_DECLARATIONS as readonly string[]).includes(s) ? ok(s) : bad('A, B or C');
  },
  studentLoanPlan: (raw) => {
    const s = raw.trim().toLowerCase();
    if (STUDENT_LOAN_NONE.has(s)) return ok(null);
    const plan = s.replace(/^plan\s*(?:type\s*)?/, '');
    return (STUDENT_LOAN_PLANS as readonly string[]).includes(plan)
      ? ok(plan)
      : bad('plan 1, 2, 4 or 5, or blank for none');
  },
  postgraduateLoan: (raw) => {
    const b = BOOLEANS[raw.trim().toLowerCase()];
    return b ? ok(b) : bad('yes or no');
  },
  paymentFrequency: (raw) => {
    const f = paymentFrequency(raw);
    return f ? ok(f) : bad('weekly, fortnightly, four-weekly or monthly');
  },
  sortCode: (raw) => {
    const s = raw.replace(/[\s-]+/g, '');
    return /^\d{6}$/.test(s) ? ok(s) : bad('6 digits');
  },
  accountNumber: (raw) => {
    const s = raw.replace(/\s+/g, '');
    return /^\d{8}$/.test(s) ? ok(s) : bad('8 digits');
  },
  accountName: trimmed,
  currency: (raw) => {
    const code = currencyCode(raw);
    return code ? ok(code) : bad('a currency code such as GBP');
  },
};
