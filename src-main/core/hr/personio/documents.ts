import { AppError } from '../../errors';
import { silentLogger, type Logger } from '../../ports';
import { isDeliveryUnknown, markDeliveryUnknown, MB, UPLOAD_RETRY } from '../documents-common';
import { createHttpClient, responseOf, type HttpClient, type HttpOptions, type RateLimit } from '../http';
import type { HrDocumentCategory, HrDocuments, HrDocumentUpload } from '../types';
import { personioMessage } from './errors';
import { PERSONIO_APP_ID, PERSONIO_CREDENTIALS_PATH } from './howto';
import type { PersonioSession } from './session';

/**
 * Payslips into Personio (docs/hris/personio.md §4): categories from GET /v1/company/document-categories,
 * uploads as real multipart/form-data to POST /v1/company/documents (numeric fields as strings, the boundary
 * left to the HTTP library, trap T15). Personio's v1 API cannot list an employee's documents, so `list` is null.
 */
export const PERSONIO_DOCUMENTS_RATE_LIMIT: RateLimit = { perMinute: 60 };
const EXTENSIONS =
  'pdf docx doc jpg zip png txt jpeg odt xlsx rtf htm xls p7s pptx pages rar ppt gif tif html msg asc tiff wps bmp 7z csv ics vcf dotx numbers eps gz ods otf odp odg rtfd txz webarchive xml xps md fax';

export const HOW_TO_GRANT_DOCUMENTS =
  `In Personio go to ${PERSONIO_CREDENTIALS_PATH}, open the credential Bureau Sync uses and tick "Read" and "Write" for Documents. ` +
  'Save; the client ID and secret stay the same.';

export interface PersonioDocumentsOptions {
  session: PersonioSession;
  baseUrl: string;
  appId?: string;
  partnerId?: string;
  logger?: Logger;
  http?: Partial<HttpOptions>;
}

function forbidden(): AppError {
  return new AppError(
    'FORBIDDEN',
    'Personio accepted the client ID and secret, but this API credential may not read and write documents, so Bureau Sync cannot put payslips into Personio.',
    { permission: 'Documents: Read and Write', howToGrant: HOW_TO_GRANT_DOCUMENTS },
  );
}

function documentError(err: unknown, what: string): AppError {
  const base =
    err instanceof AppError ? err : new AppError('INTERNAL', `Unexpected error talking to Personio: ${String(err)}`);
  const res = responseOf(err);
  if (!res) return base;
  const said = personioMessage(res.data);
  if (res.status === 401) {
    return new AppError(
      'AUTH_FAILED',
      `Personio stopped accepting Bureau Sync's sign-in; check the API credential in Personio under ${PERSONIO_CREDENTIALS_PATH}.`,
    );
  }
  if (res.status === 403) return forbidden();
  if (res.status === 404) {
    return /categor/i.test(said ?? '')
      ? new AppError(
          'NOT_FOUND',
          `Personio has no such document category any more${said ? ` ("${said}")` : ''}. Choose the payslip category again.`,
        )
      : new AppError(
          'NOT_FOUND',
          `Personio has no such employee for ${what}${said ? ` ("${said}")` : ''}; they may have been deleted in Personio. Run a sync and check the match.`,
        );
  }
  if (res.status === 429) {
    return new AppError(
      'RATE_LIMITED',
      'Personio allows 60 document uploads a minute and kept answering "too many requests". The rest can be sent again in a minute.',
    );
  }
  if (res.status >= 400 && res.status < 500) {
    return new AppError(
      'HR_ERROR',
      `Personio refused ${what} (HTTP ${res.status}${said ? `: "${said}"` : ''}).`,
      { status: res.status },
      base.cause,
    );
  }
  return base;
}

export function createPersonioDocuments(o: PersonioDocumentsOptions): HrDocuments {
  const headers = {
    'X-Personio-App-ID': o.appId ?? PERSONIO_APP_ID,
    'X-Personio-Partner-ID': o.partnerId ?? PERSONIO_APP_ID,
  };
  const http: HttpClient = createHttpClient({
    ...o.http,
    vendor: 'Personio',
    baseURL: o.baseUrl,
    logger: o.logger ?? silentLogger,
    rateLimit: o.http?.rateLimit ?? PERSONIO_DOCUMENTS_RATE_LIMIT,
  });

  /** Sends with the session's token; a rejected token is renewed once (Personio refused, so resending is safe). */
  async function authorised<T>(send: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const token = await o.session.currentToken(signal);
    try {
      return await send(token);
    } catch (err) {
      if (responseOf(err)?.status !== 401) throw err;
    }
    return send(await o.session.signIn(signal));
  }

  return {
    limits: {
      maxBytes: 30 * MB,
      maxNameLength: 255,
      extensions: EXTENSIONS.split(' '),
      categoryRequired: true,
      freeTextCategory: false,
      canList: false,
    },

    async categories(signal): Promise<HrDocumentCategory[]> {
      let body: unknown;
      try {
        const res = await authorised(
          (token) =>
            http.json({
              method: 'GET',
              url: '/v1/company/document-categories',
              headers: { ...headers, authorization: `Bearer ${token}`, accept: 'application/json' },
              signal,
            }),
          signal,
        );
        body = res.data;
      } catch (err) {
        throw documentError(err, 'the list of document categories');
      }
      const rows = (body as { data?: unknown })?.data;
      if (!Array.isArray(rows))
        throw new AppError(
          'HR_ERROR',
          'Personio sent a list of document categories Bureau Sync could not read. Try again in a few minutes.',
        );
      return rows.flatMap((r: unknown) => {
        const row = r as { id?: unknown; attributes?: { name?: unknown }; name?: unknown };
        const name = row?.attributes?.name ?? row?.name;
        return (typeof row?.id === 'number' || typeof row?.id === 'string') && typeof name === 'string'
          ? [{ id: String(row.id), name }]
          : [];
      });
    },

    async upload(doc: HrDocumentUpload) {
      if (!/^\d+$/.test(doc.employeeHrId))
        throw new AppError('VALIDATION', `"${doc.employeeHrId}" is not a Personio employee ID.`);
      if (!doc.categoryId || !/^\d+$/.test(doc.categoryId))
        throw new AppError('VALIDATION', 'Choose the Personio document category the payslips go into.');
      const form = () => {
        const f = new FormData();
        f.append('title', doc.fileName.slice(0, 255));
        f.append('employee_id', doc.employeeHrId);
        f.append('category_id', doc.categoryId ?? '');
        f.append('date', doc.date);
        f.append('comment', doc.description);
        f.append('file', new Blob([new Uint8Array(doc.bytes)], { type: 'application/pdf' }), doc.fileName);
        return f;
      };
      try {
        const res = await authorised(
          (token) =>
            http.json<{ data?: { id?: unknown } }>({
              method: 'POST',
              url: '/v1/company/documents',
              // No content-type: the HTTP library writes multipart/form-data with its boundary.
              headers: { ...headers, authorization: `Bearer ${token}`, accept: 'application/json' },
              data: form(),
              'axios-retry': UPLOAD_RETRY,
              signal: doc.signal,
            }),
          doc.signal,
        );
        const id = res.data?.data?.id;
        return { documentId: typeof id === 'number' || typeof id === 'string' ? String(id) : null };
      } catch (err) {
        const e = documentError(err, `the payslip "${doc.fileName}"`);
        throw isDeliveryUnknown(err) ? markDeliveryUnknown(e) : e;
      }
    },

    list: async () => null,
  };
}
