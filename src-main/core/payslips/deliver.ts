import type { PayslipFileResult } from '../../contract/payslips';
import type { PayslipDeliveryRepository } from '../db/repositories/payslips';
import { AppError, toErrorShape } from '../errors';
import { fitName, isDeliveryUnknown } from '../hr/documents-common';
import type { HrDocuments } from '../hr/types';
import { readPayslip, type PayslipFile } from './files';
import type { FileMatch } from './match';

/**
 * Delivers one matched payslip, at most once. Before uploading: a file already delivered (same company,
 * employee, pay date and content) is skipped; after an attempt whose outcome was unknown, the HR system's
 * own list of the person's documents decides, where it has one. Every attempt is recorded.
 */
export interface DeliverContext {
  docs: HrDocuments;
  repo: PayslipDeliveryRepository;
  vendor: string;
  companyId: string;
  payDate: string;
  dir: string;
  category: { id: string; name: string } | null;
  now(): string;
}

/** Failures after which sending the next file would fail the same way. */
export const STOPPING_CODES = new Set(['AUTH_FAILED', 'FORBIDDEN', 'RATE_LIMITED', 'CANCELLED', 'SECRETS_UNAVAILABLE']);

const day = (iso: string) => iso.slice(0, 10);

export async function deliverOne(c: DeliverContext, file: PayslipFile, m: FileMatch): Promise<PayslipFileResult> {
  const e = m.employee!;
  const result = (
    status: PayslipFileResult['status'],
    message: string,
    documentId: string | null = null,
    error: AppError | null = null,
  ): PayslipFileResult => ({
    file: file.name,
    status,
    matchStatus: m.status,
    employee: e,
    documentId,
    message,
    error: error ? toErrorShape(error) : null,
  });
  const { bytes, sha256 } = readPayslip(file);
  const key = { companyId: c.companyId, employeeId: e.employeeId, payDate: c.payDate, sha256 };
  const done = c.repo.delivered(key);
  if (done) {
    return result(
      'alreadyDelivered',
      `Already delivered to ${e.name} on ${day(done.at)}; not sent again.`,
      done.documentId,
    );
  }
  const record = (status: 'delivered' | 'failed' | 'unknown', documentId: string | null, error: AppError | null) =>
    c.repo.record({
      ...key,
      file: file.name,
      dir: c.dir,
      sizeBytes: file.sizeBytes,
      employeeHrId: e.externalId,
      employeeName: e.name,
      categoryId: c.category?.id ?? null,
      status,
      documentId,
      error: error ? toErrorShape(error) : null,
      at: c.now(),
    });
  const name = fitName(file.name, c.docs.limits.maxNameLength);
  const before = c.repo.latest(key);
  let note = '';
  if (before?.status === 'unknown') {
    let listed;
    try {
      listed = await c.docs.list(e.externalId);
    } catch (err) {
      const error = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
      record('unknown', null, error);
      return result(
        'unknown',
        `Not sent again: the last attempt may have reached ${c.vendor}, and Bureau Sync could not check (${error.message})`,
        null,
        error,
      );
    }
    if (listed === null) {
      note = ` ${c.vendor} cannot show whether the earlier attempt arrived; if ${e.name} now has two copies, delete one in ${c.vendor}.`;
    } else {
      const there = listed.find(
        (d) => d.name === name && (d.date === null || d.date >= day(before.at) || d.date === c.payDate),
      );
      if (there) {
        record('delivered', there.documentId, null);
        return result(
          'delivered',
          `Delivered to ${e.name}: ${c.vendor} already had it from the earlier attempt, so it was not sent twice.`,
          there.documentId,
        );
      }
    }
  }
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!c.docs.limits.extensions.includes(ext)) {
    return result('notSent', `${c.vendor} does not accept ".${ext}" files.`);
  }
  try {
    const { documentId } = await c.docs.upload({
      employeeHrId: e.externalId,
      fileName: name,
      bytes,
      categoryId: c.category?.id ?? null,
      date: c.payDate,
      description: `Payslip for pay date ${c.payDate}`,
    });
    record('delivered', documentId, null);
    const where = c.category ? ` in "${c.category.name}"` : '';
    return result('delivered', `Delivered to ${e.name}'s documents in ${c.vendor}${where}.${note}`, documentId);
  } catch (err) {
    const error =
      err instanceof AppError ? err : new AppError('INTERNAL', err instanceof Error ? err.message : String(err));
    if (isDeliveryUnknown(error)) {
      record('unknown', null, error);
      const next = c.docs.limits.canList
        ? `Sending again will first check ${c.vendor}, so it will not arrive twice.`
        : `Check ${e.name}'s documents in ${c.vendor} before sending again, or they may get two copies.`;
      const reason =
        error.code === 'HR_UNREACHABLE'
          ? 'no answer came back (the connection failed or timed out)'
          : `its answer was unclear: ${error.message.replace(/\.$/, '')}`;
      return result(
        'unknown',
        `Sent to ${c.vendor}, but ${reason}, so it may or may not have arrived. ${next}`,
        null,
        error,
      );
    }
    record('failed', null, error);
    return result('failed', `Not delivered: ${error.message}`, null, error);
  }
}
