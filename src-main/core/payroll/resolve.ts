import type { PayrollField, PayrollValues } from '../../contract/payroll';
import type { Mapping } from '../../contract/mapping';
import type { ProviderRecord } from '../hr/types';

/**
 * Where a payroll field's value comes from this sync, before any normalising (architecture.md, sync rules):
 * the HR system is the source of truth for mapped fields; "Do not map" and keys the HR system did not send
 * (unknown, e.g. a permission the credential lacks) keep what is stored.
 */
export type Resolution =
  /** The HR system sent a non-blank value under this key. */
  | { kind: 'hr'; key: string; raw: string }
  /** The HR system holds nothing there (null or blank): the payroll field is blanked. */
  | { kind: 'blank'; key: string; raw: string | null }
  /** Not read this sync: the stored value stays. */
  | { kind: 'kept'; previous: string | null; why: 'unmapped' | 'absent' | 'salariesOff'; key?: string };

export function resolveField(
  field: PayrollField,
  record: ProviderRecord,
  mapping: Mapping,
  previous: PayrollValues | null,
  readable: boolean,
): Resolution {
  const stored = previous?.[field] ?? null;
  const kept = stored === null || stored.trim() === '' ? null : stored;
  if (!readable) return { kind: 'kept', previous: kept, why: 'salariesOff' };
  const key = mapping[field];
  if (key === undefined || key === null) return { kind: 'kept', previous: kept, why: 'unmapped' };
  if (!Object.prototype.hasOwnProperty.call(record.fields, key))
    return { kind: 'kept', previous: kept, why: 'absent', key };
  const raw = record.fields[key] ?? null;
  if (raw === null || raw.trim() === '') return { kind: 'blank', key, raw };
  return { kind: 'hr', key, raw };
}
