import { evaluateFilters } from '../filters/evaluate';
import type { ProviderRecord } from '../hr/types';
import { sha1 } from '../hr/record-json';
import { HUMAANS_SHOWN_ID_KEY } from '../db/repositories/shown-id';
import { rawName, type PlanConfig } from './plan';

/**
 * What is kept of a person the filters leave out: enough to list them (name, the ID the HR system shows),
 * to match them again (the ID fields) and to show why (the fields the filters read) — and none of their
 * payroll data (salary, bank, NI number), which the bureau has no business holding for someone it does
 * not pay.
 */
export function excludedRecord(
  record: ProviderRecord,
  cfg: Pick<PlanConfig, 'idField' | 'defaultIdField' | 'filters' | 'mapping'>,
): ProviderRecord {
  // The name fields the company maps (rawName reads them): an excluded person is listed by name.
  const keep = new Set([
    cfg.idField,
    cfg.defaultIdField,
    HUMAANS_SHOWN_ID_KEY,
    ...[cfg.mapping.firstName, cfg.mapping.lastName, cfg.mapping.employeeId].filter((k): k is string => Boolean(k)),
    ...cfg.filters.map((f) => f.field),
  ]);
  const fields: Record<string, string | null> = {};
  for (const k of Object.keys(record.fields)) if (keep.has(k)) fields[k] = record.fields[k] ?? null;
  return { ...record, fields };
}

/** The excluded person's stored form: no payroll values, the rule that leaves them out, their trimmed record. */
export function excludedEmployee(
  record: ProviderRecord,
  cfg: PlanConfig,
): { name: string; excludedBy: string; recordJson: string; recordHash: string } {
  const recordJson = JSON.stringify(excludedRecord(record, cfg));
  return {
    name: rawName(record, cfg.mapping) || `HR record ${record.externalId}`,
    excludedBy: exclusionReason(record, cfg),
    recordJson,
    recordHash: sha1(recordJson),
  };
}

/** The first rule, as the user wrote them, that leaves this person out, in words. */
export function exclusionReason(record: ProviderRecord, cfg: Pick<PlanConfig, 'filters' | 'labels'>): string {
  return evaluateFilters(cfg.filters, record.fields, cfg.labels).reason;
}
