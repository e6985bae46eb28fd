import { z } from 'zod';

/**
 * Personio's v1 replies, validated leniently: Personio's own examples contradict its spec (trap T14),
 * numbers sometimes arrive as strings (T7) and extra keys come and go. Only what the client relies on is
 * required; everything else is optional and unknown keys are kept.
 */

/** A whole number sent as a number or as a numeric string; anything else reads as "not said". */
const looseInt = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*\d+\s*$/)
      .transform((s) => Number(s)),
  ])
  .optional()
  .catch(undefined);

export const authResponseSchema = z.looseObject({
  success: z.boolean().optional().catch(undefined),
  data: z.looseObject({
    token: z.string().min(1),
    expires_in: looseInt,
  }),
});

export const employeeSchema = z.looseObject({
  type: z.string().optional().catch(undefined),
  attributes: z.record(z.string(), z.unknown()),
});
export type RawEmployee = z.infer<typeof employeeSchema>;

export const listResponseSchema = z.looseObject({
  success: z.boolean().optional().catch(undefined),
  metadata: z.looseObject({ total_elements: looseInt }).nullish().catch(undefined),
  offset: looseInt,
  limit: looseInt,
  data: z.array(employeeSchema),
});

/**
 * The list envelope without checking each employee through zod: a page carries up to 100 employees of
 * some 50 attributes each, and zod's record check copies every one. `employeesOf` checks the same shape.
 */
export const listEnvelopeSchema = listResponseSchema.extend({ data: z.array(z.unknown()) });

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The page's employees as employeeSchema reads them, or null when one of them is not an employee object. */
export function employeesOf(data: unknown[]): RawEmployee[] | null {
  const out: RawEmployee[] = [];
  for (const row of data) {
    if (!isPlainObject(row) || !isPlainObject(row['attributes'])) return null;
    const type = typeof row['type'] === 'string' ? row['type'] : undefined;
    out.push({ ...row, type, attributes: row['attributes'] });
  }
  return out;
}

export const singleResponseSchema = z.looseObject({
  success: z.boolean().optional().catch(undefined),
  data: employeeSchema,
});

export const attributeSchema = z.looseObject({
  key: z.string().min(1),
  label: z.string().nullish().catch(null),
  type: z.string().nullish().catch(null),
  universal_id: z.string().nullish().catch(null),
});
export type PersonioAttribute = z.infer<typeof attributeSchema>;

export const attributesResponseSchema = z.looseObject({
  success: z.boolean().optional().catch(undefined),
  data: z.array(z.unknown()),
});

/** Personio's v1 error envelope: `{success:false, error:{code, message}}`; code is the status or 0. */
export const errorEnvelopeSchema = z.looseObject({
  error: z.looseObject({ message: z.string().optional().catch(undefined) }),
});
