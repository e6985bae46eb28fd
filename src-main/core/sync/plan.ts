import { createHash } from 'node:crypto';
import type { Mapping, PayrollDefaults } from '../../contract/mapping';
import type { FilterRule } from '../../contract/filters';
import type { PayrollField, Problem } from '../../contract/payroll';
import type { RunCounts } from '../../contract/sync';
import { evaluateEmployee, sourcesToJson } from '../payroll/evaluate';
import { isIncluded } from '../filters/evaluate';
import type { ProviderRecord } from '../hr/types';
import { sha1 } from '../hr/record-json';
import type { EmployeeWrite, StoredEmployee } from '../db/repositories/employees';
import type { RunProblemRow } from '../db/repositories/runs';
import { excludedEmployee } from './excluded';

/** Everything a run decided, computed before anything is written, then applied in one transaction. */
export interface SyncPlan {
  inserts: EmployeeWrite[];
  updates: Array<{
    id: number;
    write: EmployeeWrite;
    changes: Array<{ field: string; from: string | null; to: string | null }>;
    /** Set when the employee was matched by the HR system's own id because the company's ID field changed. */
    rekeyFrom?: string;
  }>;
  /** excludedBy: the rule that leaves the employee out, in words (only for state 'excluded'). */
  stateChanges: Array<{ id: number; state: StoredEmployee['state']; excludedBy?: string }>;
  /** Employees confirmed unchanged by "Sync now": only their last-synced time is written. */
  touches: number[];
  runProblems: RunProblemRow[];
  counts: RunCounts;
}

export interface PlanConfig {
  mapping: Mapping;
  filters: FilterRule[];
  defaults: PayrollDefaults;
  syncSalaries: boolean;
  salaryPeriodKey: string | null;
  idField: string;
  defaultIdField: string;
  labels: Record<string, string>;
  today: string;
  now: string;
  runId: string;
  /** sha1 of everything above that decides an outcome (not now/runId): see SyncEngine#config. */
  configHash: string;
  /** IDs that more than one person in this fetch holds: none of them is synced (see duplicateIdentities). */
  duplicateIds?: ReadonlySet<string>;
}

export function emptyPlan(): SyncPlan {
  return {
    inserts: [],
    updates: [],
    stateChanges: [],
    touches: [],
    runProblems: [],
    counts: { created: 0, updated: 0, unchanged: 0, excluded: 0, leavers: 0, missing: 0, problems: 0 },
  };
}

/** The value of the company's ID field for a record; '' when the HR system holds none. */
export function identityOf(record: ProviderRecord, cfg: Pick<PlanConfig, 'idField' | 'defaultIdField'>): string {
  const v = record.fields[cfg.idField];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return cfg.idField === cfg.defaultIdField ? record.externalId : '';
}

export function displayName(values: Partial<Record<PayrollField, string | null>>, record: ProviderRecord): string {
  const name = [values.firstName, values.lastName].filter(Boolean).join(' ').trim();
  return name || `HR record ${record.externalId}`;
}

export const hashRecord = (record: ProviderRecord): string => sha1(JSON.stringify(record));

export { sha1 };

/** The display name a duplicate-ID problem gives a record (no payroll rules have run for it). */
export function rawName(record: ProviderRecord): string {
  const f = record.fields;
  return [f.first_name ?? f.firstName ?? f.FirstName, f.last_name ?? f.lastName ?? f.LastName].filter(Boolean).join(' ');
}

export function duplicateProblem(identity: string, record: { externalId: string; name: string }): RunProblemRow {
  return {
    identity,
    name: record.name || `HR record ${record.externalId}`,
    field: 'employeeId',
    code: 'duplicate_id',
    severity: 'error',
    message: `More than one person in the HR system has the ID "${identity}" (this one is HR record ${record.externalId}), so none of them was synced and the stored employee was left as it was. Give each person their own ID in the HR system.`,
    value: identity,
  };
}

export function missingIdProblem(record: ProviderRecord, cfg: Pick<PlanConfig, 'labels' | 'idField'>): RunProblemRow {
  return {
    identity: record.externalId,
    name: `HR record ${record.externalId}`,
    field: 'employeeId',
    code: 'missing_id',
    severity: 'error',
    message: `This person has no value in the ID field "${cfg.labels[cfg.idField] ?? cfg.idField}", so Bureau Sync cannot match them to payroll. Fill it in in the HR system.`,
    value: null,
  };
}

/** Runs the payroll rules on one included record: what the employee row would become. */
export function evaluateRecord(
  record: ProviderRecord,
  identity: string,
  previous: Record<PayrollField, string | null> | null,
  cfg: PlanConfig,
  recordJson = JSON.stringify(record),
): EmployeeWrite {
  return evaluateRecordJson(record, identity, previous, cfg, recordJson, sha1(recordJson)).write;
}

/** An evaluated record with the JSON the staging table stores, each serialised once (they are hashed too). */
export interface EvaluatedRecord {
  write: EmployeeWrite;
  valuesJson: string;
  sourcesJson: string;
}

/**
 * evaluateRecord for a caller that already holds the record's JSON and its sha1 (the streaming planner
 * needs both before deciding to run the rules): neither is computed again, and the values and sources
 * are serialised once for both the row and its hash.
 */
export function evaluateRecordJson(
  record: ProviderRecord,
  identity: string,
  previous: Record<PayrollField, string | null> | null,
  cfg: PlanConfig,
  recordJson: string,
  rawHash: string,
): EvaluatedRecord {
  const ev = evaluateEmployee({
    record,
    mapping: cfg.mapping,
    previous,
    defaults: cfg.defaults,
    syncSalaries: cfg.syncSalaries,
    salaryPeriodKey: cfg.salaryPeriodKey,
    today: cfg.today,
  });
  const name = displayName(ev.values, record);
  const valuesJson = JSON.stringify(ev.values);
  const sourcesJson = sourcesToJson(ev.sources);
  const write: EmployeeWrite = {
    identity,
    hrId: record.externalId,
    name,
    state: ev.state,
    readiness: ev.readiness,
    values: ev.values,
    sources: ev.sources as Record<string, unknown>,
    recordJson,
    recordHash: employeeHash(recordJson, valuesJson, sourcesJson, ev.problems, ev.state, ev.readiness, name),
    rawHash,
    configHash: cfg.configHash,
    idField: cfg.idField,
    problems: ev.problems,
    syncedAt: cfg.now,
    runId: cfg.runId,
  };
  return { write, valuesJson, sourcesJson };
}

/**
 * What makes a stored employee current: the HR record and everything the rules made of it. Equal hashes
 * mean the run has nothing to write for this employee, so a re-sync with no changes writes no rows.
 */
export function hashEmployee(recordJson: string, w: Pick<EmployeeWrite, 'values' | 'sources' | 'problems' | 'state' | 'readiness' | 'name'>): string {
  return employeeHash(recordJson, JSON.stringify(w.values), JSON.stringify(w.sources), w.problems, w.state, w.readiness, w.name);
}

/**
 * hashEmployee from values and sources already serialised. The text hashed is exactly
 * JSON.stringify([values, sources, problems, state, readiness, name]) (an array's JSON is its elements'
 * JSON joined by commas), so stored hashes stay valid.
 */
function employeeHash(
  recordJson: string,
  valuesJson: string,
  sourcesJson: string,
  problems: Problem[],
  state: string,
  readiness: string,
  name: string,
): string {
  const decided = `[${valuesJson},${sourcesJson},${JSON.stringify(problems)},${JSON.stringify(state)},${JSON.stringify(readiness)},${JSON.stringify(name)}]`;
  return createHash('sha1').update(recordJson).update(decided).digest('hex');
}

/**
 * IDs held by more than one person in one fetch. Payroll data is at stake: rather than let whichever record
 * comes first overwrite the real holder's bank details, none of them is synced until the HR system is fixed.
 */
export function duplicateIdentities(records: ProviderRecord[], cfg: Pick<PlanConfig, 'idField' | 'defaultIdField'>): Set<string> {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const r of records) {
    const id = identityOf(r, cfg);
    if (!id) continue;
    if (seen.has(id)) dups.add(id);
    seen.add(id);
  }
  return dups;
}

/**
 * Decides what one record means for the stored employees: create, update, leave unchanged, or mark
 * excluded. Pure apart from the plan it appends to, so the whole run can be checked before writing.
 */
export function planRecord(
  plan: SyncPlan,
  record: ProviderRecord,
  stored: Map<string, StoredEmployee>,
  seen: Set<string>,
  cfg: PlanConfig,
  rekeyable: Map<string, StoredEmployee> = new Map(),
): void {
  const identity = identityOf(record, cfg);
  if (!identity) {
    plan.runProblems.push(missingIdProblem(record, cfg));
    plan.counts.problems += 1;
    return;
  }
  if (cfg.duplicateIds?.has(identity) || seen.has(identity)) {
    plan.runProblems.push(duplicateProblem(identity, { externalId: record.externalId, name: rawName(record) }));
    plan.counts.problems += 1;
    // Counted as seen: a duplicated ID is present in the HR system, so its stored employee is not "missing".
    seen.add(identity);
    return;
  }
  seen.add(identity);
  let existing = stored.get(identity);
  let rekeyFrom: string | undefined;
  if (!existing) {
    // The bureau changed the ID field: the same HR person must stay the same employee, not become a duplicate.
    const previous = rekeyable.get(record.externalId);
    if (previous && !seen.has(previous.identity)) {
      rekeyable.delete(record.externalId);
      existing = previous;
      rekeyFrom = previous.identity;
      seen.add(previous.identity);
    }
  }
  if (!isIncluded(cfg.filters, record.fields)) {
    plan.counts.excluded += 1;
    const ex = excludedEmployee(record, cfg);
    if (existing) plan.stateChanges.push({ id: existing.id, state: 'excluded', excludedBy: ex.excludedBy });
    else {
      // Listed from the first sync on, with the rule that leaves them out, and no payroll fields.
      plan.inserts.push({
        identity,
        hrId: record.externalId,
        name: ex.name,
        state: 'excluded',
        readiness: 'pending',
        values: {} as Record<PayrollField, string | null>,
        sources: {},
        recordJson: ex.recordJson,
        recordHash: ex.recordHash,
        rawHash: sha1(JSON.stringify(record)),
        configHash: cfg.configHash,
        idField: cfg.idField,
        problems: [],
        syncedAt: cfg.now,
        runId: cfg.runId,
        excludedBy: ex.excludedBy,
      });
    }
    return;
  }
  const write = evaluateRecord(record, identity, existing ? existing.values : null, cfg);
  if (write.state === 'leaver') plan.counts.leavers += 1;
  addRunProblems(plan, identity, write.name, write.problems);
  if (!existing) {
    plan.inserts.push(write);
    plan.counts.created += 1;
    return;
  }
  if (existing.recordHash === write.recordHash && existing.state === write.state && rekeyFrom === undefined) {
    // Nothing to write: "last synced" for a current employee is the company's last complete sync.
    // (An excluded or missing employee coming back has a state change to write, even with the same record.)
    plan.counts.unchanged += 1;
    return;
  }
  const changes = diffValues(existing.values, write.values);
  plan.updates.push({ id: existing.id, write, changes, ...(rekeyFrom !== undefined ? { rekeyFrom } : {}) });
  // "Updated" is who has a field change recorded in this run; a rewrite that changed no payroll value is not.
  if (changes.length > 0) plan.counts.updated += 1;
  else plan.counts.unchanged += 1;
}

function addRunProblems(plan: SyncPlan, identity: string, name: string, problems: Problem[]): void {
  for (const p of problems) {
    plan.runProblems.push({ identity, name, field: p.field, code: p.code, severity: p.severity, message: p.message, value: p.value });
    if (p.severity === 'error') plan.counts.problems += 1;
  }
}

export function diffValues(
  before: Partial<Record<PayrollField, string | null>>,
  after: Partial<Record<PayrollField, string | null>>,
): Array<{ field: string; from: string | null; to: string | null }> {
  const out: Array<{ field: string; from: string | null; to: string | null }> = [];
  for (const field of Object.keys(after) as PayrollField[]) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (from !== to) out.push({ field, from, to });
  }
  return out;
}

/**
 * Employees stored under a different ID field than the company uses now (their last-seen record gives another
 * identity under today's field), keyed by the HR system's own id: they are matched by that id instead, so
 * changing the ID field never duplicates anyone. A changed value in an unchanged ID field is still a new ID.
 */
export function rekeyCandidates(records: ProviderRecord[], stored: Map<string, StoredEmployee>, cfg: PlanConfig): Map<string, StoredEmployee> {
  const identities = new Set(records.map((r) => identityOf(r, cfg)));
  const out = new Map<string, StoredEmployee>();
  for (const e of stored.values()) {
    if (identities.has(e.identity)) continue;
    const last = JSON.parse(e.recordJson) as ProviderRecord;
    if (identityOf(last, cfg) !== e.identity) out.set(e.hrId, e);
  }
  return out;
}

/** After a complete fetch: everyone stored but not seen is missing (never deleted). */
export function planMissing(plan: SyncPlan, stored: Map<string, StoredEmployee>, seen: Set<string>): void {
  for (const [identity, e] of stored) {
    if (!seen.has(identity) && e.state !== 'missing') {
      plan.stateChanges.push({ id: e.id, state: 'missing' });
      plan.counts.missing += 1;
    }
  }
}
