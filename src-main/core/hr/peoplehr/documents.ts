import { AppError } from '../../errors';
import { silentLogger, type Logger } from '../../ports';
import { markDeliveryUnknown, MB, UPLOAD_RETRY } from '../documents-common';
import { createHttpClient, type HttpClient } from '../http';
import type { HrDocumentEntry, HrDocuments, HrDocumentUpload } from '../types';
import type { PeopleHRClientOptions } from './client';
import { emptyReplyError, rateLimitedError, refineTransportError } from './errors';
import { asList, isPlainObject, readEnvelope } from './schemas';
import { pacerFor } from './transport';

/**
 * Payslips into PeopleHR (docs/hris/peoplehr.md §7): UploadEmployeeDocument with the file as base64
 * in the JSON body, a free-text category and the access flags (the employee sees it, managers do not), and
 * GetAllDocument to find out afterwards what arrived. PeopleHR returns no document id, so a lost answer is
 * resolved by looking for the file name in the list. Calls share the 30-a-minute pacer of the sync.
 */
export const PEOPLEHR_PAYSLIP_CATEGORY = 'Payslips';
const PATH = '/EmployeeDocument';
const EXTENSIONS = ['pdf', 'doc', 'docx', 'txt', 'rtf', 'jpg', 'jpeg', 'png', 'xls', 'xlsx', 'csv', 'odt'];

const GRANTS: Record<string, string> = {
  UploadEmployeeDocument: 'Upload Employee Document',
  GetAllDocument: 'Get All Document',
};

function howToGrant(action: string): string {
  return `In PeopleHR go to Settings → API, open the API key Bureau Sync uses, tick "${GRANTS[action] ?? action}" under Document, and click Save. The key itself stays the same.`;
}

type Outcome = { kind: 'ok'; result: unknown } | { kind: 'retry' };

function judge(body: unknown, action: string, fileName: string | null): Outcome {
  const env = readEnvelope(body);
  if (env === null) throw fileName ? markDeliveryUnknown(emptyReplyError()) : emptyReplyError();
  if (!env.isError || env.status === 10) return { kind: 'ok', result: env.result };
  const said = env.message ? ` (PeopleHR said: "${env.message}")` : '';
  const msg = env.message.toLowerCase();
  if (/rate limit|too many|exceed/.test(msg) && !/size/.test(msg)) return { kind: 'retry' };
  if (env.status === 1 || env.status === 2 || (env.status === 5 && /api key (does not|not) exist/.test(msg))) {
    throw new AppError(
      'AUTH_FAILED',
      `PeopleHR rejected the API key${said}. Check it still exists in PeopleHR under Settings → API.`,
    );
  }
  if (env.status === 5 && /no access|access not|permission/.test(msg)) {
    const permission = `Document: ${GRANTS[action] ?? action}`;
    throw new AppError(
      'FORBIDDEN',
      `The PeopleHR API key works, but it may not use "${permission}", so payslips cannot be put into PeopleHR${said}. ${howToGrant(action)}`,
      {
        permission,
        howToGrant: howToGrant(action),
      },
    );
  }
  if (env.status === 5 && /employeeid does not exist/.test(msg)) {
    throw new AppError(
      'NOT_FOUND',
      `PeopleHR has no employee with that Employee ID${said}; they may have been deleted or renamed. Run a sync and check the match.`,
    );
  }
  // "Oops! Something went wrong." may come after the document was stored: check before sending again.
  if (fileName && env.status === 6) {
    throw markDeliveryUnknown(
      new AppError('HR_ERROR', `PeopleHR reported a fault of its own while taking "${fileName}"${said}`, {
        status: env.status,
      }),
    );
  }
  throw new AppError('HR_ERROR', `PeopleHR refused ${fileName ? `the payslip "${fileName}"` : 'the request'}${said}.`, {
    status: env.status,
  });
}

/** PeopleHR's document date, "Thu, 25 May 2023", as YYYY-MM-DD. */
export function documentDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const t = Date.parse(`${raw.replace(/^\w+,\s*/, '')} 12:00 UTC`);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

export function createPeopleHRDocuments(opts: PeopleHRClientOptions, logger: Logger = silentLogger): HrDocuments {
  const http: HttpClient = createHttpClient({
    vendor: 'PeopleHR',
    baseURL: opts.baseUrl,
    logger,
    ...opts.http,
    rateLimit: undefined,
  });
  const pacer = pacerFor(opts.baseUrl, opts.callsPerMinute ?? opts.http?.rateLimit?.perMinute ?? 30);
  const apiKey = opts.credentials.apiKey.trim();
  const retries = opts.http?.retries ?? 4;
  const waitBase = opts.http?.minRateLimitWaitMs ?? 1000;

  async function call(
    action: string,
    params: Record<string, unknown>,
    fileName: string | null,
    signal?: AbortSignal,
  ): Promise<unknown> {
    for (let refused = 1; ; refused++) {
      let body: unknown;
      try {
        const res = await pacer.schedule(() =>
          http.json({
            method: 'POST',
            url: PATH,
            headers: { 'Content-Type': 'application/json' },
            data: { APIKey: apiKey, Action: action, ...params },
            ...(fileName ? { 'axios-retry': UPLOAD_RETRY } : {}),
            signal,
          }),
        );
        body = res.data;
      } catch (err) {
        throw refineTransportError(err);
      }
      const outcome = judge(body, action, fileName);
      if (outcome.kind === 'ok') return outcome.result;
      // A rate-limit refusal means PeopleHR did not take the call, so sending it again is safe.
      if (refused > retries + 2) throw rateLimitedError();
      logger.warn('PeopleHR: rate limited, waiting', { action });
      await new Promise((r) => setTimeout(r, Math.min(60_000, waitBase * 2 ** (refused - 1))));
    }
  }

  return {
    limits: {
      maxBytes: 15 * MB,
      maxNameLength: 100,
      extensions: EXTENSIONS,
      categoryRequired: false,
      freeTextCategory: true,
      canList: true,
    },

    categories: async () => [{ id: PEOPLEHR_PAYSLIP_CATEGORY, name: PEOPLEHR_PAYSLIP_CATEGORY }],

    async upload(doc: HrDocumentUpload) {
      await call(
        'UploadEmployeeDocument',
        {
          EmployeeId: doc.employeeHrId,
          Category: (doc.categoryId ?? PEOPLEHR_PAYSLIP_CATEGORY).slice(0, 100),
          // A payslip is for the employee's eyes: managers do not get access, and nothing needs signing.
          EmployeeAccess: 'true',
          ManagerAccess: 'false',
          SignatureRequired: 'false',
          DocumentName: doc.fileName,
          Description: doc.description.slice(0, 256),
          File: Buffer.from(doc.bytes).toString('base64'),
        },
        doc.fileName,
        doc.signal,
      );
      return { documentId: null };
    },

    async list(employeeHrId, signal): Promise<HrDocumentEntry[]> {
      const rows = asList(await call('GetAllDocument', { EmployeeId: employeeHrId }, null, signal)) ?? [];
      return rows.filter(isPlainObject).map((r) => ({
        documentId: r.DocumentId === undefined || r.DocumentId === null ? null : String(r.DocumentId),
        name: typeof r.DocumentName === 'string' ? r.DocumentName : '',
        category: typeof r.Category === 'string' ? r.Category : null,
        date: documentDate(r.AddedOn),
      }));
    },
  };
}
