import type { FakeRequest, FakeResponse } from '../http-server';
import { parseMultipart } from '../multipart';
import { authorise } from './auth-routes';
import { SlidingWindow } from './tokens';
import { header, v1Error, type FakeState } from './state';

/**
 * Personio's documents API (docs/hris/personio.md §4): the category list and the multipart upload,
 * with its validation (required fields, 255-character title, Y-m-d date, 30 MB, the extension list),
 * its 404 for an unknown employee or category, and its 60-a-minute limit (while faults.enforceRateLimit).
 * Uploads are kept so tests can check exactly what arrived.
 */
export const NO_DOCUMENT_ACCESS = 'documents';
const MAX_BYTES = 30 * 1024 * 1024;
const EXTENSIONS = new Set(
  'pdf docx doc jpg zip png txt jpeg odt xlsx rtf htm xls p7s pptx pages rar ppt gif tif html msg asc tiff wps bmp 7z csv ics vcf dotx numbers eps gz ods otf odp odg rtfd txz webarchive xml xps md fax'.split(
    ' ',
  ),
);

export interface FakePersonioDocument {
  id: number;
  employeeId: number;
  categoryId: number;
  title: string;
  date: string | null;
  comment: string | null;
  fileName: string;
  contentType: string | null;
  bytes: Buffer;
}

export interface FakePersonioDocuments {
  categories: Array<{ id: number; name: string }>;
  readonly uploads: FakePersonioDocument[];
  /** Called after each stored upload with the number stored, e.g. to arm a fault for the next request. */
  onUpload?: (stored: number) => void;
  handle(req: FakeRequest): FakeResponse | null;
}

export const DEFAULT_DOCUMENT_CATEGORIES = [
  { id: 1, name: 'Certificates of employment' },
  { id: 2, name: 'Other documents' },
  { id: 7, name: 'Payslips' },
];

function invalid(field: string, message: string): FakeResponse {
  return {
    status: 422,
    json: {
      success: false,
      error: { code: 422, message: 'The given data was invalid.', error_data: { [field]: [message] } },
    },
  };
}

export function createFakePersonioDocuments(state: FakeState): FakePersonioDocuments {
  const perMinute = new SlidingWindow(60, 60_000);
  let nextId = 51_000;
  const store: FakePersonioDocuments = {
    categories: DEFAULT_DOCUMENT_CATEGORIES.map((c) => ({ ...c })),
    uploads: [],
    handle(req) {
      const categories = req.path === '/v1/company/document-categories';
      if (!categories && req.path !== '/v1/company/documents') return null;
      if (state.opts.requireAppIdHeader && !header(req.headers, 'x-personio-app-id'))
        return v1Error(403, 'The X-Personio-App-ID header is required.', 0);
      const auth = authorise(state, req);
      if ('error' in auth) return auth.error;
      if ((state.faults.missingPermissions ?? []).includes(NO_DOCUMENT_ACCESS)) {
        return v1Error(403, 'personio.core.api.exceptions.api.forbidden.http.exception', 0);
      }
      if (categories) {
        if (req.method !== 'GET') return v1Error(405, 'Method not allowed', 0);
        return {
          status: 200,
          headers: auth.headers,
          json: {
            success: true,
            data: store.categories.map((c) => ({ id: c.id, type: 'DocumentCategory', attributes: { name: c.name } })),
          },
        };
      }
      if (req.method !== 'POST') return v1Error(405, 'Method not allowed', 0);
      if (state.faults.enforceRateLimit) {
        if (!perMinute.wouldAllow(state.now())) return v1Error(429, 'Too Many Requests');
        perMinute.record(state.now());
      }
      return upload(req, auth.headers);
    },
  };

  function upload(req: FakeRequest, headers: Record<string, string>): FakeResponse {
    const parts = parseMultipart(req.rawBody, header(req.headers, 'content-type'));
    // What Personio answered live to a body that was not real multipart.
    if (!parts) return v1Error(422, 'Bitte geben Sie category id ein, um fortzufahren.', 0);
    const field = (n: string) => parts.find((p) => p.name === n && p.filename === null)?.text.trim();
    const file = parts.find((p) => p.name === 'file' && p.filename !== null);
    for (const n of ['title', 'employee_id', 'category_id'])
      if (!field(n)) return invalid(n, `The ${n.replace('_', ' ')} field is required.`);
    if (!file) return invalid('file', 'The file field is required.');
    const title = field('title')!;
    if (title.length > 255) return invalid('title', 'The title may not be greater than 255 characters.');
    const date = field('date') ?? null;
    if (date !== null && date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      return invalid('date', 'The date does not match the format Y-m-d.');
    if (file.data.length > MAX_BYTES) return invalid('file', 'The file may not be greater than 30720 kilobytes.');
    const ext = /\.([^.]+)$/.exec(file.filename ?? '')?.[1]?.toLowerCase() ?? '';
    if (!EXTENSIONS.has(ext)) return invalid('file', `The file must be a file of type: ${[...EXTENSIONS].join(', ')}.`);
    const employeeId = Number(field('employee_id'));
    const categoryId = Number(field('category_id'));
    const row = state.rows.find((r) => r.id === employeeId);
    if (!row) return v1Error(404, `No query results for model [Employee] ${field('employee_id')}`, 0);
    const category = store.categories.find((c) => c.id === categoryId);
    if (!category) return v1Error(404, `No query results for model [DocumentCategory] ${field('category_id')}`, 0);
    const doc: FakePersonioDocument = {
      id: nextId++,
      employeeId,
      categoryId,
      title,
      date: date || null,
      comment: field('comment') ?? null,
      fileName: file.filename ?? '',
      contentType: file.contentType,
      bytes: file.data,
    };
    store.uploads.push(doc);
    store.onUpload?.(store.uploads.length);
    const attr = (key: string, label: string, value: unknown) => ({
      label,
      value,
      type: 'standard',
      universal_id: key,
    });
    return {
      status: 201,
      headers,
      json: {
        success: true,
        data: {
          id: doc.id,
          type: 'Document',
          attributes: {
            title: doc.title,
            date: doc.date,
            comment: doc.comment,
            employee: {
              type: 'Employee',
              attributes: {
                id: attr('id', 'ID', row.id),
                first_name: attr('first_name', 'First name', row.person.firstName),
                last_name: attr('last_name', 'Last name', row.person.lastName),
                email: attr('email', 'Email', row.person.email),
              },
            },
            category: { id: category.id, type: 'DocumentCategory', attributes: { name: category.name } },
          },
        },
      },
    };
  }

  return store;
}
