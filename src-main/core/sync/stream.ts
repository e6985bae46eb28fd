import type { PayrollField } from '../../contract/payroll';
import type { CompactEmployee } from '../db/repositories/employees';
import type { StagedProblem, StagedRow } from '../db/repositories/staging';
import type { RunProblemRow } from '../db/repositories/runs';
import { evaluateFilters } from '../filters/evaluate';
import type { ProviderRecord } from '../hr/types';
import { diffValues, duplicateProblem, evaluateRecord, identityOf, missingIdProblem, rawName, sha1, type PlanConfig } from './plan';

/**
 * Decides each record as its page arrives, with the same rules as planRecord, keeping only compact
 * facts in memory. A record whose HR data and company set-up are both as they were when its employee
 * was last written is known to be unchanged without running the payroll rules again.
 * Duplicated IDs are only known once a later record repeats one, so `finish` turns the first holder's
 * decision into a duplicate problem too.
 */
export interface StreamDeps {
  stored: Map<string, CompactEmployee>;
  cfg: PlanConfig;
  /** Stored values of one employee, read only when their record changed. */
  valuesOf(id: number): Record<PayrollField, string | null>;
}

const CURRENT = new Set(['active', 'leaver']);

const asStaged = (p: RunProblemRow): StagedProblem => ({ field: p.field, code: p.code, severity: p.severity, message: p.message, value: p.value });

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

  page(records: ProviderRecord[]): StagedRow[] {
    return records.map((r) => this.#decide(r));
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

  #decide(record: ProviderRecord): StagedRow {
    const { cfg, stored } = this.d;
    const seq = this.#seq++;
    const identity = identityOf(record, cfg);
    if (!identity) return problemRow(seq, null, missingIdProblem(record, cfg));
    if (this.#first.has(identity)) {
      this.#dups.add(identity);
      return problemRow(seq, identity, duplicateProblem(identity, { externalId: record.externalId, name: rawName(record) }));
    }
    this.#first.set(identity, { seq, externalId: record.externalId, name: rawName(record) });
    const existing = stored.get(identity);
    const recordJson = JSON.stringify(record);
    const rawHash = sha1(recordJson);
    const base = { seq, seenIdentity: identity, identity, employeeId: existing?.id ?? null, rawHash, configHash: cfg.configHash };
    if (existing && CURRENT.has(existing.state) && existing.rawHash === rawHash && existing.configHash === cfg.configHash) {
      return { ...base, kind: 'same', name: '', isLeaver: existing.state === 'leaver', flag: false, problemCount: existing.problemCount, problems: [] };
    }
    const verdict = evaluateFilters(cfg.filters, record.fields, cfg.labels);
    if (!verdict.included) {
      const flag = existing !== undefined && existing.state !== 'excluded';
      return { ...base, kind: 'exclude', name: '', isLeaver: false, flag, problemCount: 0, problems: [] };
    }
    const previous = existing ? this.d.valuesOf(existing.id) : null;
    const w = evaluateRecord(record, identity, previous, cfg, recordJson);
    const errors = w.problems.filter((p) => p.severity === 'error').length;
    const isLeaver = w.state === 'leaver';
    // An excluded or missing employee coming back is a state change to write, even with the same record.
    if (existing && existing.recordHash === w.recordHash && existing.state === w.state) {
      // Same outcome under a new set-up (or a new day): only the decision hashes move, so next time is quick.
      return { ...base, kind: 'same', name: w.name, isLeaver, flag: true, problemCount: errors, problems: [] };
    }
    return {
      ...base,
      kind: existing ? 'update' : 'insert',
      name: w.name,
      isLeaver,
      flag: false,
      problemCount: errors,
      problems: w.problems.map((p) => ({ field: p.field, code: p.code, severity: p.severity, message: p.message, value: p.value })),
      write: {
        hrId: w.hrId,
        state: w.state,
        readiness: w.readiness,
        valuesJson: JSON.stringify(w.values),
        sourcesJson: JSON.stringify(w.sources),
        recordJson,
        recordHash: w.recordHash,
        warningCount: w.problems.length - errors,
        changes: previous ? diffValues(previous, w.values) : [],
      },
    };
  }
}
