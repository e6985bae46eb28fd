import type { FieldInfo } from '../../../contract/providers';
import { AppError } from '../../errors';
import { silentLogger, type Logger } from '../../ports';
import { createHttpClient, type HttpOptions } from '../http';
import type { CredentialCheck, GetOptions, HrClient, ListOptions, ListResult, ProviderRecord } from '../types';

/**
 * The one reply the whole staff list came in (without salaries, that reply alone makes every record): its sha1 is
 * the client's cursor, and a reply with the digest asked about is `same` (usually not read at all).
 */
interface ListReply {
  digest: string;
  same: boolean;
}
import { buildCatalogue, type API_COLUMNS } from './catalogue';
import { createPeopleHRDocuments } from './documents';
import { permissionName, howToGrant } from './errors';
import { flattenEmployee, ukDate } from './flatten';
import { currentSalaryRow, salaryFields, SALARY_KEYS } from './salary';
import { asList, asObject } from './schemas';
import { createTransport } from './transport';
import { PEOPLEHR_DEFAULT_BASE_URL } from './howto';
import type { RecordJson } from '../record-json';

export { PEOPLEHR_DEFAULT_BASE_URL };
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
  /** How much of a staff list reply is held unread while it may be the last one (see SameAs); tests lower it. */
  holdReplyBytes?: number;
  /** false: staff lists are read on the core's thread, not the list thread (see list-reader.ts); tests compare the two. */
  listThread?: boolean;
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
  const { call, callList } = createTransport({
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
  // Small pages keep little in memory at a time: with 500 a page, the 50,000 sync peaked about 120 MB higher
  // and was no faster. A list no longer than one page reaches the caller only once the whole reply has been
  // read and judged, so it can still be asked for again if it fails.
  const pageSize = Math.max(1, opts.pageSize ?? 50);

  /**
   * Everyone, leavers included, from the one call PeopleHR offers, read as the reply arrives: each row is
   * flattened as soon as it is parsed and given to `take` with the rows read alongside it, so only those
   * few are in memory at once. `skipped` counts rows without an Employee ID. While take's records can be
   * called back (`committed` false), a failed reply is read again from the start after `reset`. `precompute`:
   * the records reach the sync unchanged, so each one's JSON and hash may be worked out as it is read.
   */
  async function readAll(
    signal: AbortSignal | undefined,
    sink: {
      take(records: ProviderRecord[], serialised?: RecordJson[]): void | Promise<void>;
      committed?: () => boolean;
      reset(): void;
    },
    o: { lastReply?: string; precompute?: boolean } = {},
  ): Promise<{ skipped: number; reply: ListReply | null }> {
    let skipped = 0;
    const res = await callList(
      'GetAllEmployeeDetail',
      { IncludeLeavers: true },
      {
        rows(records, skippedHere, serialised) {
          skipped += skippedHere;
          return records.length > 0 ? sink.take(records, serialised) : undefined;
        },
        committed: () => sink.committed?.() ?? false,
        reset() {
          skipped = 0;
          sink.reset();
        },
      },
      { today: today(), precompute: o.precompute ?? false, onThread: opts.listThread },
      signal,
      o.lastReply === undefined ? undefined : { digest: o.lastReply, holdBytes: opts.holdReplyBytes },
    );
    if (res.kind === 'same') return { skipped: 0, reply: { digest: res.digest, same: true } };
    // Not streamed: "" / {} / null (no records) are an empty list; anything else is not a list at all.
    if (res.kind === 'ok' && !res.streamed && asList(res.result) === null) {
      throw new AppError(
        'HR_ERROR',
        'PeopleHR answered the staff list with something that is not a list. Nothing was changed; try again in a few minutes.',
      );
    }
    return { skipped, reply: res.kind === 'ok' ? { digest: res.digest, same: false } : null };
  }

  /** Everyone, held in memory: for salary runs, whose pages wait on one salary call per person. */
  async function fetchAll(signal?: AbortSignal): Promise<{ records: ProviderRecord[]; skipped: number }> {
    let records: ProviderRecord[] = [];
    const { skipped } = await readAll(signal, {
      take: (recs) => void records.push(...recs),
      reset: () => void (records = []),
    });
    return { records, skipped };
  }

  /**
   * One pass over everyone keeping only what adding a company needs: how many there are, the first
   * current employee's id for the permission probes, and the records that decide the catalogue. Current
   * employees and leavers are sampled apart (the catalogue prefers current ones wherever they appear in the
   * reply) and the two samples then sampled together, which keeps exactly what catalogueSample(everyone) keeps.
   */
  async function survey(
    signal?: AbortSignal,
  ): Promise<{ count: number; skipped: number; probeId: string | null; sample: ProviderRecord[] }> {
    let current = sampler();
    let leavers = sampler();
    let count = 0;
    let firstId: string | null = null;
    let firstCurrentId: string | null = null;
    const { skipped } = await readAll(signal, {
      take(records) {
        for (const r of records) {
          count += 1;
          firstId ??= r.externalId;
          if (!r.leaver.isLeaver) firstCurrentId ??= r.externalId;
          (r.leaver.isLeaver ? leavers : current).offer(r);
        }
      },
      reset() {
        current = sampler();
        leavers = sampler();
        count = 0;
        firstId = firstCurrentId = null;
      },
    });
    return {
      count,
      skipped,
      probeId: firstCurrentId ?? firstId,
      sample: catalogueSample([...current.kept, ...leavers.kept]),
    };
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

  /**
   * Keeps, of the records offered in turn, those that decide the catalogue: the first to show each field
   * or the first to fill it. A record that decides nothing changes nothing, so sampling a sample again
   * keeps the same records.
   */
  function sampler(): { offer(r: ProviderRecord): void; kept: ProviderRecord[] } {
    const filled = new Map<string, boolean>();
    const kept: ProviderRecord[] = [];
    return {
      kept,
      offer(r) {
        let decides = false;
        for (const [key, value] of Object.entries(r.fields)) {
          const had = filled.get(key);
          if (had === undefined || (had === false && value !== null)) {
            filled.set(key, value !== null);
            decides = true;
          }
        }
        // The salary probe tries the first three people (current ones first), so they are kept too.
        if (decides || kept.length < 3) kept.push(r);
      },
    };
  }

  function catalogueSample(records: ProviderRecord[]): ProviderRecord[] {
    const s = sampler();
    for (const r of [...records.filter((x) => !x.leaver.isLeaver), ...records.filter((x) => x.leaver.isLeaver)])
      s.offer(r);
    return s.kept;
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
      let found: ProviderRecord | null = null;
      await readAll(signal, {
        take(records) {
          found ??= records.find((r) => r.externalId === externalId) ?? null;
        },
        reset: () => void (found = null),
      });
      return found;
    }
  }

  return {
    provider: 'peoplehr',
    documents: createPeopleHRDocuments(opts, logger),

    async checkCredentials(signal): Promise<CredentialCheck> {
      const { count, skipped, probeId: firstId, sample } = await survey(signal);
      checkedSample = { records: sample, until: Date.now() + SAMPLE_FRESH_MS };
      const warnings: string[] = [];
      if (count === 0)
        warnings.push('PeopleHR returned no employees for this API key. Check the key belongs to the right company.');
      if (skipped > 0)
        warnings.push(`${skipped} people in PeopleHR have no Employee ID and cannot be synced until one is set.`);
      // Any id will do for the permission probes: grants are checked before the id is looked up.
      const probeId = firstId ?? 'PW1';
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
      const lastReply = list.since?.cursor;
      let fetched = 0;
      let skipped: number;
      if (list.includeSalaries) {
        // Each page waits on one salary call per person (PeopleHR allows 30 a minute): the staff list is read
        // in full first, rather than holding PeopleHR's reply open for as long as the salaries take.
        const all = await fetchAll(list.signal);
        skipped = all.skipped;
        const { records } = all;
        const total = records.length;
        for (let i = 0; i < total; i += pageSize) {
          // Handed over, not kept: the caller decides each page as it comes and need not hold everyone.
          const page = records.splice(0, pageSize);
          for (const rec of page) await addSalary(rec, list.signal);
          fetched += page.length;
          await list.onPage(page, { fetched, total });
        }
      } else {
        // Pages go to the caller while the reply is still arriving, so only a page or so is ever in memory.
        // The last one is kept back until the reply has been read to its end and judged: a list that turns
        // out cut short or failed then fails before its end reaches the caller, and a short list is handed
        // on only once it is known to be whole (so it can still be asked for again).
        let pending: ProviderRecord[] = [];
        // Beside `pending`, where the list thread worked each record's JSON and hash out (else empty).
        let pendingJson: RecordJson[] = [];
        let handed = false;
        let reply: ListReply | null;
        ({ skipped, reply } = await readAll(
          list.signal,
          {
            async take(records, serialised) {
              for (let i = 0; i < records.length; i++) {
                pending.push(records[i]!);
                if (serialised) pendingJson.push(serialised[i]!);
                if (pending.length > pageSize) {
                  const page = pending.splice(0, pageSize);
                  const json = pendingJson.splice(0, pageSize);
                  handed = true;
                  fetched += page.length;
                  await list.onPage(page, { fetched, total: null }, json.length === page.length ? json : undefined);
                }
              }
            },
            committed: () => handed,
            reset: () => {
              pending = [];
              pendingJson = [];
            },
          },
          // These records go straight to the sync, unchanged: their JSON and hash may be worked out as they are read.
          { lastReply, precompute: true },
        ));
        if (reply?.same) return { complete: true, fetched: 0, covers: 'same', cursor: reply.digest };
        const total = fetched + pending.length;
        for (let i = 0; i < pending.length; i += pageSize) {
          const page = pending.slice(i, i + pageSize);
          const json = pendingJson.slice(i, i + pageSize);
          fetched += page.length;
          await list.onPage(page, { fetched, total }, json.length === page.length ? json : undefined);
        }
        // The reply alone made every record (no salary calls), so its digest stands for all of them. Too long to
        // hold unread, it was read as it came, and may still be the last reply: the caller may then repeat that
        // read's outcome, or (should it no longer hold) use these pages, all of which it has.
        if (skipped === 0 && reply)
          return { complete: true, fetched, covers: reply.digest === lastReply ? 'same' : 'all', cursor: reply.digest };
      }
      if (skipped > 0) {
        return {
          complete: false,
          incompleteReason: `${skipped} people in PeopleHR have no Employee ID, so Bureau Sync could not read them; nobody was marked as missing.`,
          fetched,
          covers: 'all',
          cursor: null,
        };
      }
      // With salaries, each record holds more than the reply: its digest cannot stand for them.
      return { complete: true, fetched, covers: 'all', cursor: null };
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
      const records = sample ?? (await survey(signal)).sample;
      const current = records.filter((r) => !r.leaver.isLeaver);
      const salary = await salarySample((current.length > 0 ? current : records).slice(0, 3), signal);
      return buildCatalogue(records, opts.customFieldLabels as Record<string, string> | undefined, salary ?? {});
    },
  };
}
