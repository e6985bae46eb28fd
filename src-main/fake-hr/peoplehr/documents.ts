import type { FakeResponse } from '../http-server';
import type { SamplePerson } from '../sample-people';
import { envelope, flag, type ActionContext } from './actions';

/**
 * PeopleHR's Document actions (docs/hris/peoplehr.md §7, §11): UploadEmployeeDocument with all ten
 * fields required and the file as base64, validated in PeopleHR's own words and answered with no document
 * id; GetAllDocument with numeric internal ids, string booleans and "Thu, 25 May 2023" dates. Uploads are
 * kept so tests can check exactly what arrived.
 */
export interface FakePeopleHRDocument {
  DocumentId: number;
  /** PeopleHR's internal numeric employee id (not the "E00042" Employee ID). */
  internalEmployeeId: number;
  employeeId: string;
  DocumentName: string;
  Category: string;
  Description: string;
  EmployeeAccess: string;
  ManagerAccess: string;
  SignRequired: string;
  AddedOn: string;
  bytes: Buffer;
}

export interface FakePeopleHRDocuments {
  readonly uploads: FakePeopleHRDocument[];
  /** Called after each stored upload with the number stored, e.g. to arm a fault for the next request. */
  onUpload?: (stored: number) => void;
  handlers: Record<string, (body: Record<string, unknown>, ctx: ActionContext) => FakeResponse>;
}

const REQUIRED = [
  'EmployeeId',
  'Category',
  'EmployeeAccess',
  'ManagerAccess',
  'SignatureRequired',
  'DocumentName',
  'Description',
  'File',
];
const EXTENSIONS = new Set([
  'pdf',
  'doc',
  'docx',
  'txt',
  'rtf',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'xls',
  'xlsx',
  'csv',
  'odt',
  'ods',
]);
const MAX_BYTES = 15 * 1024 * 1024;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const internalIdOf = (p: SamplePerson): number => 2_850_000 + p.seq;

function addedOn(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function person(body: Record<string, unknown>, ctx: ActionContext): SamplePerson | FakeResponse {
  if (body.EmployeeId === undefined || body.EmployeeId === null) return envelope(true, 5, 'EmployeeId is missing.', {});
  const id = String(body.EmployeeId).trim();
  if (id === '') return envelope(true, 5, 'EmployeeId cannot be empty.', {});
  if (id.length > 15) return envelope(true, 5, 'EmployeeId contains more than 15 characters.', {});
  const found = ctx.people.find((p) => (ctx.renamed.get(p.seq) ?? ctx.employeeId(p)) === id);
  return found ?? envelope(true, 5, 'EmployeeId does not exists.', {});
}

const isBool = (v: unknown) => v === true || v === false || (typeof v === 'string' && /^(true|false)$/i.test(v.trim()));

export function createFakePeopleHRDocuments(): FakePeopleHRDocuments {
  let nextId = 34_067_785;
  const store: FakePeopleHRDocuments = {
    uploads: [],
    handlers: {
      UploadEmployeeDocument(body, ctx) {
        if (REQUIRED.some((k) => !(k in body) || body[k] === null))
          return envelope(true, 5, 'One or more mandatory fields are missing', {});
        const p = person(body, ctx);
        if (!('seq' in p)) return p;
        const name = String(body.DocumentName).trim();
        if (name === '') return envelope(true, 5, 'DocumentName cannot be empty.', {});
        if (name.length > 100) return envelope(true, 5, 'DocumentName contains more than 100 characters.', {});
        if (String(body.Category).length > 100)
          return envelope(true, 5, 'Category contains more than 100 characters.', {});
        if (String(body.Description).length > 256)
          return envelope(true, 5, 'Description contains more than 256 characters.', {});
        for (const k of ['EmployeeAccess', 'ManagerAccess', 'SignatureRequired']) {
          if (!isBool(body[k])) return envelope(true, 5, `${k} Can only Contain True Or False.`, {});
        }
        const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
        if (!EXTENSIONS.has(ext))
          return envelope(true, 5, `Invalid file type. File type ${ext || 'fileExtension'} is not supported.`, {});
        const b64 = typeof body.File === 'string' ? body.File.trim() : '';
        if (b64 === '') return envelope(true, 5, 'File cannot be empty.', {});
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0)
          return envelope(true, 5, 'File contains invalid data.', {});
        const bytes = Buffer.from(b64, 'base64');
        if (bytes.length > MAX_BYTES)
          return envelope(true, 5, 'File size exceeds the limit. Please ensure the file is no larger than 15MB', {});
        store.uploads.push({
          DocumentId: nextId++,
          internalEmployeeId: internalIdOf(p),
          employeeId: String(body.EmployeeId).trim(),
          DocumentName: name,
          Category: String(body.Category),
          Description: String(body.Description),
          EmployeeAccess: String(flag(body.EmployeeAccess)),
          ManagerAccess: String(flag(body.ManagerAccess)),
          SignRequired: String(flag(body.SignatureRequired)),
          AddedOn: addedOn(new Date()),
          bytes,
        });
        store.onUpload?.(store.uploads.length);
        return envelope(false, 0, ctx.successMessage ?? 'The request processed successfully.', {});
      },

      GetAllDocument(body, ctx) {
        const p = person(body, ctx);
        if (!('seq' in p)) return p;
        const rows = store.uploads
          .filter((d) => d.internalEmployeeId === internalIdOf(p))
          .map((d) => ({
            EmployeeId: d.internalEmployeeId,
            DocumentId: d.DocumentId,
            DocumentName: d.DocumentName,
            URL: `https://demo.peoplehr.net/Handlers/DocumentHandler.ashx?doc=${d.DocumentId}`,
            Comments: d.Description,
            EmployeeAccess: d.EmployeeAccess,
            ManagerAccess: d.ManagerAccess,
            SignRequired: d.SignRequired,
            Category: d.Category,
            AddedOn: d.AddedOn,
            ManagerSignRequired: 'false',
          }));
        if (rows.length === 0) return envelope(false, 10, 'No records found.', '');
        return envelope(false, 0, ctx.successMessage ?? 'The requested processed successfully.', rows);
      },
    },
  };
  return store;
}
