import type { FaultSwitches } from '../../../src-main/fake-hr/faults';
import {
  HUMAANS_DEMO_SCOPES,
  HUMAANS_DEMO_TOKEN,
  startFakeHumaans,
  type FakeHumaans,
} from '../../../src-main/fake-hr/humaans';
import { PEOPLEHR_FAKE_API_KEY, startFakePeopleHR, type FakePeopleHR } from '../../../src-main/fake-hr/peoplehr';
import {
  PERSONIO_FAKE_CREDENTIALS,
  startFakePersonio,
  type RunningFakePersonio,
} from '../../../src-main/fake-hr/personio';
import { generatePeople } from '../../../src-main/fake-hr/sample-people';
import type { Credentials } from '../../../src-main/contract/providers';

/** One document as it arrived at a fake HR system: whose, under which name and category, and its exact bytes. */
export interface Received {
  /** The HR system's own id for the person (what Bureau Sync stores as the employee's hrId). */
  employee: string;
  fileName: string;
  category: string | null;
  bytes: Buffer;
}

/**
 * The payslip journey's view of one HR system's fake: how to connect to it, which category payslips go
 * into, which upload path a fault breaks, and what it received. Each fake keeps its uploads in its own
 * shape (src-main/fake-hr/<vendor>); `received()` puts them in one.
 */
export interface PayslipVendor {
  label: 'Personio' | 'Humaans' | 'PeopleHR';
  company: string;
  credentials: Credentials;
  /** The category the panel suggests, and whether it is typed (PeopleHR) or chosen from a list. */
  category: { name: string; freeText: boolean };
  /** The upload request a fault breaks (a path prefix as the fake sees it). */
  uploadPath: string;
  start(): Promise<void>;
  baseUrl(): string;
  faults(): FaultSwitches;
  /** Called with the number of documents stored after each upload (to break the next one). */
  onUpload(fn: ((stored: number) => void) | undefined): void;
  received(): Received[];
  close(): Promise<void>;
}

function running<T>(fake: T | undefined, label: string): T {
  if (!fake) throw new Error(`The fake ${label} is not running`);
  return fake;
}

function personio(): PayslipVendor {
  let fake: RunningFakePersonio | undefined;
  const it = () => running(fake, 'Personio');
  return {
    label: 'Personio',
    company: 'Lark & Co Accountants',
    credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
    category: { name: 'Payslips', freeText: false },
    uploadPath: '/v1/company/documents',
    start: async () => void (fake = await startFakePersonio({ people: generatePeople({ count: 12, seed: 21 }) })),
    baseUrl: () => it().baseUrl,
    faults: () => it().faults,
    onUpload: (fn) => void (it().documents.onUpload = fn),
    received: () =>
      it().documents.uploads.map((u) => ({
        employee: String(u.employeeId),
        fileName: u.fileName,
        category: it().documents.categories.find((c) => c.id === u.categoryId)?.name ?? null,
        bytes: u.bytes,
      })),
    close: async () => fake?.close(),
  };
}

function humaans(): PayslipVendor {
  let fake: FakeHumaans | undefined;
  const it = () => running(fake, 'Humaans');
  return {
    label: 'Humaans',
    company: 'Northwind Studios',
    credentials: { provider: 'humaans', token: HUMAANS_DEMO_TOKEN },
    category: { name: 'Payslip', freeText: false },
    // Humaans takes the file first (POST /files), then files it under the person (POST /documents).
    uploadPath: '/api/files',
    // A token made with "Modify documents" ticked, as putting payslips into Humaans needs.
    start: async () =>
      void (fake = await startFakeHumaans({
        people: generatePeople({ count: 10, seed: 23 }),
        scopes: [...HUMAANS_DEMO_SCOPES, 'documents:write'],
      })),
    baseUrl: () => it().baseUrl,
    faults: () => it().faults,
    onUpload: (fn) => void (it().documents.onUpload = fn),
    received: () => {
      const docs = it().documents;
      return docs.documents.map((d) => {
        const file = docs.files.find((f) => f.id === d.fileId);
        return {
          employee: String(d.personId),
          fileName: String(d.name),
          category: (docs.documentTypes.find((t) => t.id === d.documentTypeId)?.name as string | undefined) ?? null,
          bytes: file?.bytes ?? Buffer.alloc(0),
        };
      });
    },
    close: async () => fake?.close(),
  };
}

function peoplehr(): PayslipVendor {
  let fake: FakePeopleHR | undefined;
  const it = () => running(fake, 'PeopleHR');
  return {
    label: 'PeopleHR',
    company: 'Harbour Logistics Ltd',
    credentials: { provider: 'peoplehr', apiKey: PEOPLEHR_FAKE_API_KEY },
    category: { name: 'Payslips', freeText: true },
    uploadPath: '/EmployeeDocument',
    // Small: PeopleHR allows 30 calls a minute, and Bureau Sync keeps to that.
    start: async () => void (fake = await startFakePeopleHR({ people: generatePeople({ count: 5, seed: 31 }) })),
    baseUrl: () => it().baseUrl,
    faults: () => it().faults,
    onUpload: (fn) => void (it().documents.onUpload = fn),
    received: () =>
      it().documents.uploads.map((u) => ({
        employee: u.employeeId,
        fileName: u.DocumentName,
        category: u.Category,
        bytes: u.bytes,
      })),
    close: async () => fake?.close(),
  };
}

export const PAYSLIP_VENDORS: Array<() => PayslipVendor> = [personio, humaans, peoplehr];

/**
 * A payslip PDF with a binary comment line and a binary body, as real PDFs have: bytes ≥ 0x80 that are
 * not valid UTF-8 (0xE2 0xE3 is a broken sequence, 0xFF never appears in UTF-8), so any text decoding on
 * the way would change them. `tag` makes each file's content (and so its length) different.
 */
export function binaryPdf(tag: string, extra: number): Buffer {
  const body = Buffer.alloc(64 + extra);
  for (let i = 0; i < body.length; i++) body[i] = 0x80 + ((i * 37 + tag.length) % 0x80);
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%'),
    Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    Buffer.from(`% payslip ${tag}\n1 0 obj\n<< /Length ${body.length} >>\nstream\n`),
    body,
    Buffer.from([0xff, 0xfe, 0x00, 0xc0, 0x80]),
    Buffer.from('\nendstream\nendobj\n%%EOF\n'),
  ]);
}
