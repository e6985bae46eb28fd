import type { PayrollField } from '../../contract/payroll';
import type { CompactEmployee } from '../db/repositories/employees';
import type { StagedProblem, StagedRow } from '../db/repositories/staging';
import type { RunProblemRow } from '../db/repositories/runs';
import { isIncluded } from '../filters/evaluate';
import type { ProviderRecord } from '../hr/types';
import { recordJson as serialised, type RecordJson } from '../hr/record-json';
import { excludedEmployee } from './excluded';
import {
  diffValues,
  duplicateProblem,
  evaluateRecordJson,
  identityOf,
  missingIdProblem,
  rawName,
  type PlanConfig,
} from './plan';

/**
 * The sync's one planner: decides each record as its page arrives, keeping only compact facts in memory. A record whose HR data and company set-up are both as they were when its employee
 * was last written is known to be unchanged without running the payroll rules again.
 * Duplicated IDs are only known once a later record repeats one, so `finish` turns the first holder's
 * decision into a duplicate problem too.
 */
export interface StreamDeps {
  /** The company's stored employees by identity; asked for at the first record, not before. */
  stored(): Map<string, CompactEmployee>;
  cfg: PlanConfig;
  /** Stored values of one employee, read only when their record changed. */
  valuesOf(id: number): Record<PayrollField, string | null>;
  /**
   * Stored employees to match by the HR system's own id instead of their identity (keyed by that id), because
   * the company's ID field changed since they were written: the same person must stay the same employee. The
   * matched employee takes the record's identity in the apply (StagedRow.rekeyFrom).
   */
  rekeyable?: Map<string, CompactEmployee>;
}

const CURRENT = new Set(['active', 'leaver']);

const asStaged = (p: RunProblemRow): StagedProblem => ({
  field: p.field,
  code: p.code,
  severity: p.severity,
  message: p.message,
  value: p.value,
});

function problemRow(seq: number, seenIdentity: string | null, p: RunProblemRow): StagedRow {
  return {
    seq,
    kind: 'problem',
    seenIdentity,
    identity: p.identity,
    employeeId: null,
    name: p.name,
    isLeaver: false,
    flag: false,
    problemCount: 1,
    problems: [asStaged(p)],
    rawHash: null,
    configHash: null,
    rekeyFrom: null,
  };
}

export class StreamPlanner {
  #seq = 0;
  readonly #first = new Map<string, { seq: number; externalId: string; name: string }>();
  readonly #dups = new Set<string>();

  constructor(private readonly d: StreamDeps) {}

  get seen(): number {
    return this.#seq;
  }

  /** One page's decisions; `serialised`, where the client had it, is each record's JSON and sha1. */
  page(records: ProviderRecord[], serialised?: readonly RecordJson[]): StagedRow[] {
    return records.map((r, i) => this.#decide(r, serialised?.[i]));
  }

  /** Replacements for the first holder of every duplicated ID (the later holders were staged as problems already). */
  finish(): StagedRow[] {
    const out: StagedRow[] = [];
    for (const identity of this.#dups) {
      const first = this.#first.get(identity);
      if (first) out.push(problemRow(first.seq, identity, duplicateProblem(identity, first)));
    }
    return out;
  }

  #decide(record: ProviderRecord, given?: RecordJson): StagedRow {
    const { cfg } = this.d;
    const seq = this.#seq++;
    const identity = identityOf(record, cfg);
    if (!identity) return problemRow(seq, null, missingIdProblem(record, cfg));
    if (this.#first.has(identity)) {
      this.#dups.add(identity);
      return problemRow(
        seq,
        identity,
        duplicateProblem(identity, { externalId: record.externalId, name: rawName(record, cfg.mapping) }),
      );
    }
    this.#first.set(identity, { seq, externalId: record.externalId, name: rawName(record, cfg.mapping) });
    let existing = this.d.stored().get(identity);
    let rekeyFrom: string | null = null;
    if (!existing && this.d.rekeyable) {
      const previous = this.d.rekeyable.get(record.externalId);
      if (previous) {
        this.d.rekeyable.delete(record.externalId);
        existing = previous;
        rekeyFrom = previous.identity;
      }
    }
    // Serialised and hashed once (or already, where the client read it): the same JSON is stored, and hashed
    // again only into the record hash.
    const { json: recordJson, hash: rawHash } = serialised(record, given);
    const employeeId = existing?.id ?? null;
    if (
      existing &&
      rekeyFrom === null &&
      CURRENT.has(existing.state) &&
      existing.rawHash === rawHash &&
      existing.configHash === cfg.configHash
    ) {
      return decided(
        seq,
        identity,
        employeeId,
        'same',
        '',
        existing.state === 'leaver',
        false,
        existing.problemCount,
        rawHash,
        cfg.configHash,
      );
    }
    if (!isIncluded(cfg.filters, record.fields)) {
      const flag = existing !== undefined && existing.state !== 'excluded';
      const ex = excludedEmployee(record, cfg);
      const row = decided(seq, identity, employeeId, 'exclude', ex.name, false, flag, 0, rawHash, cfg.configHash);
      row.excludedBy = ex.excludedBy;
      row.rekeyFrom = rekeyFrom;
      // Someone left out from their first sync on is stored too, listed with the rule, with no payroll fields.
      if (!existing) {
        row.write = {
          hrId: record.externalId,
          state: 'excluded',
          readiness: 'pending',
          valuesJson: '{}',
          sourcesJson: '{}',
          recordJson: ex.recordJson,
          recordHash: ex.recordHash,
          warningCount: 0,
          changes: [],
        };
      }
      return row;
    }
    const previous = existing ? this.d.valuesOf(existing.id) : null;
    const {
      write: w,
      valuesJson,
      sourcesJson,
    } = evaluateRecordJson(record, identity, previous, cfg, recordJson, rawHash);
    let errors = 0;
    for (const p of w.problems) if (p.severity === 'error') errors += 1;
    const isLeaver = w.state === 'leaver';
    // An excluded or missing employee coming back is a state change to write, even with the same record.
    if (existing && rekeyFrom === null && existing.recordHash === w.recordHash && existing.state === w.state) {
      // Same outcome under a new set-up (or a new day): only the decision hashes move, so next time is quick.
      return decided(seq, identity, employeeId, 'same', w.name, isLeaver, true, errors, rawHash, cfg.configHash);
    }
    const row = decided(
      seq,
      identity,
      employeeId,
      existing ? 'update' : 'insert',
      w.name,
      isLeaver,
      false,
      errors,
      rawHash,
      cfg.configHash,
    );
    row.rekeyFrom = rekeyFrom;
    row.problems = w.problems.map((p) => ({
      field: p.field,
      code: p.code,
      severity: p.severity,
      message: p.message,
      value: p.value,
    }));
    row.write = {
      hrId: w.hrId,
      state: w.state,
      readiness: w.readiness,
      valuesJson,
      sourcesJson,
      recordJson,
      recordHash: w.recordHash,
      warningCount: w.problems.length - errors,
      changes: previous ? diffValues(previous, w.values) : [],
    };
    return row;
  }
}

/** A decided record's row, always built with the same properties in the same order (one object shape). */
function decided(
  seq: number,
  identity: string,
  employeeId: number | null,
  kind: StagedRow['kind'],
  name: string,
  isLeaver: boolean,
  flag: boolean,
  problemCount: number,
  rawHash: string,
  configHash: string,
): StagedRow {
  return {
    seq,
    kind,
    seenIdentity: identity,
    identity,
    employeeId,
    name,
    isLeaver,
    flag,
    problemCount,
    problems: [],
    write: undefined,
    excludedBy: null,
    rawHash,
    configHash,
    rekeyFrom: null,
  };
}
