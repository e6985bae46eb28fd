import {
  DELIVERY_STATUSES,
  MATCH_STATUSES,
  type PayslipCategories,
  type PayslipDeliveryStatus,
  type PayslipFileResult,
  type PayslipMatchReport,
  type PayslipMatchStatus,
  type PayslipSendResult,
} from '../../contract/payslips';
import { PROVIDER_NAMES } from '../../contract/providers';
import type { CompanyRow } from '../db/repositories/companies';
import { PayslipDeliveryRepository } from '../db/repositories/payslips';
import { AppError } from '../errors';
import type { HrDocuments } from '../hr/types';
import { requireCompany } from '../api/companies';
import { vendorOf, type CoreContext } from '../api/context';
import { categoriesFor, resolveCategory } from './category';
import { matchEmployees } from './employees';
import { readPayslip, scanFolder, type PayslipFile } from './files';
import { matchFile, type FileMatch, type MatchEmployee } from './match';

/**
 * Payslips to the HR system: the steps behind the payslips.* commands. Matching reads only the folder
 * and the synced employees; sending delivers one file at a time through the vendor client (whose HTTP
 * layer keeps to the vendor's rate limit) and records each attempt. One send per company at a time.
 */
export interface MatchInput {
  companyId: string;
  payDate: string;
  dir: string;
  overrides: Record<string, number | null>;
}

export interface SendInput extends MatchInput {
  categoryId?: string;
  files?: string[];
}

interface Prepared {
  company: CompanyRow;
  vendor: string;
  docs: HrDocuments;
  files: PayslipFile[];
  matches: FileMatch[];
}

const zeroCounts = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function createPayslipService(
  ctx: CoreContext,
  onProgress: (p: {
    companyId: string;
    payDate: string;
    processed: number;
    total: number;
    file: string;
    status: PayslipDeliveryStatus;
  }) => void,
) {
  const repo = new PayslipDeliveryRepository(ctx.db);
  const sending = new Set<string>();

  async function documentsOf(company: CompanyRow): Promise<{ vendor: string; docs: HrDocuments }> {
    const vendor = PROVIDER_NAMES[vendorOf(company)];
    if (!company.settings.sendPayslipsViaHr) {
      throw new AppError(
        'VALIDATION',
        `Sending payslips through ${vendor} is switched off for ${company.name}. Switch on “Send payslips through the HR system” in ${company.name}’s Settings first.`,
      );
    }
    const client = await ctx.clientFor(company);
    if (!client.documents) throw new AppError('VALIDATION', `Bureau Sync cannot put documents into ${vendor} yet.`);
    return { vendor, docs: client.documents };
  }

  function employeesOf(company: CompanyRow): MatchEmployee[] {
    return matchEmployees(ctx.employees.mapByIdentity(company.id).values(), company.catalogue);
  }

  async function prepare(input: MatchInput): Promise<Prepared> {
    const company = requireCompany(ctx, input.companyId);
    const { vendor, docs } = await documentsOf(company);
    const files = scanFolder(input.dir);
    const employees = employeesOf(company);
    for (const [file, id] of Object.entries(input.overrides)) {
      if (!files.some((f) => f.name === file))
        throw new AppError('VALIDATION', `There is no file named "${file}" in ${input.dir}.`);
      if (id !== null && !employees.some((e) => e.employeeId === id)) {
        throw new AppError(
          'VALIDATION',
          `The employee chosen for "${file}" is not a current employee of ${company.name} in ${vendor}. Run a sync and choose again.`,
        );
      }
    }
    const matchCtx = { employees, overrides: input.overrides, maxBytes: docs.limits.maxBytes, vendor };
    return { company, vendor, docs, files, matches: files.map((f) => matchFile(f, matchCtx)) };
  }

  function alreadyDelivered(companyId: string, payDate: string, f: PayslipFile, m: FileMatch): boolean {
    if (m.status !== 'matched' || !m.employee) return false;
    const { sha256 } = readPayslip(f);
    return repo.delivered({ companyId, employeeId: m.employee.employeeId, payDate, sha256 }) !== null;
  }

  async function match(input: MatchInput): Promise<PayslipMatchReport> {
    const p = await prepare(input);
    const counts = zeroCounts(MATCH_STATUSES) as Record<PayslipMatchStatus, number>;
    const files = p.matches.map((m, i) => {
      counts[m.status] += 1;
      return { ...m, alreadyDelivered: alreadyDelivered(p.company.id, input.payDate, p.files[i]!, m) };
    });
    return { companyId: p.company.id, payDate: input.payDate, dir: input.dir, files, counts };
  }

  async function send(input: SendInput): Promise<PayslipSendResult> {
    const p = await prepare(input);
    if (sending.has(p.company.id))
      throw new AppError('CONFLICT', `Payslips for ${p.company.name} are already being sent; wait for that to finish.`);
    sending.add(p.company.id);
    try {
      // Delivering reaches the HTTP layer (axios): loaded when payslips are first sent, not when the core loads.
      const { deliverOne, STOPPING_CODES } = await import('./deliver');
      const category = await resolveCategory(p.docs, input.categoryId, repo.lastCategory(p.company.id), p.vendor);
      const wanted = input.files ? new Set(input.files) : null;
      for (const name of wanted ?? []) {
        if (!p.files.some((f) => f.name === name))
          throw new AppError('VALIDATION', `There is no file named "${name}" in ${input.dir}.`);
      }
      const dc = {
        docs: p.docs,
        repo,
        vendor: p.vendor,
        companyId: p.company.id,
        payDate: input.payDate,
        dir: input.dir,
        category,
        now: () => ctx.clock.now().toISOString(),
      };
      const results: PayslipFileResult[] = [];
      const todo = p.files.map((f, i) => ({ f, m: p.matches[i]! })).filter(({ f }) => !wanted || wanted.has(f.name));
      let stop: AppError | null = null;
      let unreachable = 0;
      for (const { f, m } of todo) {
        let r: PayslipFileResult;
        if (m.status !== 'matched')
          r = {
            file: f.name,
            status: 'notSent',
            matchStatus: m.status,
            employee: null,
            documentId: null,
            message: m.message,
            error: null,
          };
        else if (stop)
          r = {
            file: f.name,
            status: 'notSent',
            matchStatus: m.status,
            employee: m.employee,
            documentId: null,
            message: `Not sent: ${stop.message}`,
            error: stop.toShape(),
          };
        else {
          r = await deliverOne(dc, f, m);
          const code = r.error?.code;
          unreachable = code === 'HR_UNREACHABLE' ? unreachable + 1 : 0;
          // Three files in a row with no answer: the HR system is down, so stop rather than wait on each.
          if (code && (STOPPING_CODES.has(code) || unreachable >= 3))
            stop = new AppError(code, r.error!.message, r.error!.details);
        }
        results.push(r);
        onProgress({
          companyId: p.company.id,
          payDate: input.payDate,
          processed: results.length,
          total: todo.length,
          file: f.name,
          status: r.status,
        });
      }
      const counts = zeroCounts(DELIVERY_STATUSES);
      for (const r of results) counts[r.status] += 1;
      return { companyId: p.company.id, payDate: input.payDate, category, results, counts };
    } finally {
      sending.delete(p.company.id);
    }
  }

  /** Sends again the files whose last attempt for this pay date failed or had no clear outcome. */
  async function retry(companyId: string, payDate: string): Promise<PayslipSendResult> {
    const rows = repo.history(companyId, payDate, 100_000);
    const seen = new Set<string>();
    const pending = new Map<
      string,
      { dir: string; categoryId: string | null; files: string[]; overrides: Record<string, number> }
    >();
    for (const r of rows) {
      const key = `${r.dir}\u0000${r.file}\u0000${r.sha256}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (r.status === 'delivered') continue;
      const group = pending.get(r.dir) ?? { dir: r.dir, categoryId: r.categoryId, files: [], overrides: {} };
      group.files.push(r.file);
      group.overrides[r.file] = r.employee.employeeId;
      pending.set(r.dir, group);
    }
    const out: PayslipSendResult = {
      companyId,
      payDate,
      category: null,
      results: [],
      counts: zeroCounts(DELIVERY_STATUSES),
    };
    for (const g of pending.values()) {
      const res = await send({
        companyId,
        payDate,
        dir: g.dir,
        overrides: g.overrides,
        files: g.files,
        ...(g.categoryId ? { categoryId: g.categoryId } : {}),
      });
      out.category ??= res.category;
      out.results.push(...res.results);
      for (const k of DELIVERY_STATUSES) out.counts[k] += res.counts[k];
    }
    return out;
  }

  async function categories(companyId: string): Promise<PayslipCategories> {
    const company = requireCompany(ctx, companyId);
    const { docs } = await documentsOf(company);
    return categoriesFor(docs, repo.lastCategory(company.id));
  }

  return {
    match,
    send,
    retry,
    categories,
    history: (companyId: string, payDate: string | undefined, limit: number) => {
      requireCompany(ctx, companyId);
      return repo.history(companyId, payDate, limit);
    },
  };
}
