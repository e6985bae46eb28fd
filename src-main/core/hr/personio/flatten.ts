import type { ProviderRecord } from '../types';
import type { RawEmployee } from './schemas';

/**
 * Personio v1 employee → ProviderRecord, keyed as docs/hris/README.md says: the attribute key as
 * returned, objects read as their name, the supervisor as a full name, lists as names joined by ", ",
 * tags from an array or a comma string alike. An attribute the credential may not read is absent from
 * Personio's reply and stays absent here ("unknown"); an empty one (null, "", unset salary 0) is null/"".
 */

export const SALARY_KEYS = [
  'fix_salary',
  'fix_salary_interval',
  'hourly_salary',
  'fix_salary_currency',
  'hourly_salary_currency',
];

export interface FlattenOptions {
  includeSalaries: boolean;
  /** Keys the attributes endpoint says are tags (older records do not carry their type). */
  tagKeys?: ReadonlySet<string>;
}

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date at midnight is a calendar date: keep the date exactly as sent, never shifted by the offset
 * ("1990-01-01T00:00:00+01:00" is 1 January). Real timestamps (last_modified_at) are kept whole.
 */
export function normaliseDate(v: string): string {
  const m = MIDNIGHT.exec(v.trim());
  return m?.[1] ?? v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{label, value, …}` → value; older or nested shapes may carry the value directly. */
function unwrap(v: unknown): unknown {
  return isRecord(v) && 'value' in v ? v['value'] : v;
}

function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return normaliseDate(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** The display name of a nested Personio object: Office/Department/Team name, or a person's full name. */
function nameOf(v: unknown): string | null {
  if (!isRecord(v)) return scalar(v);
  const attrs = isRecord(v['attributes']) ? v['attributes'] : v;
  const name = scalar(unwrap(attrs['name']));
  if (name !== null && name !== '') return name;
  const first = scalar(unwrap(attrs['first_name'])) ?? '';
  const last = scalar(unwrap(attrs['last_name'])) ?? '';
  const full = `${first} ${last}`.trim();
  if (full !== '') return full;
  const email = scalar(unwrap(attrs['email']));
  if (email) return email;
  return scalar(unwrap(attrs['id']));
}

function joinList(items: string[]): string {
  return items
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(', ');
}

/** One attribute's value as the flat string the mapping grid and filters see. */
export function flattenValue(key: string, attr: unknown, tagKeys?: ReadonlySet<string>): string | null {
  const value = unwrap(attr);
  const type = isRecord(attr) && typeof attr['type'] === 'string' ? attr['type'] : null;
  if (Array.isArray(value)) return joinList(value.map((item) => nameOf(item) ?? ''));
  if (isRecord(value)) return nameOf(value);
  if (typeof value === 'string' && (type === 'tags' || tagKeys?.has(key))) return joinList(value.split(','));
  if ((key === 'fix_salary' || key === 'hourly_salary') && (value === 0 || value === '0')) return null;
  return scalar(value);
}

function currencyOf(attr: unknown): string | null {
  return isRecord(attr) && typeof attr['currency'] === 'string' && attr['currency'] !== '' ? attr['currency'] : null;
}

/** Flattens one employee; null when it carries no usable Personio id (nothing can be matched to it). */
export function flattenEmployee(raw: RawEmployee, opts: FlattenOptions): ProviderRecord | null {
  const attrs = raw.attributes;
  const id = scalar(unwrap(attrs['id']));
  if (id === null || id.trim() === '') return null;

  const fields: Record<string, string | null> = {};
  for (const [key, attr] of Object.entries(attrs)) fields[key] = flattenValue(key, attr, opts.tagKeys);
  fields['id'] = id;
  if ('fix_salary' in attrs)
    fields['fix_salary_currency'] = fields['fix_salary'] === null ? null : currencyOf(attrs['fix_salary']);
  if ('hourly_salary' in attrs)
    fields['hourly_salary_currency'] = fields['hourly_salary'] === null ? null : currencyOf(attrs['hourly_salary']);
  if (!opts.includeSalaries) for (const k of SALARY_KEYS) delete fields[k];

  const status = fields['status']?.toLowerCase() ?? null;
  const leaveDate = blankToNull(fields['termination_date']) ?? blankToNull(fields['last_working_day']);
  return {
    externalId: id,
    fields,
    leaver: {
      isLeaver: status === 'inactive',
      leaveDate,
      reason: blankToNull(fields['termination_reason']) ?? blankToNull(fields['termination_type']),
    },
  };
}

function blankToNull(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.trim() === '' ? null : v;
}
