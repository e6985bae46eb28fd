import type { AxiosError } from 'axios';
import { AppError } from '../errors';
import { responseOf } from './http';

/**
 * What the three vendors' document uploads share. An upload is not idempotent: once the request may have
 * reached the HR system, sending it again could leave the employee with two copies of a payslip. So the
 * HTTP layer may retry an upload only when the HR system refused it outright ("too many requests"), and a
 * failure after which the document may or may not be there is marked `details.deliveryUnknown`.
 */
export const UPLOAD_RETRY = {
  retryCondition: (err: AxiosError) => err.response?.status === 429,
};

export function markDeliveryUnknown(err: AppError): AppError {
  return new AppError(err.code, err.message, { ...err.details, deliveryUnknown: true }, err.cause);
}

/**
 * True when an upload failed in a way that leaves open whether the HR system kept the file: no answer at
 * all (timeout, dropped connection), an unreadable success reply, or a vendor saying so explicitly.
 * A clear refusal (4xx, 5xx error page) means it was not kept.
 */
export function isDeliveryUnknown(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  if (err.details?.['deliveryUnknown'] === true) return true;
  if (err.code === 'HR_UNREACHABLE') return true;
  if (err.code !== 'HR_ERROR') return false;
  const status =
    responseOf(err)?.status ?? (typeof err.details?.['status'] === 'number' ? err.details['status'] : undefined);
  return status === undefined || (status >= 200 && status < 300);
}

export function extensionOf(fileName: string): string {
  const m = /\.([^.]+)$/.exec(fileName);
  return m?.[1]?.toLowerCase() ?? '';
}

/** Shortens a file name to a vendor's limit, keeping its extension. */
export function fitName(fileName: string, max: number): string {
  if (fileName.length <= max) return fileName;
  const ext = extensionOf(fileName);
  const tail = ext ? `.${ext}` : '';
  return `${fileName.slice(0, Math.max(1, max - tail.length)).trimEnd()}${tail}`;
}

export const MB = 1024 * 1024;
