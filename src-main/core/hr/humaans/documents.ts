import { z } from 'zod';
import { AppError } from '../../errors';
import { isDeliveryUnknown, markDeliveryUnknown, MB, UPLOAD_RETRY } from '../documents-common';
import { responseOf } from '../http';
import type { HrDocumentEntry, HrDocuments, HrDocumentUpload } from '../types';
import { readAll, type HumaansApi } from './api';
import { howToGrantScope } from './constants';
import { humaansError, humaansMessage } from './errors';

/**
 * Payslips into Humaans (docs/hris/humaans.md §8): the file goes up as multipart to POST /files, then
 * POST /documents makes it a document of the person (name, document type, issue date). The upload step is
 * not confirmed by Humaans' public docs, so it stays in this one adapter. GET /documents?personId= tells
 * afterwards what arrived.
 */
export const SCOPE_DOCUMENTS_READ = 'documents:read';
export const SCOPE_DOCUMENTS_WRITE = 'documents:write';

const typeSchema = z.looseObject({ id: z.string().min(1), name: z.string().catch('') });
const documentSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish().catch(null),
  documentTypeId: z.string().nullish().catch(null),
  issueDate: z.string().nullish().catch(null),
});

function refine(err: unknown, scope: string, what: string): AppError {
  const res = responseOf(err);
  if (res?.status === 403) {
    const name =
      scope === SCOPE_DOCUMENTS_WRITE ? 'Modify documents (documents:write)' : 'View documents (documents:read)';
    return new AppError(
      'FORBIDDEN',
      `The Humaans API access token is missing the “${name}” scope, which Bureau Sync needs to put payslips into people's documents.`,
      { permission: scope, howToGrant: howToGrantScope(scope) },
    );
  }
  if (res?.status === 404) {
    const said = humaansMessage(res.data);
    return new AppError(
      'NOT_FOUND',
      `Humaans could not find ${what}${said ? ` (“${said}”)` : ''}; the person may have been deleted. Run a sync and check the match.`,
    );
  }
  return humaansError(err, scope);
}

export function createHumaansDocuments(api: HumaansApi, token: string): HrDocuments {
  const headers = { Authorization: `Bearer ${token.trim()}`, Accept: 'application/json' };

  async function post(url: string, data: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const res = await api.http.json<Record<string, unknown>>({
      method: 'POST',
      url,
      headers,
      data,
      'axios-retry': UPLOAD_RETRY,
      signal,
    });
    return res.data ?? {};
  }

  return {
    limits: {
      maxBytes: 25 * MB,
      maxNameLength: 255,
      extensions: ['pdf'],
      categoryRequired: false,
      freeTextCategory: false,
      canList: true,
    },

    async categories(signal) {
      try {
        const all = await readAll(api, {
          path: '/document-types',
          schema: typeSchema,
          noun: 'document types',
          pageSize: 250,
          signal,
          scope: SCOPE_DOCUMENTS_READ,
        });
        return all.items.map((t) => ({ id: t.id, name: t.name }));
      } catch (err) {
        throw refine(err, SCOPE_DOCUMENTS_READ, 'its document types');
      }
    },

    async upload(doc: HrDocumentUpload) {
      const what = `the payslip "${doc.fileName}"`;
      let fileId: unknown;
      try {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(doc.bytes)], { type: 'application/pdf' }), doc.fileName);
        fileId = (await post('/files', form, doc.signal)).id;
      } catch (err) {
        // A file Humaans kept without a document is invisible to the person, so this step can be redone.
        throw refine(err, SCOPE_DOCUMENTS_WRITE, what);
      }
      if (typeof fileId !== 'string' || fileId === '')
        throw new AppError(
          'HR_ERROR',
          `Humaans accepted ${what} but sent back no file id, so it could not be filed under the person. Try again.`,
        );
      try {
        const created = await post(
          '/documents',
          {
            personId: doc.employeeHrId,
            name: doc.fileName,
            fileId,
            issueDate: doc.date,
            ...(doc.categoryId ? { documentTypeId: doc.categoryId } : {}),
          },
          doc.signal,
        );
        return { documentId: typeof created.id === 'string' ? created.id : null };
      } catch (err) {
        const e = refine(err, SCOPE_DOCUMENTS_WRITE, `the person for ${what}`);
        throw isDeliveryUnknown(err) ? markDeliveryUnknown(e) : e;
      }
    },

    async list(employeeHrId, signal): Promise<HrDocumentEntry[]> {
      try {
        const all = await readAll(api, {
          path: '/documents',
          query: { personId: employeeHrId },
          schema: documentSchema,
          noun: 'documents',
          pageSize: 250,
          signal,
          scope: SCOPE_DOCUMENTS_READ,
        });
        return all.items.map((d) => ({
          documentId: d.id,
          name: d.name ?? '',
          category: d.documentTypeId ?? null,
          date: d.issueDate ?? null,
        }));
      } catch (err) {
        throw refine(err, SCOPE_DOCUMENTS_READ, 'the person’s documents');
      }
    },
  };
}
