import { valueText } from './flatten';
import type { HumaansBankAccount, HumaansCompensation, HumaansCustomValue, HumaansJobRole } from './schemas';

/**
 * The related records the sync reads of each person, reduced as their pages arrive: the current job
 * role, the newest bank account, the compensation in effect today per compensation type, and the first
 * value of each custom field. A 50,000-person list holds ~35 related rows per person (~350,000 custom
 * values alone); keeping only these few values per person, in one map, is what keeps a big list's
 * memory near the size of its people rather than of every row of every collection.
 *
 * The rules are those of a person's whole list read in order (ties go to the later record), so the
 * result does not depend on how the rows were split into pages.
 */

export interface CurrentRole {
  jobTitle: string | null;
  department: string | null;
  effectiveDate: string | null;
}

export interface CurrentAccount {
  sortCode: string | null;
  accountNumber: string | null;
  nameOnAccount: string | null;
  bankName: string | null;
  createdAt: string | null;
}

/** The latest compensation in effect today of one compensation type ('' when it has none). */
export interface PayCandidate {
  typeId: string;
  /** Kept as the decimal text Humaans sent; a number is only turned into text. */
  amount: string | null;
  currency: string | null;
  period: string | null;
  effectiveDate: string | null;
  /** Arrival order: among equal effective dates across types, the later record wins, as in one list. */
  seq: number;
}

export interface PersonRelated {
  role: CurrentRole | null;
  account: CurrentAccount | null;
  /** Usually one or two entries (salary, bonus): which type is the salary is only known at the end. */
  pay: PayCandidate[] | null;
  /**
   * Each custom field's value as text, at the field's place in `CurrentRelated.customFieldIndex`;
   * undefined where the person has no value for it. An array per person, not a map: 7 fields are ~7 slots.
   */
  custom: Array<string | null | undefined> | null;
}

type Slot = keyof PersonRelated;

/**
 * One copy of each repeated text (job titles, departments, dates, select choices) instead of one per
 * row: JSON.parse makes a new string for every value. Capped, so free text cannot grow it without end.
 */
class TextPool {
  readonly #texts = new Map<string, string>();
  constructor(private readonly max: number) {}

  shared(text: string | null | undefined): string | null {
    if (text == null) return null;
    const known = this.#texts.get(text);
    if (known !== undefined) return known;
    if (this.#texts.size < this.max) this.#texts.set(text, text);
    return text;
  }
}

/** Distinct texts kept per pool: far more than any list of job titles or select choices. */
const POOL_SIZE = 2000;

export class CurrentRelated {
  /** Every person some collection mentions, keyed by Humaans person id. */
  readonly people = new Map<string, PersonRelated>();
  /** Each custom field id's place in the people's `custom` arrays, in the order the fields were first seen. */
  readonly customFieldIndex = new Map<string, number>();
  /** The pass of each collection whose rows the slots hold. */
  readonly #passes: Record<Slot, number> = { role: 0, account: 0, pay: 0, custom: 0 };
  readonly #roleTexts = new TextPool(POOL_SIZE);
  readonly #bankTexts = new TextPool(POOL_SIZE);
  readonly #payTexts = new TextPool(POOL_SIZE);
  /** One pool per custom field, so one free-text field does not use up the room of the select fields. */
  readonly #customTexts: TextPool[] = [];
  #seq = 0;

  constructor(readonly today: string) {}

  /** Job roles are effective-dated history: the current one is the latest that has started. */
  addJobRoles(roles: HumaansJobRole[], pass: number): void {
    this.#startPass('role', pass);
    const texts = this.#roleTexts;
    for (const r of roles) {
      const effective = r.effectiveDate ?? '';
      if (effective > this.today) continue;
      const p = this.#person(r.personId);
      if (p.role && effective < (p.role.effectiveDate ?? '')) continue;
      p.role = {
        jobTitle: texts.shared(r.jobTitle),
        department: texts.shared(r.department),
        effectiveDate: texts.shared(r.effectiveDate),
      };
    }
  }

  /** A person may hold several accounts; the one added last is the one in use. */
  addBankAccounts(accounts: HumaansBankAccount[], pass: number): void {
    this.#startPass('account', pass);
    for (const a of accounts) {
      const p = this.#person(a.personId);
      if (p.account && (a.createdAt ?? '') < (p.account.createdAt ?? '')) continue;
      p.account = {
        sortCode: a.sortCode ?? null,
        accountNumber: a.accountNumber ?? null,
        nameOnAccount: a.nameOnAccount ?? null,
        bankName: this.#bankTexts.shared(a.bankName),
        createdAt: a.createdAt ?? null,
      };
    }
  }

  /** Only compensations in effect today count; per type, the latest of them. */
  addCompensations(comps: HumaansCompensation[], pass: number): void {
    this.#startPass('pay', pass);
    const texts = this.#payTexts;
    for (const c of comps) {
      const seq = this.#seq++;
      const effective = c.effectiveDate ?? '';
      if (effective > this.today || (c.endDate && c.endDate < this.today)) continue;
      const typeId = c.compensationTypeId || '';
      const p = this.#person(c.personId);
      const candidate: PayCandidate = {
        typeId: texts.shared(typeId) ?? '',
        amount: c.amount == null ? null : String(c.amount),
        currency: texts.shared(c.currency),
        period: texts.shared(c.period),
        effectiveDate: texts.shared(c.effectiveDate),
        seq,
      };
      const list = (p.pay ??= []);
      const i = list.findIndex((x) => x.typeId === typeId);
      if (i < 0) list.push(candidate);
      else if (effective >= (list[i]!.effectiveDate ?? '')) list[i] = candidate;
    }
  }

  /** The first value of a field is the person's value for it; a value without a person belongs to no one. */
  addCustomValues(values: HumaansCustomValue[], pass: number): void {
    this.#startPass('custom', pass);
    for (const v of values) {
      if (!v.personId) continue;
      let at = this.customFieldIndex.get(v.customFieldId);
      if (at === undefined) {
        at = this.customFieldIndex.size;
        this.customFieldIndex.set(v.customFieldId, at);
        this.#customTexts.push(new TextPool(POOL_SIZE));
      }
      const p = this.#person(v.personId);
      // Sized to the fields known so far: all of them after the first person or two.
      const custom = (p.custom ??= new Array<string | null | undefined>(this.customFieldIndex.size));
      if (custom[at] !== undefined) continue;
      const text = valueText(v.value);
      custom[at] = text === null ? null : this.#customTexts[at]!.shared(text);
    }
  }

  /** A collection read again (it changed while being read) replaces what its earlier pass gave. */
  #startPass(slot: Slot, pass: number): void {
    if (this.#passes[slot] === pass) return;
    if (this.#passes[slot] !== 0) for (const p of this.people.values()) p[slot] = null;
    this.#passes[slot] = pass;
  }

  #person(id: string): PersonRelated {
    let p = this.people.get(id);
    if (!p) {
      p = { role: null, account: null, pay: null, custom: null };
      this.people.set(id, p);
    }
    return p;
  }
}
