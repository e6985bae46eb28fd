import { z } from 'zod';

/**
 * Humaans payloads, parsed tolerantly: the API was labelled "preview", so unknown fields never fail a
 * parse and only the fields the sync relies on are checked. A person keeps every field (each one can be
 * mapped); the related records (job roles, bank accounts, compensations, custom values: ~35 per person)
 * keep only the fields the sync reads, which is what holding them for a 50,000-person list can afford.
 */
const id = z.string().min(1);
const text = z.string().nullish();

export const listEnvelopeSchema = z.looseObject({
  total: z.number().int().nonnegative().optional(),
  limit: z.number().int().nonnegative().optional(),
  skip: z.number().int().nonnegative().optional(),
  data: z.array(z.unknown()),
});
export type ListEnvelope = z.infer<typeof listEnvelopeSchema>;

/** The fields of a person the sync relies on; every other field is kept as Humaans sent it. */
const personFields = z.object({
  id,
  status: text,
  employmentEndDate: text,
  lastWorkingDay: text,
  leavingReason: text,
});
export type HumaansPerson = z.infer<typeof personFields> & Record<string, unknown>;
// Checks those fields and passes the person on as it came: a looseObject copied each person's ~60 fields into
// a new object, ~60 ms per 10,000 people for nothing (no field is transformed).
export const personSchema = z.custom<HumaansPerson>((v) => personFields.safeParse(v).success);

export const jobRoleSchema = z.object({
  id,
  personId: id,
  jobTitle: text,
  department: text,
  effectiveDate: text,
  endDate: text,
});
export type HumaansJobRole = z.infer<typeof jobRoleSchema>;

export const bankAccountSchema = z.object({
  id,
  personId: id,
  bankName: text,
  nameOnAccount: text,
  accountNumber: text,
  sortCode: text,
  swiftCode: text,
  createdAt: text,
});
export type HumaansBankAccount = z.infer<typeof bankAccountSchema>;

/** `amount` is a decimal string; a number is accepted but never used for arithmetic. */
export const compensationSchema = z.object({
  id,
  personId: id,
  compensationTypeId: text,
  amount: z.union([z.string(), z.number()]).nullish(),
  currency: text,
  period: text,
  effectiveDate: text,
  endDate: text,
});
export type HumaansCompensation = z.infer<typeof compensationSchema>;

export const compensationTypeSchema = z.looseObject({ id, name: text, baseType: text });
export type HumaansCompensationType = z.infer<typeof compensationTypeSchema>;

export const customFieldSchema = z.looseObject({ id, name: text, type: text, section: text });
export type HumaansCustomField = z.infer<typeof customFieldSchema>;

/** `value` is a string, or an array of strings for multi-selects. */
export const customValueSchema = z.object({
  id,
  personId: z.string().nullish(),
  customFieldId: id,
  value: z.unknown(),
});
export type HumaansCustomValue = z.infer<typeof customValueSchema>;

export const tokenInfoSchema = z.looseObject({ scopes: z.array(z.string()) });
