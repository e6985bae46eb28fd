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

/**
 * Sources are shared, frozen objects: every person of a sync has the same few (one per mapped key), so none is
 * allocated per person and the JSON of each is built once (see sourcesToJson).
 */
const KEPT: FieldSource = Object.freeze({ kind: 'kept' });
const DEFAULT: FieldSource = Object.freeze({ kind: 'default' });
const DERIVED: FieldSource = Object.freeze({ kind: 'derived', from: 'gender' });
const fromHrKey = new Map<string, FieldSource>();
function fromHr(key: string): FieldSource {
  let source = fromHrKey.get(key);
  if (!source) {
    // Keys come from company mappings, so there are few; the bound only guards against unbounded growth.
    if (fromHrKey.size >= 10_000) fromHrKey.clear();
    source = Object.freeze({ kind: 'hr', key });
    fromHrKey.set(key, source);
  }
  return source;
}
const sourceJson = new WeakMap<FieldSource, string>();
const FIELD_JSON = new Map<string, string>(PAYROLL_FIELDS.map((f) => [f, JSON.stringify(f)]));

/**
 * Exactly JSON.stringify(sources), faster: the JSON of each shared (frozen, so unchanging) source is
 * remembered, which saves most of the work for an object of some thirty small objects per person.
 */
export function sourcesToJson(sources: Partial<Record<PayrollField, FieldSource>>): string {
  let out = '';
  for (const field of Object.keys(sources) as PayrollField[]) {
    const source = sources[field];
    if (source === undefined) continue;
    let json = sourceJson.get(source);
    if (json === undefined) {
      json = JSON.stringify(source);
      if (Object.isFrozen(source)) sourceJson.set(source, json);
    }
    out += `${out === '' ? '{' : ','}${FIELD_JSON.get(field) ?? JSON.stringify(field)}:${json}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

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
// Each field with its position in PAYROLL_FIELDS, where its source and resolution are kept (arrays, not maps).
const ORDERED_AT: ReadonlyArray<readonly [PayrollField, number]> = ORDER.map((f) => [f, PAYROLL_FIELDS.indexOf(f)]);
const FIELDS_AT: ReadonlyArray<readonly [PayrollField, number]> = PAYROLL_FIELDS.map((f, i) => [f, i]);

// Built once: evaluateEmployee runs for every person of every sync, and Object.fromEntries per call cost
// more than the rules themselves. A spread of this object is a cheap copy that keeps PAYROLL_FIELDS' order.
const NO_VALUES = Object.fromEntries(PAYROLL_FIELDS.map((f) => [f, null])) as Record<PayrollField, string | null>;
const TITLE_AT = PAYROLL_FIELDS.indexOf('title');
const POSITION = new Map<PayrollField, number>(PAYROLL_FIELDS.map((f, i) => [f, i]));
const position = (f: PayrollField): number => POSITION.get(f) ?? -1;
const byField = (a: Problem, b: Problem): number => position(a.field) - position(b.field);

function defaultFor(defaults: PayrollDefaults, field: PayrollField): string | null {
  const d = defaults[field];
  return d !== undefined && d.trim() !== '' ? d : null;
}

function warning(field: PayrollField, code: string, message: string, value: string | null): Problem {
  return { field, code, message, value, severity: 'warning' };
}

export function evaluateEmployee(input: EvaluateInput): EvaluatedEmployee {
  const { record, mapping, previous, defaults, syncSalaries, today } = input;
  const values: Record<PayrollField, string | null> = { ...NO_VALUES };
  const found: Array<FieldSource | undefined> = new Array<FieldSource | undefined>(PAYROLL_FIELDS.length);
  const problems: Problem[] = [];
  const rejected = new Set<PayrollField>();
  const resolutions: Array<Resolution | undefined> = new Array<Resolution | undefined>(PAYROLL_FIELDS.length);
  // Country is evaluated first, so every later field sees its final value; country itself sees none.
  let ctx: NormaliseContext = { today, country: null };

  for (const [field, at] of ORDERED_AT) {
    const res = resolveField(field, record, mapping, previous, syncSalaries || !SALARY_FIELDS.includes(field));
    resolutions[at] = res;
    if (field === 'title') {
      found[at] = titleStep(res, values);
    } else if (res.kind === 'kept') {
      const fallback = res.why === 'salariesOff' ? null : defaultFor(defaults, field);
      values[field] = res.previous ?? fallback;
      found[at] = res.previous === null && fallback !== null ? DEFAULT : KEPT;
    } else if (res.kind === 'blank') {
      const fallback = defaultFor(defaults, field);
      values[field] = fallback;
      found[at] = fallback !== null ? DEFAULT : fromHr(res.key);
    } else {
      found[at] = fromHr(res.key);
      const out =
        field === 'salary' ? annualSalary(res.raw, record, input.salaryPeriodKey) : NORMALISERS[field](res.raw, ctx);
      if (!out.ok) {
        rejected.add(field);
        problems.push({
          field,
          code: 'invalid',
          message: invalidMessage(field, out.expected, res.raw),
          value: res.raw,
          severity: 'error',
        });
      } else {
        values[field] = out.value;
        if (out.warning) problems.push(warning(field, out.warning.code, out.warning.message, res.raw));
      }
    }
    if (field === 'country') ctx = { today, country: rejected.has('country') ? 'unknown' : values.country };
  }

  const titleRes = resolutions[TITLE_AT];
  const gender = values.gender;
  if (
    titleRes?.kind === 'hr' &&
    values.title !== null &&
    (gender === 'male' || gender === 'female') &&
    !titleFitsGender(values.title, gender)
  ) {
    problems.push(
      warning(
        'title',
        'title_gender_mismatch',
        titleMismatchMessage(values.title, gender, TITLES_FITTING[gender]),
        titleRes.raw,
      ),
    );
  }

  for (const [field, at] of FIELDS_AT) {
    if (values[field] !== null || rejected.has(field)) continue;
    const res = resolutions[at];
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
      problems.push(warning(field, 'missing', niNumberMissingMessage(), sent));
    }
  }

  // Array.prototype.sort is stable: problems of one field keep the order they were found in.
  if (problems.length > 1) problems.sort(byField);
  // Sources in PAYROLL_FIELDS order (they were found in ORDER): their JSON is stored and hashed.
  const sources: Partial<Record<PayrollField, FieldSource>> = {};
  for (const [field, at] of FIELDS_AT) {
    const source = found[at];
    if (source) sources[field] = source;
  }
  return {
    values,
    sources,
    problems,
    readiness: problems.some((p) => p.severity === 'error') ? 'pending' : 'ready',
    state: employeeStateFromHr(record.leaver.isLeaver, values.leaveDate, today),
  };
}

/**
 * Title: the HR system's title when it sends one; otherwise derived from gender (male → Mr, female → Ms).
 * When gender gives nothing either, an unknown or unmapped title keeps the stored one.
 */
function titleStep(res: Resolution, values: Record<PayrollField, string | null>): FieldSource {
  if (res.kind === 'hr') {
    const out = NORMALISERS.title(res.raw, { today: '', country: null });
    values.title = out.ok ? out.value : null;
    return fromHr(res.key);
  }
  const derived = titleFromGender(values.gender);
  // Unmapped: derive whenever gender allows. Unknown (absent key): the stored title wins, as for any field.
  if (res.kind === 'kept' && (res.why === 'unmapped' ? derived === null : res.previous !== null)) {
    values.title = res.previous;
    return KEPT;
  }
  if (derived !== null) {
    values.title = derived;
    return DERIVED;
  }
  values.title = null;
  return res.kind === 'blank' ? fromHr(res.key) : KEPT;
}

function missingReason(res: Resolution | undefined): MissingReason {
  if (res?.kind === 'blank') return { kind: 'blank', key: res.key };
  if (res?.kind === 'kept' && res.why === 'absent' && res.key) return { kind: 'absent', key: res.key };
  return { kind: 'unmapped' };
}
