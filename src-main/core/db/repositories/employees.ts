import type { Db } from '../open';
import type { EmployeeRow, StatusFilter, FieldChange } from '../../../contract/employees';
import type { EmployeeState, PayrollField, Problem, Readiness } from '../../../contract/payroll';
import { shownIdSql } from './shown-id';

export interface StoredEmployee {
  id: number;
  identity: string;
  hrId: string;
  name: string;
  state: EmployeeState;
  readiness: Readiness;
  values: Record<PayrollField, string | null>;
  sources: Record<string, unknown>;
  recordJson: string;
  recordHash: string;
  problemCount: number;
  warningCount: number;
  firstSyncedAt: string;
  lastSyncedAt: string;
}

interface RawEmployee {
  id: number;
  identity: string;
  hr_id: string;
  display_name: string;
  state: EmployeeState;
  readiness: Readiness;
  values_json: string;
  sources_json: string;
  record_json: string;
  record_hash: string;
  problem_count: number;
  warning_count: number;
  first_synced_at: string;
  last_synced_at: string;
}

const toStored = (r: RawEmployee): StoredEmployee => ({
  id: r.id,
  identity: r.identity,
  hrId: r.hr_id,
  name: r.display_name,
  state: r.state,
  readiness: r.readiness,
  values: JSON.parse(r.values_json) as Record<PayrollField, string | null>,
  sources: JSON.parse(r.sources_json) as Record<string, unknown>,
  recordJson: r.record_json,
  recordHash: r.record_hash,
  problemCount: r.problem_count,
  warningCount: r.warning_count,
  firstSyncedAt: r.first_synced_at,
  lastSyncedAt: r.last_synced_at,
});

const toRow = (
  r: Pick<
    RawEmployee,
    | 'id'
    | 'identity'
    | 'hr_id'
    | 'display_name'
    | 'state'
    | 'readiness'
    | 'problem_count'
    | 'warning_count'
    | 'last_synced_at'
  > & {
    shown_id: string;
    excluded_by: string | null;
    first_problem?: string | null;
  },
): EmployeeRow => ({
  id: r.id,
  identity: r.identity,
  shownId: r.shown_id,
  excludedBy: r.state === 'excluded' ? r.excluded_by : null,
  firstProblem: firstProblemOf(r.first_problem ?? null),
  hrId: r.hr_id,
  name: r.display_name,
  state: r.state,
  readiness: r.readiness,
  problemCount: r.problem_count,
  warningCount: r.warning_count,
  lastSyncedAt: r.last_synced_at,
});

/** "field code" of an employee's first blocking problem (as FIRST_PROBLEM selects it), split. */
function firstProblemOf(v: string | null): EmployeeRow['firstProblem'] {
  if (!v) return null;
  const [field, code] = v.split(' ');
  return { field: field as PayrollField, code: code ?? '' };
}

/** The employee's first blocking problem, in the order the rules found them: what the list names. */
const FIRST_PROBLEM = `(SELECT p.field || ' ' || p.code FROM employee_problems p
  WHERE p.employee_id = employees.id AND p.severity = 'error' ORDER BY p.rowid LIMIT 1)`;

export interface EmployeeWrite {
  identity: string;
  hrId: string;
  name: string;
  state: EmployeeState;
  readiness: Readiness;
  values: Record<PayrollField, string | null>;
  sources: Record<string, unknown>;
  recordJson: string;
  recordHash: string;
  /** sha1 of recordJson and of the company set-up it was decided under (see SyncEngine): equal both, same outcome. */
  rawHash: string;
  configHash: string;
  idField: string;
  problems: Problem[];
  syncedAt: string;
  runId: string;
  /** For someone the filters leave out: the rule, in words. */
  excludedBy?: string | null;
}

/** What a streaming sync keeps in memory per stored employee; values are read only for records that changed. */
export interface CompactEmployee {
  id: number;
  identity: string;
  hrId: string;
  state: EmployeeState;
  recordHash: string;
  rawHash: string | null;
  configHash: string | null;
  problemCount: number;
}

const STATUS_WHERE: Record<StatusFilter, string> = {
  all: '',
  ready: "AND state = 'active' AND readiness = 'ready'",
  pending: "AND state = 'active' AND readiness = 'pending'",
  leaver: "AND state = 'leaver'",
  excluded: "AND state = 'excluded'",
  missing: "AND state = 'missing'",
};

/** Employees, their problems and field history. Writes are plain statements: the sync wraps them in one transaction. */
/**
 * An unchanged employee is not rewritten by a sync, so for anyone current (active or leaver: present in the
 * last complete fetch) "last synced" is the later of their own last write and the company's last complete sync.
 */
const LAST_SYNCED = `CASE WHEN state IN ('active','leaver')
    AND (SELECT last_successful_sync_at FROM companies c WHERE c.id = employees.company_id) > last_synced_at
  THEN (SELECT last_successful_sync_at FROM companies c WHERE c.id = employees.company_id)
  ELSE last_synced_at END`;

/** The columns the planner compares a record against, as read and as the planner holds them. */
const COMPACT_COLUMNS = 'id, identity, hr_id, state, record_hash, raw_hash, config_hash, problem_count';
interface RawCompact {
  id: number;
  identity: string;
  hr_id: string;
  state: EmployeeState;
  record_hash: string;
  raw_hash: string | null;
  config_hash: string | null;
  problem_count: number;
}
const toCompact = (r: RawCompact): CompactEmployee => ({
  id: r.id,
  identity: r.identity,
  hrId: r.hr_id,
  state: r.state,
  recordHash: r.record_hash,
  rawHash: r.raw_hash,
  configHash: r.config_hash,
  problemCount: r.problem_count,
});

export class EmployeeRepository {
  readonly #allForCompany;
  readonly #byId;
  readonly #problems;
  readonly #changes;

  constructor(private readonly db: Db) {
    this.#allForCompany = db.prepare<[string], RawEmployee>('SELECT * FROM employees WHERE company_id = ?');
    this.#byId = db.prepare<[string, number], RawEmployee & { shown_id: string; excluded_by: string | null }>(
      `SELECT *, ${LAST_SYNCED} AS last_synced_at, ${shownIdSql()} AS shown_id FROM employees WHERE company_id = ? AND id = ?`,
    );
    this.#problems = db.prepare<[number], Problem>(
      'SELECT field, code, severity, message, value FROM employee_problems WHERE employee_id = ? ORDER BY rowid',
    );
    this.#changes = db.prepare<
      [number],
      { field: PayrollField; from_value: string | null; to_value: string | null; run_id: string; at: string }
    >('SELECT field, from_value, to_value, run_id, at FROM field_changes WHERE employee_id = ? ORDER BY id DESC');
  }

  /** Every stored employee of a company, keyed by identity (the sync diffs against these). */
  mapByIdentity(companyId: string): Map<string, StoredEmployee> {
    const m = new Map<string, StoredEmployee>();
    for (const r of this.#allForCompany.iterate(companyId)) m.set(r.identity, toStored(r));
    return m;
  }

  /** Every stored employee of a company, compactly, keyed by identity: a 50,000-person company fits in a few MB. */
  compactByIdentity(companyId: string): Map<string, CompactEmployee> {
    const m = new Map<string, CompactEmployee>();
    const rows = this.db.prepare<[string], RawCompact>(`SELECT ${COMPACT_COLUMNS} FROM employees WHERE company_id = ?`);
    for (const r of rows.iterate(companyId)) m.set(r.identity, toCompact(r));
    return m;
  }

  /** One employee's compact facts (what the planner compares a record against). */
  compactOf(id: number): CompactEmployee | null {
    const r = this.db.prepare<[number], RawCompact>(`SELECT ${COMPACT_COLUMNS} FROM employees WHERE id = ?`).get(id);
    return r ? toCompact(r) : null;
  }

  /** Whether any current employee was last decided under a different set-up (or day) than `configHash`. */
  decidedOtherwise(companyId: string, configHash: string): boolean {
    return (
      this.db
        .prepare<[string, string], { one: number }>(
          `SELECT 1 AS one FROM employees WHERE company_id = ? AND state IN ('active', 'leaver') AND (config_hash IS NULL OR config_hash != ?) LIMIT 1`,
        )
        .get(companyId, configHash) !== undefined
    );
  }

  /** The stored payroll values of one employee (the rules keep some of them when HR holds nothing). */
  valuesOf(id: number): Record<PayrollField, string | null> {
    const r = this.db
      .prepare<[number], { values_json: string }>('SELECT values_json FROM employees WHERE id = ?')
      .get(id);
    return r
      ? (JSON.parse(r.values_json) as Record<PayrollField, string | null>)
      : ({} as Record<PayrollField, string | null>);
  }

  /** Employees whose identity may not have come from this ID field (written under another one, or before that was recorded). */
  *keyedOtherwise(companyId: string, idField: string): IterableIterator<{ identity: string; recordJson: string }> {
    const rows = this.db.prepare<[string, string], { identity: string; record_json: string }>(
      // The covering index finds the (usually no) rows first; only theirs are read whole.
      `SELECT identity, record_json FROM employees WHERE id IN (
        SELECT id FROM employees INDEXED BY employees_decisions WHERE company_id = ? AND (id_field IS NULL OR id_field != ?))`,
    );
    for (const r of rows.iterate(companyId, idField)) yield { identity: r.identity, recordJson: r.record_json };
  }

  get(companyId: string, id: number): (StoredEmployee & { shownId: string; excludedBy: string | null }) | null {
    const r = this.#byId.get(companyId, id);
    return r
      ? { ...toStored(r), shownId: r.shown_id, excludedBy: r.state === 'excluded' ? r.excluded_by : null }
      : null;
  }

  /** Identity → the Employee ID the HR system shows, where they differ (Humaans): for exports keyed by identity. */
  shownIds(companyId: string): Map<string, string> {
    const rows = this.db
      .prepare<[string], { identity: string; shown_id: string }>(
        `SELECT identity, ${shownIdSql()} AS shown_id FROM employees WHERE company_id = ?`,
      )
      .all(companyId);
    return new Map(rows.filter((r) => r.shown_id !== r.identity).map((r) => [r.identity, r.shown_id]));
  }

  problems(id: number): Problem[] {
    return this.#problems.all(id);
  }

  changes(id: number): FieldChange[] {
    return this.#changes
      .all(id)
      .map((c) => ({ field: c.field, from: c.from_value, to: c.to_value, runId: c.run_id, at: c.at }));
  }

  list(q: { companyId: string; search: string; status: StatusFilter; offset: number; limit: number }): {
    total: number;
    rows: EmployeeRow[];
  } {
    const params: Record<string, unknown> = { companyId: q.companyId, limit: q.limit, offset: q.offset };
    let where = `company_id = @companyId ${STATUS_WHERE[q.status]}`;
    const s = q.search.trim();
    if (s) {
      // The ID the HR system shows (Humaans' HU0162) as well as the identity behind it.
      where += ` AND (display_name LIKE @like ESCAPE '\\' OR identity LIKE @like ESCAPE '\\' OR ${shownIdSql()} LIKE @like ESCAPE '\\')`;
      params.like = `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM employees WHERE ${where}`).get(params) as { n: number })
      .n;
    const rows = this.db
      .prepare(
        `SELECT id, identity, ${shownIdSql()} AS shown_id, excluded_by, ${FIRST_PROBLEM} AS first_problem, hr_id, display_name, state, readiness, problem_count, warning_count, ${LAST_SYNCED} AS last_synced_at
         FROM employees WHERE ${where} ORDER BY display_name COLLATE NOCASE, id LIMIT @limit OFFSET @offset`,
      )
      .all(params) as Array<
      RawEmployee & { shown_id: string; excluded_by: string | null; first_problem: string | null }
    >;
    return { total, rows: rows.map(toRow) };
  }
}
