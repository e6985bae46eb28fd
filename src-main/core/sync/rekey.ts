import type { CompactEmployee } from '../db/repositories/employees';
import type { ProviderRecord } from '../hr/types';
import { identityOf, type PlanConfig } from './plan';

/**
 * After the company changed its ID field: stored employees whose last-seen record gives another identity under
 * today's field, and whose stored identity no record in this fetch holds, keyed by the HR system's own id. They
 * are matched by that id instead, so changing the ID field never duplicates anyone. A changed value in an
 * unchanged ID field is still a new ID (its last record gives the stored identity).
 */
export function rekeyCandidates(
  records: ProviderRecord[],
  stored: Map<string, CompactEmployee>,
  keyedOtherwise: Iterable<{ identity: string; recordJson: string }>,
  cfg: Pick<PlanConfig, 'idField' | 'defaultIdField'>,
): Map<string, CompactEmployee> {
  const identities = new Set(records.map((r) => identityOf(r, cfg)));
  const out = new Map<string, CompactEmployee>();
  for (const e of keyedOtherwise) {
    if (identities.has(e.identity)) continue;
    const last = JSON.parse(e.recordJson) as ProviderRecord;
    const compact = stored.get(e.identity);
    if (compact && identityOf(last, cfg) !== e.identity) out.set(compact.hrId, compact);
  }
  return out;
}
