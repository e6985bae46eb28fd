import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/app';
import { FileSecretStore, MemorySecretStore } from '../../src-main/core/secrets/file-secret-store';
import type { Credentials, RealProvider } from '../../src-main/contract/providers';
import type { FaultSwitches } from '../../src-main/fake-hr/faults';
import type { RunningFake } from '../../src-main/fake-hr/http-server';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { startFakePersonio, PERSONIO_FAKE_CREDENTIALS, FAKE_PERSONIO_FIRST_ID } from '../../src-main/fake-hr/personio';
import {
  startFakeHumaans,
  HUMAANS_DEMO_SCOPES,
  HUMAANS_DEMO_TOKEN,
  humaansPersonId,
} from '../../src-main/fake-hr/humaans';
import { startFakePeopleHR } from '../../src-main/fake-hr/peoplehr';
import { call } from '../helpers/core';

/**
 * The three vendors' fakes behind one face for the payslip tests: how to connect, which category to
 * choose, where uploads go, and exactly what each fake received (employee, name, category, bytes).
 */
export const VENDORS: RealProvider[] = ['personio', 'humaans', 'peoplehr'];
export const TODAY = new Date('2026-11-01T12:00:00Z');

export interface Arrived {
  employee: string;
  name: string;
  category: string | null;
  bytes: Buffer;
}

export interface PayslipVendor {
  provider: RealProvider;
  fake: RunningFake;
  credentials: Credentials;
  staff: SamplePerson[];
  externalId(p: SamplePerson): string;
  /** The category a user would choose, and its name. */
  category: { id: string; name: string };
  /** Path prefix of the request that files the document (for path-limited faults). */
  uploadPath: string;
  arrived(): Arrived[];
  /** Runs after each stored upload with the number stored. */
  onUpload(fn: ((stored: number) => void) | undefined): void;
  /** Runs once `n` documents are filed, just before the request that files the next one. */
  beforeFiling(n: number, fn: () => void): void;
}

export async function startPayslipVendor(
  provider: RealProvider,
  opts: { scopes?: string[]; faults?: FaultSwitches } = {},
): Promise<PayslipVendor> {
  const staff = generatePeople({ count: 6, seed: 11, today: TODAY });
  switch (provider) {
    case 'personio': {
      const fake = await startFakePersonio({ people: staff, faults: opts.faults });
      return {
        provider,
        fake,
        staff,
        credentials: { provider, ...PERSONIO_FAKE_CREDENTIALS },
        externalId: (p) => String(FAKE_PERSONIO_FIRST_ID + p.seq),
        category: { id: '2', name: 'Other documents' },
        uploadPath: '/v1/company/documents',
        arrived: () =>
          fake.documents.uploads.map((d) => ({
            employee: String(d.employeeId),
            name: d.fileName,
            category: String(d.categoryId),
            bytes: d.bytes,
          })),
        onUpload: (fn) => void (fake.documents.onUpload = fn),
        beforeFiling: (n, fn) => void (fake.documents.onUpload = (k) => k === n && fn()),
      };
    }
    case 'humaans': {
      const fake = await startFakeHumaans({
        people: staff,
        today: '2026-11-01',
        scopes: opts.scopes ?? [...HUMAANS_DEMO_SCOPES, 'documents:write'],
        faults: opts.faults,
      });
      const type = fake.documents.documentTypes[0]!;
      return {
        provider,
        fake,
        staff,
        credentials: { provider, token: HUMAANS_DEMO_TOKEN },
        externalId: (p) => humaansPersonId(p),
        category: { id: type.id, name: String(type.name) },
        uploadPath: '/api/documents',
        arrived: () =>
          fake.documents.documents.map((d) => ({
            employee: String(d.personId),
            name: String(d.name),
            category: (d.documentTypeId as string | null) ?? null,
            bytes: fake.documents.files.find((f) => f.id === d.fileId)?.bytes ?? Buffer.alloc(0),
          })),
        onUpload: (fn) => void (fake.documents.onUpload = fn),
        // Humaans files a document in a second request, after the file itself is up.
        beforeFiling: (n, fn) => void (fake.documents.onFile = (k) => k === n + 1 && fn()),
      };
    }
    case 'peoplehr': {
      const fake = await startFakePeopleHR({ people: staff, today: TODAY, faults: opts.faults });
      return {
        provider,
        fake,
        staff,
        credentials: { provider, apiKey: fake.fullApiKey },
        externalId: (p) => p.employeeNumber,
        category: { id: 'Payslips', name: 'Payslips' },
        uploadPath: '/EmployeeDocument',
        arrived: () =>
          fake.documents.uploads.map((d) => ({
            employee: d.employeeId,
            name: d.DocumentName,
            category: d.Category,
            bytes: d.bytes,
          })),
        onUpload: (fn) => void (fake.documents.onUpload = fn),
        beforeFiling: (n, fn) => void (fake.documents.onUpload = (k) => k === n && fn()),
      };
    }
  }
}

/** File names in the order a send works through them. */
export const inSendOrder = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'en'));

/**
 * A real core with quick retries, a short timeout (for the timeout tests) and the vendors' pacing lifted.
 * Given a data folder, it keeps credentials where the CLI looks for them.
 */
export function payslipCore(dir?: string): Core & { dataDir: string } {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'payslips-'));
  const core = createCore({
    dataDir,
    secrets: dir ? new FileSecretStore(join(dir, 'credentials.json')) : new MemorySecretStore(),
    mode: 'cli',
    http: { retryBaseMs: 5, minRateLimitWaitMs: 10, timeoutMs: 800, rateLimit: { perMinute: 60_000 } },
  });
  return Object.assign(core, { dataDir });
}

/** Connects a company, runs its first sync and switches "Send payslips via …" on (unless told not to). */
export async function connectForPayslips(core: Core, v: PayslipVendor, sendPayslips = true): Promise<string> {
  const { id } = await call(core, 'companies.create', {
    name: `${v.provider} payroll client`,
    credentials: v.credentials,
    baseUrl: v.fake.baseUrl,
  });
  const run = await call(core, 'companies.review', { companyId: id });
  if (run.status !== 'succeeded') throw new Error(`first sync ${run.status}: ${run.error?.message ?? ''}`);
  if (sendPayslips) {
    await call(core, 'settings.set', { companyId: id, patch: { sendPayslipsViaHr: true } });
    if (core.scheduler.isRunning(id)) await core.scheduler.runCompany(id, 'settings');
  }
  return id;
}

/** A small valid PDF, its text unique per call; "£" makes sure multi-byte content arrives intact. */
export function pdf(label: string): Buffer {
  const text = `BT /F1 12 Tf 72 720 Td (Payslip ${label} £1,234.56) Tj ET`;
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj',
    `4 0 obj << /Length ${Buffer.byteLength(text)} >> stream\n${text}\nendstream endobj`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'utf8');
}

/** A folder of payslip files: name → content. */
export function folder(files: Record<string, Buffer | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'payslip-run-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** One payslip per person, named the ways bureaus' payroll software names them. */
export function payslipsFor(staff: SamplePerson[]): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  staff.forEach((p, i) => {
    const name =
      i % 2 === 0
        ? `${p.employeeNumber} ${p.firstName} ${p.lastName} March.pdf`
        : `payslip_${p.firstName.toLowerCase()}-${p.lastName.toLowerCase()}_2026-03.pdf`;
    out[name] = pdf(`${p.employeeNumber}-${i}`);
  });
  return out;
}
