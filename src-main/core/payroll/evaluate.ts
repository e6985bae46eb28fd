import type { ProviderRecord } from '../hr/types';
import {
  PAYROLL_FIELDS,
  type PayrollField,
  type PayrollValues,
  type Problem,
  type Readiness,
} from '../../contract/payroll';
import type { Mapping, PayrollDefaults } from '../../contract/mapping';
import { isRequired, SALARY_FIELDS } from './fields';
import {
  invalidMessage,
  missingMessage,
  niNumberMissingMessage,
  titleMismatchMessage,
  type MissingReason,
} from './messages';
import { NORMALISERS, type NormaliseContext } from './normalise';
import { resolveField, type Resolution } from './resolve';
import { annualSalary } from './salary';
import { employeeStateFromHr } from './state';
import { TITLES_FITTING, titleFitsGender, titleFromGender } from './title';

export type FieldSource =
  | { kind: 'hr'; key: string } // came from this provider field key
  | { kind: 'default' } // company default (field unmapped or blank)
  | { kind: 'derived'; from: 'gender' } // title derived from gender
  | { kind: 'kept' }; // "Do not map" (or the key is absent from the record = unknown): stored value kept untouched

export interface EvaluateInput {
  record: ProviderRecord;
  mapping: Mapping;
  /** The stored payroll values from the last sync (null for a new employee). Unmapped fields and fields whose key is absent from record.fields keep these, untouched. */
  previous: PayrollValues | null;
  defaults: PayrollDefaults;
  /** When false, salary and currency are "kept", never read. */
  syncSalaries: boolean;
  /** Provider field key holding the salary period (e.g. 'compensation.period'), when the vendor states one. */
  salaryPeriodKey?: string | null;
  /** Today's calendar date in the UK, 'YYYY-MM-DD' (injected for repeatable tests). */
  today: string;
}

export interface EvaluatedEmployee {
  /** Every payroll field; normalised; invalid → null. */
  values: Record<PayrollField, string | null>;
  sources: Partial<Record<PayrollField, FieldSource>>;
  /** Severity 'error' (missing/invalid) or 'warning'. */
  problems: Problem[];
  readiness: Readiness;
  /** leaver: record.leaver.isLeaver, or leaveDate <= today. */
  state: 'active' | 'leaver';
}

// Country before postcode (UK rules depend on it), gender before title (derived from it).
const ORDER: PayrollField[] = ['country', 'gender', ...PAYROLL_FIELDS.filter((f) => f !== 'country' && f !== 'gender')];

export function evaluateEmployee(input: EvaluateInput): EvaluatedEmployee {
  const { record, mapping, previous, defaults, syncSalaries, today } = input;
  const values = Object.fromEntries(PAYROLL_FIELDS.map((f) => [f, null])) as Record<PayrollField, string | null>;
  const sources: Partial<Record<PayrollField, FieldSource>> = {};
  const problems: Problem[] = [];
  const rejected = new Set<PayrollField>();
  const resolutions = new Map<PayrollField, Resolution>();

  const warn = (field: PayrollField, code: string, message: string, value: string | null) =>
    problems.push({ field, code, message, value, severity: 'warning' });
  const reject = (field: PayrollField, expected: string, raw: string) => {
    rejected.add(field);
    problems.push({
      field,
      code: 'invalid',
      message: invalidMessage(field, expected, raw),
      value: raw,
      severity: 'error',
    });
  };
  const defaultFor = (field: PayrollField): string | null => {
    const d = defaults[field];
    return d !== undefined && d.trim() !== '' ? d : null;
  };

  for (const field of ORDER) {
    const res = resolveField(field, record, mapping, previous, syncSalaries || !SALARY_FIELDS.includes(field));
    resolutions.set(field, res);
    if (field === 'title') {
      titleStep(res, values, sources);
      continue;
    }
    if (res.kind === 'kept') {
      const fallback = res.why === 'salariesOff' ? null : defaultFor(field);
      values[field] = res.previous ?? fallback;
      sources[field] = res.previous === null && fallback !== null ? { kind: 'default' } : { kind: 'kept' };
      continue;
    }
    if (res.kind === 'blank') {
      const fallback = defaultFor(field);
      values[field] = fallback;
      sources[field] = fallback !== null ? { kind: 'default' } : { kind: 'hr', key: res.key };
      continue;
    }
    sources[field] = { kind: 'hr', key: res.key };
    const ctx: NormaliseContext = { today, country: rejected.has('country') ? 'unknown' : values.country };
    const out =
      field === 'salary' ? annualSalary(res.raw, record, input.salaryPeriodKey) : NORMALISERS[field](res.raw, ctx);
    if (!out.ok) {
      reject(field, out.expected, res.raw);
      continue;
    }
    values[field] = out.value;
    if (out.warning) warn(field, out.warning.code, out.warning.message, res.raw);
  }

  const titleRes = resolutions.get('title');
  const gender = values.gender;
  if (
    titleRes?.kind === 'hr' &&
    values.title !== null &&
    (gender === 'male' || gender === 'female') &&
    !titleFitsGender(values.title, gender)
  ) {
    warn(
      'title',
      'title_gender_mismatch',
      titleMismatchMessage(values.title, gender, TITLES_FITTING[gender]),
      titleRes.raw,
    );
  }

  for (const field of PAYROLL_FIELDS) {
    if (values[field] !== null || rejected.has(field)) continue;
    const res = resolutions.get(field);
    const sent = res?.kind === 'blank' ? res.raw : null;
    if (isRequired(field, values.country, rejected.has('country'))) {
      problems.push({
        field,
        code: 'missing',
        message: missingMessage(field, missingReason(res)),
        value: sent,
        severity: 'error',
      });
    } else if (field === 'niNumber') {
      warn(field, 'missing', niNumberMissingMessage(), sent);
    }
  }

  const position = (f: PayrollField) => PAYROLL_FIELDS.indexOf(f);
  problems.sort((a, b) => position(a.field) - position(b.field));
  return {
    values,
    sources: Object.fromEntries(PAYROLL_FIELDS.flatMap((f) => (sources[f] ? [[f, sources[f]]] : []))),
    problems,
    readiness: problems.some((p) => p.severity === 'error') ? 'pending' : 'ready',
    state: employeeStateFromHr(record.leaver.isLeaver, values.leaveDate, today),
  };
}

/**
 * Title: the HR system's title when it sends one; otherwise derived from gender (male → Mr, female → Ms).
 * When gender gives nothing either, an unknown or unmapped title keeps the stored one.
 */
function titleStep(
  res: Resolution,
  values: Record<PayrollField, string | null>,
  sources: Partial<Record<PayrollField, FieldSource>>,
): void {
  if (res.kind === 'hr') {
    const out = NORMALISERS.title(res.raw, { today: '', country: null });
    values.title = out.ok ? out.value : null;
    sources.title = { kind: 'hr', key: res.key };
    return;
  }
  const derived = titleFromGender(values.gender);
  // Unmapped: derive whenever gender allows. Unknown (absent key): the stored title wins, as for any field.
  if (res.kind === 'kept' && (res.why === 'unmapped' ? derived === null : res.previous !== null)) {
    values.title = res.previous;
    sources.title = { kind: 'kept' };
  } else if (derived !== null) {
    values.title = derived;
    sources.title = { kind: 'derived', from: 'gender' };
  } else {
    values.title = null;
    sources.title = res.kind === 'blank' ? { kind: 'hr', key: res.key } : { kind: 'kept' };
  }
}

function missingReason(res: Resolution | undefined): MissingReason {
  if (res?.kind === 'blank') return { kind: 'blank', key: res.key };
  if (res?.kind === 'kept' && res.why === 'absent' && res.key) return { kind: 'absent', key: res.key };
  return { kind: 'unmapped' };
}
