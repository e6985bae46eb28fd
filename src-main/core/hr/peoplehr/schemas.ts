import { z } from 'zod';
import { isPlainObject } from './flatten';

/**
 * PeopleHR payload shapes. Deliberately loose: fields were added over the years and the docs disagree
 * with the wire (`IsError` "false" in the swagger, boolean `isError` on the wire), so every key is optional
 * and unknown keys are kept. Only the envelope is interpreted strictly enough to tell success from failure.
 */

const looseBool = z.union([z.boolean(), z.string(), z.number()]).optional();

export const envelopeSchema = z.looseObject({
  isError: looseBool,
  IsError: looseBool,
  Status: z.union([z.number(), z.string()]).optional(),
  Message: z.unknown().optional(),
  Result: z.unknown().optional(),
});

export interface Envelope {
  isError: boolean;
  status: number;
  message: string;
  result: unknown;
}

/** Reads the envelope, or null when the body is not one (empty reply, a bare array, a proxy's JSON). */
export function readEnvelope(body: unknown): Envelope | null {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return null;
  const e = parsed.data;
  const flag = e.isError ?? e.IsError;
  if (flag === undefined && e.Status === undefined) return null;
  const isError = typeof flag === 'string' ? flag.trim().toLowerCase() === 'true' : flag === true || flag === 1;
  const status = e.Status === undefined ? (isError ? -1 : 0) : Number(e.Status);
  return {
    isError,
    status: Number.isFinite(status) ? status : -1,
    message: typeof e.Message === 'string' ? e.Message.trim() : '',
    result: e.Result,
  };
}

export const employeeSchema = z.record(z.string(), z.unknown());
export type PeopleHREmployee = z.infer<typeof employeeSchema>;

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

export const salaryRowSchema = z.looseObject({
  EffectiveFrom: cell,
  SalaryType: cell,
  PaymentFrequency: cell,
  SalaryAmount: cell,
  TotalSalaryAmount: cell,
  Currency: cell,
});
export type SalaryRow = z.infer<typeof salaryRowSchema>;

/**
 * List actions answer an array, but "no records" is Status 10 with `Result: ""`, and errors carry `{}`
 * or null: all of those mean an empty list. Anything else is not a list at all.
 */
export function asList(result: unknown): unknown[] | null {
  if (Array.isArray(result)) return result;
  if (result === '' || result === null || result === undefined) return [];
  if (typeof result === 'object' && Object.keys(result).length === 0) return [];
  return null;
}

/** Single-object actions answer an object; "" / {} / null mean nothing was found. */
export function asObject(result: unknown): Record<string, unknown> | null {
  if (Array.isArray(result)) return result.length === 1 && isPlainObject(result[0]) ? result[0] : null;
  if (isPlainObject(result) && Object.keys(result).length > 0) return result;
  return null;
}

// Kept in flatten.ts, which the list thread loads without zod.
export { isPlainObject };
