import type { FieldInfo } from '../../../contract/providers';
import { AppError } from '../../errors';
import { silentLogger, type Logger } from '../../ports';
import { createHttpClient, type HttpOptions } from '../http';
import type { CredentialCheck, GetOptions, HrClient, ListOptions, ListResult, ProviderRecord } from '../types';
import { buildCatalogue, type API_COLUMNS } from './catalogue';
import { createPeopleHRDocuments } from './documents';
import { permissionName, howToGrant } from './errors';
import { flattenEmployee, ukDate } from './flatten';
import { currentSalaryRow, salaryFields, SALARY_KEYS } from './salary';
import { asList, asObject, isPlainObject } from './schemas';
import { createTransport } from './transport';

export const PEOPLEHR_DEFAULT_BASE_URL = 'https://api.peoplehr.net';
/** PeopleHR's documented limit for the whole API, per internet address. */
export const PEOPLEHR_CALLS_PER_MINUTE = 30;

export type PeopleHRApiColumn = (typeof API_COLUMNS)[number];

export interface PeopleHRClientOptions {
  baseUrl: string;
  credentials: { apiKey: string };
  logger?: Logger;
  http?: Partial<HttpOptions>;
  /**
   * Calls a minute to the whole API (default http.rateLimit.perMinute, else 30: PeopleHR's limit).
   * Tests and benchmarks against the fake raise it.
   */
  callsPerMinute?: number;
  /** "Today" for leaver and current-salary decisions; injected so tests are repeatable. */
  today?: () => Date;
  /** What the bureau uses APIColumn1–5 for ("Tax code"): shown in the catalogue and used to suggest a mapping. */
  customFieldLabels?: Partial<Record<PeopleHRApiColumn, string>>;
  /** Records handed to onPage at a time (PeopleHR itself answers the whole list in one reply). */
  pageSize?: number;
}

export function createPeopleHRClient(opts: PeopleHRClientOptions): HrClient {
  const logger = opts.logger ?? silentLogger;
  // The pacer in transport.ts is PeopleHR's limiter; http.rateLimit.perMinute only sets its pace.
  const http = createHttpClient({
    vendor: 'PeopleHR',
    baseURL: opts.baseUrl,
    logger,
    ...opts.http,
    rateLimit: undefined,
  });
  const { call } = createTransport({
    http,
    baseUrl: opts.baseUrl,
    apiKey: opts.credentials.apiKey.trim(),
    callsPerMinute: opts.callsPerMinute ?? opts.http?.rateLimit?.perMinute ?? PEOPLEHR_CALLS_PER_MINUTE,
    retries: opts.http?.retries ?? 4,
    retryBaseMs: opts.http?.retryBaseMs ?? 500,
    minRateLimitWaitMs: opts.http?.minRateLimitWaitMs ?? 1000,
    logger,
  });
  const today = () => ukDate((opts.today ?? (() => new Date()))());
  const pageSize = Math.max(1, opts.pageSize ?? 50);

  /** Everyone, leavers included, in the one call PeopleHR offers; `skipped` counts rows without an Employee ID. */
  async function fetchAll(signal?: AbortSignal): Promise<{ records: ProviderRecord[]; skipped: number }> {
    const res = await call('GetAllEmployeeDetail', { IncludeLeavers: true }, signal);
    const rows = res.kind === 'ok' ? asList(res.result) : [];
    if (rows === null) {
      throw new AppError(
        'HR_ERROR',
        'PeopleHR answered the staff list with something that is not a list. Nothing was changed; try again in a few minutes.',
      );
    }
    const day = today();
    const records: ProviderRecord[] = [];
    let skipped = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      // The whole staff list arrives in one reply: each raw row is let go once flattened, to keep memory down.
      rows[i] = null;
      const rec = isPlainObject(row) ? flattenEmployee(row, day) : null;
      if (rec) records.push(rec);
      else skipped += 1;
    }
    return { records, skipped };
  }

  /** Adds Salary.* to a record; false when PeopleHR no longer knows the person (deleted since the list was read). */
  async function addSalary(rec: ProviderRecord, signal?: AbortSignal): Promise<boolean> {
    const res = await call('GetSalaryDetail', { EmployeeId: rec.externalId, IsIncludeHistory: true }, signal);
    if (res.kind === 'notFound') {
      logger.warn('PeopleHR: employee vanished before their salary was read', { employee: rec.externalId });
      return false;
    }
    let rows: unknown[] = [];
    if (res.kind === 'ok') {
      const single = asObject(res.result);
      rows = asList(res.result) ?? (single ? [single] : []);
    }
    Object.assign(rec.fields, salaryFields(currentSalaryRow(rows, today())));
    return true;
  }

  async function salaryAccess(sampleId: string, signal?: AbortSignal): Promise<string | null> {
    try {
      await call('GetSalaryDetail', { EmployeeId: sampleId, IsIncludeHistory: false }, signal);
      return null;
    } catch (err) {
      if (err instanceof AppError && err.code === 'FORBIDDEN') return err.message;
      throw err;
    }
  }

  /** Salary.* with sample values, or null when the key may not read salaries (then they are not offered). */
  async function salarySample(
    candidates: ProviderRecord[],
    signal?: AbortSignal,
  ): Promise<Record<string, string | null> | null> {
    const blank: Record<string, string | null> = Object.fromEntries(SALARY_KEYS.map((k) => [k, null]));
    try {
      if (candidates.length === 0) {
        await call('GetSalaryDetail', { EmployeeId: 'PW1', IsIncludeHistory: false }, signal);
        return blank;
      }
      for (const rec of candidates) {
        const probe: ProviderRecord = { ...rec, fields: {} };
        if ((await addSalary(probe, signal)) && probe.fields['Salary.SalaryAmount'] != null) return probe.fields;
      }
      return blank;
    } catch (err) {
      if (err instanceof AppError && err.code === 'FORBIDDEN') return null;
      throw err;
    }
  }

  /**
   * Adding a company checks the key and then builds the catalogue; both need the whole staff list, which
   * PeopleHR sends in one reply. The check keeps the few records that decide the catalogue (the first to
   * show each field, or to fill it), so the catalogue straight after it does not read everyone again.
   */
  let checkedSample: { records: ProviderRecord[]; until: number } | null = null;
  const SAMPLE_FRESH_MS = 60_000;

  function catalogueSample(records: ProviderRecord[]): ProviderRecord[] {
    const filled = new Map<string, boolean>();
    const ordered = [...records.filter((r) => !r.leaver.isLeaver), ...records.filter((r) => r.leaver.isLeaver)];
    const keep: ProviderRecord[] = [];
    for (const r of ordered) {
      let decides = false;
      for (const [key, value] of Object.entries(r.fields)) {
        const had = filled.get(key);
        if (had === undefined || (had === false && value !== null)) {
          filled.set(key, value !== null);
          decides = true;
        }
      }
      // The salary probe tries the first three people (current ones first), so they are kept too.
      if (decides || keep.length < 3) keep.push(r);
    }
    return keep;
  }

  async function getById(externalId: string, signal?: AbortSignal): Promise<ProviderRecord | null> {
    try {
      const res = await call('GetEmployeeDetailById', { EmployeeId: externalId }, signal);
      const obj = res.kind === 'ok' ? asObject(res.result) : null;
      return obj ? flattenEmployee(obj, today()) : null;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'FORBIDDEN')) throw err;
      // A key without "Get Employee Detail By Id" can still read the person from the full list.
      logger.warn('PeopleHR: reading one employee through the full list', {
        permission: permissionName('GetEmployeeDetailById'),
      });
      const { records } = await fetchAll(signal);
      return records.find((r) => r.externalId === externalId) ?? null;
    }
  }

  return {
    provider: 'peoplehr',
    documents: createPeopleHRDocuments(opts, logger),

    async checkCredentials(signal): Promise<CredentialCheck> {
      const { records, skipped } = await fetchAll(signal);
      checkedSample = { records: catalogueSample(records), until: Date.now() + SAMPLE_FRESH_MS };
      const warnings: string[] = [];
      if (records.length === 0)
        warnings.push('PeopleHR returned no employees for this API key. Check the key belongs to the right company.');
      if (skipped > 0)
        warnings.push(`${skipped} people in PeopleHR have no Employee ID and cannot be synced until one is set.`);
      // Any id will do for the permission probes: grants are checked before the id is looked up.
      const probeId = records.find((r) => !r.leaver.isLeaver)?.externalId ?? records[0]?.externalId ?? 'PW1';
      const salaryReason = await salaryAccess(probeId, signal);
      try {
        await call('GetEmployeeDetailById', { EmployeeId: probeId }, signal);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'FORBIDDEN')) throw err;
        warnings.push(
          `This API key may not use "${permissionName('GetEmployeeDetailById')}", so "Sync now" on one employee reads the whole staff list instead. ${howToGrant('GetEmployeeDetailById')}`,
        );
      }
      return salaryReason === null
        ? { warnings, canReadSalaries: true }
        : { warnings, canReadSalaries: false, salaryReason };
    },

    async listEmployees(list: ListOptions): Promise<ListResult> {
      const { records, skipped } = await fetchAll(list.signal);
      const total = records.length;
      let fetched = 0;
      for (let i = 0; i < total; i += pageSize) {
        // Handed over, not kept: the caller decides each page as it comes and need not hold everyone.
        const page = records.splice(0, pageSize);
        if (list.includeSalaries) for (const rec of page) await addSalary(rec, list.signal);
        fetched += page.length;
        await list.onPage(page, { fetched, total });
      }
      if (skipped > 0) {
        return {
          complete: false,
          incompleteReason: `${skipped} people in PeopleHR have no Employee ID, so Bureau Sync could not read them; nobody was marked as missing.`,
          fetched,
        };
      }
      return { complete: true, fetched };
    },

    async getEmployee(externalId: string, get: GetOptions): Promise<ProviderRecord | null> {
      const id = externalId.trim();
      // PeopleHR ids are at most 15 characters; anything else cannot be a PeopleHR employee.
      if (id === '' || id.length > 15) return null;
      const rec = await getById(id, get.signal);
      if (rec && get.includeSalaries && !(await addSalary(rec, get.signal))) return null;
      return rec;
    },

    async fieldCatalogue(signal): Promise<FieldInfo[]> {
      const sample = checkedSample && checkedSample.until > Date.now() ? checkedSample.records : null;
      checkedSample = null;
      const records = sample ?? (await fetchAll(signal)).records;
      const current = records.filter((r) => !r.leaver.isLeaver);
      const salary = await salarySample((current.length > 0 ? current : records).slice(0, 3), signal);
      return buildCatalogue(records, opts.customFieldLabels as Record<string, string> | undefined, salary ?? {});
    },
  };
}
