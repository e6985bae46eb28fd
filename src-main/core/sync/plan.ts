import { createHash } from 'node:crypto';
import type { Mapping, PayrollDefaults } from '../../contract/mapping';
import type { FilterRule } from '../../contract/filters';
import type { PayrollField, Problem } from '../../contract/payroll';
import { evaluateEmployee, sourcesToJson } from '../payroll/evaluate';
import type { ProviderRecord } from '../hr/types';
import { sha1 } from '../hr/record-json';
import type { EmployeeWrite } from '../db/repositories/employees';
import type { RunProblemRow } from '../db/repositories/runs';

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

export { sha1 };

/**
 * A record's name before any payroll rule has run (a duplicate-ID problem, an excluded person, the filters'
 * preview): the fields the company maps to first and last name, whatever its HR system calls them.
 */
export function rawName(record: ProviderRecord, mapping: Mapping): string {
  const f = (key: string | null | undefined) => (key ? record.fields[key] : null);
  return [f(mapping.firstName), f(mapping.lastName)].filter(Boolean).join(' ');
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

/** An evaluated record with the JSON the staging table stores, each serialised once (they are hashed too). */
export interface EvaluatedRecord {
  write: EmployeeWrite;
  valuesJson: string;
  sourcesJson: string;
}

/**
 * Runs the payroll rules on one included record: what the employee row would become. The caller holds the
 * record's JSON and its sha1 (the planner needs both before deciding to run the rules), so neither is
 * computed again, and the values and sources are serialised once for both the row and its hash.
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
 * What makes a stored employee current: the HR record and everything the rules made of it (equal hashes mean
 * the run has nothing to write for this employee). The text hashed is exactly
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
