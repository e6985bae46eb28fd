import type { ProviderRecord } from '../types';
import type { PayCandidate, PersonRelated } from './current';
import type { HumaansCompensationType, HumaansCustomField, HumaansPerson } from './schemas';

/**
 * Turns a Humaans person plus their current related records into a ProviderRecord keyed as in
 * docs/hris/README.md. A collection the token may not read is flagged false (or its fields null),
 * and its keys are then left out (unknown), never set to null (blank). Dates stay the `YYYY-MM-DD`
 * strings Humaans sent.
 */
export interface Related {
  /** `YYYY-MM-DD`; decides which job role and salary are current. */
  today: string;
  /** Each person's current related records (see current.ts); a person absent here has none. */
  people: Map<string, PersonRelated>;
  jobRoles: boolean;
  bankAccounts: boolean;
  /** Only when salaries were asked for and the token may read them. */
  compensations: boolean;
  compensationTypes: Map<string, HumaansCompensationType>;
  /** Null when custom fields or their values are not readable. */
  customFields: HumaansCustomField[] | null;
  /** Where each custom field's value sits in a person's `custom` array. */
  customFieldIndex: Map<string, number>;
}

/** Not copied: secrets (calendarFeedToken is a live calendar URL key) and photo plumbing. */
const NEVER_COPIED = new Set(['calendarFeedToken', 'profilePhoto', 'profilePhotoId', 'companyId']);

export function flattenPerson(person: HumaansPerson, rel: Related): ProviderRecord {
  const fields: Record<string, string | null> = personProperties(person);
  const mine = rel.people.get(person.id);
  if (rel.jobRoles) {
    const role = mine?.role;
    fields['jobRole.jobTitle'] = role?.jobTitle ?? null;
    fields['jobRole.department'] = role?.department ?? null;
    fields['jobRole.effectiveDate'] = role?.effectiveDate ?? null;
  }
  if (rel.bankAccounts) {
    const account = mine?.account;
    fields['bankAccount.sortCode'] = account?.sortCode ?? null;
    fields['bankAccount.accountNumber'] = account?.accountNumber ?? null;
    fields['bankAccount.nameOnAccount'] = account?.nameOnAccount ?? null;
    fields['bankAccount.bankName'] = account?.bankName ?? null;
  }
  if (rel.compensations) {
    const pay = currentPay(mine?.pay ?? null, (typeId) => isSalaryType(rel.compensationTypes, typeId));
    fields['compensation.amount'] = pay?.amount ?? null;
    fields['compensation.currency'] = pay?.currency ?? null;
    fields['compensation.period'] = pay?.period ?? null;
    fields['compensation.effectiveDate'] = pay?.effectiveDate ?? null;
  }
  if (rel.customFields) {
    const values = mine?.custom;
    for (const field of rel.customFields) {
      const at = rel.customFieldIndex.get(field.id);
      fields[`custom.${field.id}`] = (at === undefined ? null : values?.[at]) ?? null;
    }
  }
  return { externalId: person.id, fields, leaver: leaverSignal(person, rel.today) };
}

/** Salaries are joined on the type's baseType, never its name; without any types every compensation counts. */
function isSalaryType(types: Map<string, HumaansCompensationType>, typeId: string): boolean {
  if (types.size === 0) return true;
  return typeId !== '' && types.get(typeId)?.baseType === 'salary';
}

/** The salary in effect today: among the candidates whose type has baseType salary, the latest. */
export function currentPay(pay: PayCandidate[] | null, isSalaryType: (typeId: string) => boolean): PayCandidate | null {
  let best: PayCandidate | null = null;
  for (const c of pay ?? []) {
    if (!isSalaryType(c.typeId)) continue;
    const effective = c.effectiveDate ?? '';
    const bestEffective = best?.effectiveDate ?? '';
    if (!best || effective > bestEffective || (effective === bestEffective && c.seq > best.seq)) best = c;
  }
  return best;
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
