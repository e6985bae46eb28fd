import type { ProviderRecord } from '../types';
import type {
  HumaansBankAccount,
  HumaansCompensation,
  HumaansCompensationType,
  HumaansCustomField,
  HumaansCustomValue,
  HumaansJobRole,
  HumaansPerson,
} from './schemas';

/**
 * Turns a Humaans person plus the related collections into a ProviderRecord keyed as in
 * ../shared/hris/README.md. A collection the token may not read is null, and its keys are then left
 * out (unknown), never set to null (blank). Dates stay the `YYYY-MM-DD` strings Humaans sent.
 */
export interface Related {
  /** `YYYY-MM-DD`; decides which job role and salary are current. */
  today: string;
  jobRoles: Map<string, HumaansJobRole[]> | null;
  bankAccounts: Map<string, HumaansBankAccount[]> | null;
  /** Only when salaries were asked for and the token may read them. */
  compensations: Map<string, HumaansCompensation[]> | null;
  compensationTypes: Map<string, HumaansCompensationType>;
  customFields: HumaansCustomField[] | null;
  customValues: Map<string, HumaansCustomValue[]> | null;
}

/** Not copied: secrets (calendarFeedToken is a live calendar URL key) and photo plumbing. */
const NEVER_COPIED = new Set(['calendarFeedToken', 'profilePhoto', 'profilePhotoId', 'companyId']);

export function flattenPerson(person: HumaansPerson, rel: Related): ProviderRecord {
  const fields: Record<string, string | null> = personProperties(person);
  if (rel.jobRoles) {
    const role = currentJobRole(rel.jobRoles.get(person.id) ?? [], rel.today);
    fields['jobRole.jobTitle'] = role?.jobTitle ?? null;
    fields['jobRole.department'] = role?.department ?? null;
    fields['jobRole.effectiveDate'] = role?.effectiveDate ?? null;
  }
  if (rel.bankAccounts) {
    const account = primaryBankAccount(rel.bankAccounts.get(person.id) ?? []);
    fields['bankAccount.sortCode'] = account?.sortCode ?? null;
    fields['bankAccount.accountNumber'] = account?.accountNumber ?? null;
    fields['bankAccount.nameOnAccount'] = account?.nameOnAccount ?? null;
    fields['bankAccount.bankName'] = account?.bankName ?? null;
  }
  if (rel.compensations) {
    const pay = currentSalary(rel.compensations.get(person.id) ?? [], rel.compensationTypes, rel.today);
    fields['compensation.amount'] = pay?.amount == null ? null : String(pay.amount);
    fields['compensation.currency'] = pay?.currency ?? null;
    fields['compensation.period'] = pay?.period ?? null;
    fields['compensation.effectiveDate'] = pay?.effectiveDate ?? null;
  }
  if (rel.customFields && rel.customValues) {
    const values = rel.customValues.get(person.id) ?? [];
    for (const field of rel.customFields) {
      const v = values.find((x) => x.customFieldId === field.id);
      fields[`custom.${field.id}`] = v ? valueText(v.value) : null;
    }
  }
  return { externalId: person.id, fields, leaver: leaverSignal(person, rel.today) };
}

/** Every plain property of the person; lists of `{name}`/`{day}` objects read as names joined by ", ". */
export function personProperties(person: Record<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  // for…in with an own-property check visits the keys of Object.entries in the same order (the record's
  // JSON, and so its stored hash, depends on it) without a [key, value] array per property.
  for (const key in person) {
    if (!Object.hasOwn(person, key) || NEVER_COPIED.has(key)) continue;
    const value = person[key];
    // A nested object (e.g. a future address block) has no single text; leave it out rather than guess.
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) continue;
    out[key] = typeof value === 'string' ? value : valueText(value);
  }
  return out;
}

/** Text for a property or custom value: multi-select arrays read as their items joined by ", ". */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(itemText).filter((s): s is string => s !== null && s !== '');
    return parts.join(', ');
  }
  return JSON.stringify(value);
}

function itemText(item: unknown): string | null {
  if (typeof item === 'string') return item;
  if (typeof item === 'number' || typeof item === 'boolean') return String(item);
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    for (const k of ['name', 'day', 'label', 'value']) if (typeof o[k] === 'string') return o[k] as string;
  }
  return null;
}

/** Job roles are effective-dated history: the current one is the latest that has started. */
export function currentJobRole(roles: HumaansJobRole[], today: string): HumaansJobRole | null {
  return latestEffective(roles.filter((r) => (r.effectiveDate ?? '') <= today));
}

/** The salary-type compensation in effect today; joined on the type's baseType, never its name. */
export function currentSalary(
  comps: HumaansCompensation[],
  types: Map<string, HumaansCompensationType>,
  today: string,
): HumaansCompensation | null {
  const salaries = comps.filter((c) => {
    if (types.size === 0) return true;
    const type = c.compensationTypeId ? types.get(c.compensationTypeId) : undefined;
    return type?.baseType === 'salary';
  });
  return latestEffective(
    salaries.filter((c) => (c.effectiveDate ?? '') <= today && (!c.endDate || c.endDate >= today)),
  );
}

function latestEffective<T extends { effectiveDate?: string | null }>(items: T[]): T | null {
  let best: T | null = null;
  for (const item of items) if (!best || (item.effectiveDate ?? '') >= (best.effectiveDate ?? '')) best = item;
  return best;
}

/** A person may hold several accounts; the one added last is the one in use. */
export function primaryBankAccount(accounts: HumaansBankAccount[]): HumaansBankAccount | null {
  let best: HumaansBankAccount | null = null;
  for (const a of accounts) if (!best || (a.createdAt ?? '') >= (best.createdAt ?? '')) best = a;
  return best;
}

/** Offboarded, or an employment end date that has passed. A future end date is a notice period. */
export function leaverSignal(person: HumaansPerson, today: string): ProviderRecord['leaver'] {
  const end = person.employmentEndDate || null;
  const offboarded = person.status === 'offboarded';
  const isLeaver = offboarded || (end !== null && end <= today);
  return {
    isLeaver,
    leaveDate: end ?? (offboarded ? person.lastWorkingDay || null : null),
    reason: person.leavingReason || null,
  };
}

export function groupByPerson<T extends { personId?: string | null }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    if (!item.personId) continue;
    const list = map.get(item.personId);
    if (list) list.push(item);
    else map.set(item.personId, [item]);
  }
  return map;
}
