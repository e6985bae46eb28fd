import type { Db } from '../open';
import type { AppErrorShape } from '../../../contract/errors';
import type { CompanySettings, Counts, LastAttempt } from '../../../contract/companies';
import type { FieldInfo, Provider } from '../../../contract/providers';
import type { FilterRule } from '../../../contract/filters';
import type { Mapping } from '../../../contract/mapping';
import type { PayrollField } from '../../../contract/payroll';

export interface CompanyRow {
  id: string;
  name: string;
  provider: Provider;
  baseUrl: string | null;
  secretRef: string | null;
  reviewed: boolean;
  settings: CompanySettings;
  catalogue: FieldInfo[];
  canReadSalaries: boolean;
  salaryReason: string | null;
  createdAt: string;
  lastSuccessfulSyncAt: string | null;
  lastAttempt: LastAttempt | null;
  nextSyncAt: string | null;
}

interface RawCompany {
  id: string;
  name: string;
  provider: Provider;
  base_url: string | null;
  secret_ref: string | null;
  reviewed: number;
  settings_json: string;
  catalogue_json: string | null;
  can_read_salaries: number;
  salary_reason: string | null;
  created_at: string;
  last_successful_sync_at: string | null;
  last_attempt_at: string | null;
  last_attempt_status: LastAttempt['status'] | null;
  last_attempt_error_json: string | null;
  next_sync_at: string | null;
}

function toCompany(r: RawCompany): CompanyRow {
  return {
    id: r.id,
    name: r.name,
    provider: r.provider,
    baseUrl: r.base_url,
    secretRef: r.secret_ref,
    reviewed: r.reviewed === 1,
    settings: JSON.parse(r.settings_json) as CompanySettings,
    catalogue: r.catalogue_json ? (JSON.parse(r.catalogue_json) as FieldInfo[]) : [],
    canReadSalaries: r.can_read_salaries === 1,
    salaryReason: r.salary_reason,
    createdAt: r.created_at,
    lastSuccessfulSyncAt: r.last_successful_sync_at,
    lastAttempt:
      r.last_attempt_at && r.last_attempt_status
        ? {
            at: r.last_attempt_at,
            status: r.last_attempt_status,
            error: r.last_attempt_error_json ? (JSON.parse(r.last_attempt_error_json) as AppErrorShape) : null,
          }
        : null,
    nextSyncAt: r.next_sync_at,
  };
}

/** Companies with their connection, settings, mapping and filters. Statements are prepared once. */
export class CompanyRepository {
  readonly #all;
  readonly #byId;
  readonly #insert;
  readonly #counts;
  readonly #mapping;
  readonly #filters;

  constructor(private readonly db: Db) {
    this.#all = db.prepare<[], RawCompany>('SELECT * FROM companies ORDER BY name COLLATE NOCASE');
    this.#byId = db.prepare<[string], RawCompany>('SELECT * FROM companies WHERE id = ?');
    this.#insert = db.prepare(`INSERT INTO companies (id, name, provider, base_url, secret_ref, reviewed, settings_json,
        catalogue_json, can_read_salaries, salary_reason, created_at)
      VALUES (@id, @name, @provider, @baseUrl, @secretRef, 0, @settings, @catalogue, @canReadSalaries, @salaryReason, @createdAt)`);
    this.#counts = db.prepare<[string], { state: string; readiness: string; n: number }>(
      'SELECT state, readiness, COUNT(*) AS n FROM employees WHERE company_id = ? GROUP BY state, readiness',
    );
    this.#mapping = db.prepare<[string], { payroll_field: PayrollField; provider_key: string | null }>(
      'SELECT payroll_field, provider_key FROM mappings WHERE company_id = ?',
    );
    this.#filters = db.prepare<
      [string],
      { mode: FilterRule['mode']; field: string; operator: FilterRule['operator']; values_json: string }
    >('SELECT mode, field, operator, values_json FROM filters WHERE company_id = ? ORDER BY position');
  }

  list(): CompanyRow[] {
    return this.#all.all().map(toCompany);
  }

  get(id: string): CompanyRow | null {
    const r = this.#byId.get(id);
    return r ? toCompany(r) : null;
  }

  insert(c: {
    id: string;
    name: string;
    provider: Provider;
    baseUrl: string | null;
    secretRef: string | null;
    settings: CompanySettings;
    catalogue: FieldInfo[];
    canReadSalaries: boolean;
    salaryReason: string | null;
    createdAt: string;
    mapping: Mapping;
  }): void {
    this.db.transaction(() => {
      this.#insert.run({
        ...c,
        settings: JSON.stringify(c.settings),
        catalogue: JSON.stringify(c.catalogue),
        canReadSalaries: c.canReadSalaries ? 1 : 0,
      });
      this.setMapping(c.id, c.mapping);
    })();
  }

  counts(id: string): Counts {
    const counts: Counts = { ready: 0, pending: 0, leaver: 0, excluded: 0, missing: 0 };
    for (const r of this.#counts.all(id)) {
      if (r.state === 'active') counts[r.readiness as 'ready' | 'pending'] += r.n;
      else counts[r.state as 'leaver' | 'excluded' | 'missing'] += r.n;
    }
    return counts;
  }

  mapping(id: string): Mapping {
    const m: Mapping = {};
    for (const r of this.#mapping.all(id)) m[r.payroll_field] = r.provider_key;
    return m;
  }

  /** Applies only the listed payroll fields; null is "Do not map". */
  setMapping(id: string, patch: Mapping): void {
    const up = this.db.prepare(
      `INSERT INTO mappings (company_id, payroll_field, provider_key) VALUES (?, ?, ?)
       ON CONFLICT (company_id, payroll_field) DO UPDATE SET provider_key = excluded.provider_key`,
    );
    this.db.transaction(() => {
      for (const [field, key] of Object.entries(patch)) up.run(id, field, key ?? null);
    })();
  }

  filters(id: string): FilterRule[] {
    return this.#filters.all(id).map((r) => ({
      mode: r.mode,
      field: r.field,
      operator: r.operator,
      values: JSON.parse(r.values_json) as string[],
    }));
  }

  setFilters(id: string, rules: FilterRule[]): void {
    const ins = this.db.prepare(
      'INSERT INTO filters (company_id, position, mode, field, operator, values_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM filters WHERE company_id = ?').run(id);
      rules.forEach((r, i) => ins.run(id, i, r.mode, r.field, r.operator, JSON.stringify(r.values)));
    })();
  }

  setSettings(id: string, settings: CompanySettings): void {
    this.db.prepare('UPDATE companies SET settings_json = ? WHERE id = ?').run(JSON.stringify(settings), id);
  }

  setCatalogue(
    id: string,
    catalogue: FieldInfo[],
    salaries?: { canReadSalaries: boolean; salaryReason: string | null },
  ): void {
    this.db.prepare('UPDATE companies SET catalogue_json = ? WHERE id = ?').run(JSON.stringify(catalogue), id);
    if (salaries) {
      this.db
        .prepare('UPDATE companies SET can_read_salaries = ?, salary_reason = ? WHERE id = ?')
        .run(salaries.canReadSalaries ? 1 : 0, salaries.salaryReason, id);
    }
  }

  markReviewed(id: string): void {
    this.db.prepare('UPDATE companies SET reviewed = 1 WHERE id = ?').run(id);
  }

  recordAttempt(
    id: string,
    a: {
      at: string;
      status: LastAttempt['status'];
      error: AppErrorShape | null;
      succeeded: boolean;
      nextSyncAt?: string | null;
    },
  ): void {
    this.db
      .prepare(
        `UPDATE companies SET last_attempt_at = @at, last_attempt_status = @status, last_attempt_error_json = @error,
           last_successful_sync_at = CASE WHEN @succeeded = 1 THEN @at ELSE last_successful_sync_at END
         WHERE id = @id`,
      )
      .run({
        id,
        at: a.at,
        status: a.status,
        error: a.error ? JSON.stringify(a.error) : null,
        succeeded: a.succeeded ? 1 : 0,
      });
  }

  setNextSyncAt(id: string, at: string | null): void {
    this.db.prepare('UPDATE companies SET next_sync_at = ? WHERE id = ?').run(at, id);
  }

  /** The cursor the company's last complete read left, for an hourly run to resume from; null when there is none. */
  cursor(id: string): CursorMark | null {
    const r = this.db
      .prepare<[string], { cursor: string | null; key: string | null; runId: string | null }>(
        'SELECT sync_cursor AS cursor, sync_cursor_key AS key, sync_cursor_run_id AS runId FROM companies WHERE id = ?',
      )
      .get(id);
    return r?.cursor && r.key && r.runId ? { cursor: r.cursor, key: r.key, runId: r.runId } : null;
  }

  /** Keeps (or, with null, forgets) the cursor a run left; inside that run's transaction. */
  setCursor(id: string, mark: CursorMark | null): void {
    this.db
      .prepare('UPDATE companies SET sync_cursor = ?, sync_cursor_key = ?, sync_cursor_run_id = ? WHERE id = ?')
      .run(mark?.cursor ?? null, mark?.key ?? null, mark?.runId ?? null, id);
  }
}

export interface CursorMark {
  /** What the HR system's client returned with its last complete read; only that client knows what it means. */
  cursor: string;
  /** What the read was decided under: set-up, day, labels and app version (SyncEngine). */
  key: string;
  /** The run whose counts and problem list that read gave. */
  runId: string;
}
