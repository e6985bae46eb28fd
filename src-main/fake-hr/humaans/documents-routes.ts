import type { FakeRequest, FakeResponse } from '../http-server';
import { parseMultipart } from '../multipart';
import { hasScope } from './collections';
import type { Row } from './dataset';
import { humaansId } from './ids';

/**
 * Humaans documents as docs/hris/humaans.md §8 and §11.9 describe them: `POST /files` (multipart,
 * field `file`; this step is not confirmed by Humaans' public docs), then `POST /documents` with
 * `{personId, name, documentTypeId?, issueDate?, fileId | link}`, `GET /documents?personId=` and
 * `GET /document-types`; `documents:read` / `documents:write` enforced. Everything received is kept.
 */
export interface FakeHumaansFile {
  id: string;
  filename: string;
  contentType: string | null;
  bytes: Buffer;
  createdAt: string;
}

export interface FakeHumaansDocuments {
  documentTypes: Row[];
  readonly files: FakeHumaansFile[];
  readonly documents: Row[];
  /** Called after each document is created with the number stored, e.g. to arm a fault for the next request. */
  onUpload?: (stored: number) => void;
  /** Called after each file is stored (before its document is created) with the number of files. */
  onFile?: (stored: number) => void;
  route(r: {
    name: string;
    id: string | undefined;
    req: FakeRequest;
    granted: Set<string>;
    people: Row[];
    error(status: number, name: string, message: string, extra?: Record<string, unknown>): FakeResponse;
  }): FakeResponse | null;
}

const ROUTES = new Set(['files', 'documents', 'document-types']);

export function createFakeHumaansDocuments(): FakeHumaansDocuments {
  let n = 0;
  const store: FakeHumaansDocuments = {
    documentTypes: [
      {
        id: humaansId('document-type', 1),
        companyId: humaansId('company', 1),
        name: 'Payslip',
        createdAt: '2024-01-02T09:00:00.000Z',
        updatedAt: '2024-01-02T09:00:00.000Z',
      },
      {
        id: humaansId('document-type', 2),
        companyId: humaansId('company', 1),
        name: 'Contract',
        createdAt: '2024-01-02T09:00:00.000Z',
        updatedAt: '2024-01-02T09:00:00.000Z',
      },
    ],
    files: [],
    documents: [],
    route({ name, id, req, granted, people, error }) {
      if (!ROUTES.has(name)) return null;
      const needed = req.method === 'GET' ? 'documents:read' : 'documents:write';
      if (!hasScope(granted, needed)) {
        return error(403, 'Forbidden', `Access token is missing the required scope: ${needed}`, {
          issues: [{ name: needed, reason: 'missing scope', forbidden: true }],
        });
      }
      const now = new Date().toISOString();
      if (req.method === 'GET' && id === undefined && name !== 'files') {
        const rows =
          name === 'document-types'
            ? store.documentTypes
            : store.documents.filter((d) => !req.query.get('personId') || d.personId === req.query.get('personId'));
        const limit = Math.min(Number(req.query.get('$limit') ?? 100) || 100, 250);
        const skip = Number(req.query.get('$skip') ?? 0) || 0;
        return { status: 200, json: { total: rows.length, limit, skip, data: rows.slice(skip, skip + limit) } };
      }
      if (req.method === 'POST' && id === undefined && name === 'files') {
        const file = parseMultipart(req.rawBody, String(req.headers['content-type'] ?? ''))?.find(
          (p) => p.name === 'file' && p.filename !== null,
        );
        if (!file)
          return error(400, 'BadRequest', 'Validation failed', { issues: [{ name: 'file', reason: 'required' }] });
        const f: FakeHumaansFile = {
          id: humaansId('file', ++n),
          filename: file.filename ?? '',
          contentType: file.contentType,
          bytes: file.data,
          createdAt: now,
        };
        store.files.push(f);
        store.onFile?.(store.files.length);
        return { status: 201, json: { id: f.id, filename: f.filename, createdAt: f.createdAt } };
      }
      if (req.method === 'POST' && id === undefined && name === 'documents') {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(req.body || '{}') as Record<string, unknown>;
        } catch {
          return error(400, 'BadRequest', 'Request body is not valid JSON');
        }
        const issues: Array<{ name: string; reason: string }> = [];
        if (typeof body.personId !== 'string' || !people.some((p) => p.id === body.personId))
          issues.push({ name: 'personId', reason: 'must be an existing person' });
        if (typeof body.name !== 'string' || body.name.trim() === '') issues.push({ name: 'name', reason: 'required' });
        const file = store.files.find((f) => f.id === body.fileId);
        if (!file && typeof body.link !== 'string')
          issues.push({ name: 'fileId', reason: 'must be an uploaded file or a link must be given' });
        if (body.documentTypeId !== undefined && !store.documentTypes.some((t) => t.id === body.documentTypeId))
          issues.push({ name: 'documentTypeId', reason: 'unknown document type' });
        if (issues.length > 0) return error(400, 'BadRequest', 'Validation failed', { issues });
        const doc: Row = {
          id: humaansId('document', ++n),
          companyId: humaansId('company', 1),
          personId: body.personId,
          name: body.name,
          documentTypeId: body.documentTypeId ?? null,
          folderId: null,
          link: typeof body.link === 'string' ? body.link : null,
          fileId: file?.id ?? null,
          file: file ? { id: file.id, url: `https://files.humaans.test/${file.id}`, filename: file.filename } : null,
          source: 'api',
          sourceId: null,
          issueDate: typeof body.issueDate === 'string' ? body.issueDate : null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        };
        store.documents.push(doc);
        store.onUpload?.(store.documents.length);
        return { status: 201, json: doc };
      }
      return error(405, 'MethodNotAllowed', `Method ${req.method} is not supported`);
    },
  };
  return store;
}
