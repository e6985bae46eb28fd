import type { Db } from '../open';
import type { AppErrorShape } from '../../../contract/errors';
import type { RunCounts, RunStatus, RunSummary, Trigger } from '../../../contract/sync';
import { RunProblemLists, RUN_PROBLEM_COLUMNS } from './run-problem-lists';
import { ownerText, PROCESS_OWNER, type RunOwner } from './leases';

export const EMPTY_COUNTS: RunCounts = {
  created: 0,
  updated: 0,
  unchanged: 0,
  excluded: 0,
  leavers: 0,
  missing: 0,
  problems: 0,
};

interface RawRun {
  id: string;
  company_id: string;
  trigger: Trigger;
  status: RunStatus;
  employee_hr_id: string | null;
  started_at: string;
  finished_at: string | null;
  counts_json: string;
  error_json: string | null;
  note: string | null;
}

const toRun = (r: RawRun): RunSummary => ({
  runId: r.id,
  companyId: r.company_id,
  trigger: r.trigger,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counts: { ...EMPTY_COUNTS, ...(JSON.parse(r.counts_json) as Partial<RunCounts>) },
  error: r.error_json ? (JSON.parse(r.error_json) as AppErrorShape) : null,
  note: r.note,
  employeeHrId: r.employee_hr_id,
});

export interface RunProblemRow {
  identity: string;
  name: string;
  field: string;
  code: string;
  severity: string;
  message: string;
  value: string | null;
}

/** Sync runs and the per-employee problems each run found. */
export class RunRepository {
  readonly #lists: RunProblemLists;
  readonly #owner: string;

  /** `owner`: the process its runs are recorded as belonging to (tests pass another to play a second process). */
  constructor(
    private readonly db: Db,
    owner: RunOwner = PROCESS_OWNER,
  ) {
    this.#lists = new RunProblemLists(db);
    this.#owner = ownerText(owner);
  }

  /** Records a run as running, owned by this process (leases.ts: who may later call it interrupted). */
  start(r: { id: string; companyId: string; trigger: Trigger; startedAt: string; employeeHrId: string | null }): void {
    this.db
      .prepare(
        `INSERT INTO sync_runs (id, company_id, trigger, status, employee_hr_id, started_at, owner) VALUES (@id, @companyId, @trigger, 'running', @employeeHrId, @startedAt, @owner)`,
      )
      .run({ ...r, owner: this.#owner });
  }

  finish(
    id: string,
    f: { status: RunStatus; finishedAt: string; counts: RunCounts; error: AppErrorShape | null; note: string | null },
  ): void {
    this.db
      .prepare(
        'UPDATE sync_runs SET status = ?, finished_at = ?, counts_json = ?, error_json = ?, note = ? WHERE id = ?',
      )
      .run(f.status, f.finishedAt, JSON.stringify(f.counts), f.error ? JSON.stringify(f.error) : null, f.note, id);
  }

  get(id: string): RunSummary | null {
    const r = this.db.prepare<[string], RawRun>('SELECT * FROM sync_runs WHERE id = ?').get(id);
    return r ? toRun(r) : null;
  }

  history(companyId: string, limit: number): RunSummary[] {
    return this.db
      .prepare<[string, number], RawRun>(
        'SELECT * FROM sync_runs WHERE company_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?',
      )
      .all(companyId, limit)
      .map(toRun);
  }

  /** When the company's last successful whole-company run started (one employee's "Sync now" does not count). */
  lastCompanyRunStart(companyId: string): string | null {
    const r = this.db
      .prepare<[string], { started_at: string }>(
        `SELECT started_at FROM sync_runs WHERE company_id = ? AND status = 'succeeded' AND trigger != 'employee' ORDER BY started_at DESC LIMIT 1`,
      )
      .get(companyId);
    return r?.started_at ?? null;
  }

  addProblems(runId: string, rows: RunProblemRow[]): void {
    const ins = this.db.prepare(
      'INSERT INTO run_problems (run_id, identity, name, field, code, severity, message, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const p of rows) ins.run(runId, p.identity, p.name, p.field, p.code, p.severity, p.message, p.value);
  }

  /** The run's problem list: its own rows, or those of the earlier run whose list it repeated (run-problem-lists.ts). */
  problems(runId: string): RunProblemRow[] {
    return this.db
      .prepare<[string], RunProblemRow>(
        `SELECT ${RUN_PROBLEM_COLUMNS} FROM run_problems WHERE run_id = ? ORDER BY rowid`,
      )
      .all(this.#lists.holderOf(runId));
  }
}
