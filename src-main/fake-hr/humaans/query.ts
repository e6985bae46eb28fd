import type { Row } from './dataset';

/**
 * Feathers-style query parsing, as Humaans uses it: `field=v`, `field[$in]=a&field[$in]=b`,
 * `field[$nin]`, `field[$gt|$gte|$lt|$lte|$ne]`, `$sort[field]=1|-1`, `$or[0][field]=v`, `$limit`,
 * `$skip`, `$asOf`, `$select[]`. Filters on fields the resource does not have are reported as unknown.
 */
export interface Cond {
  field: string;
  op: '$eq' | '$in' | '$nin' | '$gt' | '$gte' | '$lt' | '$lte' | '$ne';
  values: string[];
}

export interface ParsedQuery {
  limit: number | null;
  skip: number;
  asOf: string | null;
  sort: Array<[string, 1 | -1]>;
  conds: Cond[];
  or: Cond[][];
  unknown: string[];
}

const OPS = new Set(['$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$ne', '$eq']);

export function parseQuery(params: URLSearchParams, allowed: Set<string>): ParsedQuery {
  const q: ParsedQuery = { limit: null, skip: 0, asOf: null, sort: [], conds: [], or: [], unknown: [] };
  const byKey = new Map<string, Cond>();
  const orGroups = new Map<string, Map<string, Cond>>();
  const add = (map: Map<string, Cond>, field: string, op: string, value: string, key: string): void => {
    if (!allowed.has(field) || !OPS.has(op)) {
      q.unknown.push(key);
      return;
    }
    const id = `${field}\u0000${op}`;
    const existing = map.get(id);
    if (existing) existing.values.push(value);
    else map.set(id, { field, op: op as Cond['op'], values: [value] });
  };
  for (const [key, value] of params) {
    const m = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(key);
    if (!m) {
      q.unknown.push(key);
      continue;
    }
    const name = m[1]!;
    const parts = [...m[2]!.matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]!);
    if (name === '$limit') q.limit = Number.parseInt(value, 10);
    else if (name === '$skip') q.skip = Math.max(0, Number.parseInt(value, 10) || 0);
    else if (name === '$asOf') q.asOf = value;
    else if (name === '$select') continue;
    else if (name === '$sort' && parts[0] && allowed.has(parts[0])) q.sort.push([parts[0], value === '-1' ? -1 : 1]);
    else if (name === '$or' && parts.length >= 2) {
      const group = orGroups.get(parts[0]!) ?? new Map<string, Cond>();
      orGroups.set(parts[0]!, group);
      add(group, parts[1]!, parts[2] ?? '$eq', value, key);
    } else if (name.startsWith('$')) q.unknown.push(key);
    else add(byKey, name, parts[0] || '$eq', value, key);
  }
  q.conds = [...byKey.values()];
  q.or = [...orGroups.values()].map((g) => [...g.values()]);
  if (q.limit !== null && Number.isNaN(q.limit)) q.limit = null;
  return q;
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : String(v);
}

export function matches(row: Row, c: Cond): boolean {
  const v = text(row[c.field]);
  const first = c.values[0] ?? '';
  switch (c.op) {
    case '$eq':
      return v === null ? first === 'null' : v === first;
    case '$ne':
      return v === null ? first !== 'null' : v !== first;
    case '$in':
      return v !== null && c.values.includes(v);
    case '$nin':
      return v === null || !c.values.includes(v);
    case '$gt':
      return v !== null && v > first;
    case '$gte':
      return v !== null && v >= first;
    case '$lt':
      return v !== null && v < first;
    case '$lte':
      return v !== null && v <= first;
  }
}

/** The default order, stable: createdAt, then id. */
const DEFAULT_SORT: Array<[string, 1 | -1]> = [
  ['createdAt', 1],
  ['id', 1],
];

function sortRows(rows: Row[], sort: Array<[string, 1 | -1]>): Row[] {
  return rows.sort((a, b) => {
    for (const [field, dir] of sort) {
      const x = text(a[field]) ?? '';
      const y = text(b[field]) ?? '';
      if (x !== y) return x < y ? -dir : dir;
    }
    return 0;
  });
}

/**
 * Filters and sorts; the default order is stable: createdAt, then id. `presorted` says the rows are
 * already in that order (from a RowIndex): filtering keeps it, and Array.prototype.sort is stable, so
 * only an explicit `$sort` needs sorting again and the result is the same as sorting from scratch.
 */
export function applyQuery(rows: Row[], q: ParsedQuery, presorted = false): Row[] {
  const filtered =
    q.conds.length === 0 && q.or.length === 0
      ? [...rows]
      : rows.filter(
          (r) =>
            q.conds.every((c) => matches(r, c)) &&
            (q.or.length === 0 || q.or.some((g) => g.every((c) => matches(r, c)))),
        );
  if (presorted && q.sort.length === 0) return filtered;
  return sortRows(filtered, [...q.sort, ...DEFAULT_SORT]);
}

/**
 * One collection's rows in the default order, and per person: built once per dataset version, so a
 * listing costs a filter over the rows it can return (one person's for `personId=`) instead of a sort
 * of the whole collection on the first page of every read (a cost a real Humaans would not show).
 */
export interface RowIndex {
  sorted: Row[];
  byPerson: Map<string, Row[]>;
}

export function indexRows(rows: Row[]): RowIndex {
  const sorted = sortRows([...rows], DEFAULT_SORT);
  const byPerson = new Map<string, Row[]>();
  for (const r of sorted) {
    // Keyed as matches() compares: the text of the value.
    const key = text(r.personId);
    if (key === null) continue;
    const list = byPerson.get(key);
    if (list) list.push(r);
    else byPerson.set(key, [r]);
  }
  return { sorted, byPerson };
}

/** The one `personId` value a query pins, if it has a single `personId=` condition and no `$or`. */
export function pinnedPersonId(q: ParsedQuery): string | null {
  if (q.or.length > 0) return null;
  const eq = q.conds.filter((c) => c.field === 'personId' && c.op === '$eq');
  // `personId=null` also matches rows without a person, which the index does not hold.
  const value = eq.length === 1 && eq[0]!.values.length === 1 ? eq[0]!.values[0]! : null;
  return value === 'null' ? null : value;
}

/** `$asOf`: the records in effect on that date, the latest per person (and type). */
export function asOf(rows: Row[], date: string, groupBy: string[]): Row[] {
  const best = new Map<string, Row>();
  for (const r of rows) {
    const eff = text(r.effectiveDate) ?? '';
    const end = text(r.endDate);
    if (eff > date || (end !== null && end < date)) continue;
    const key = groupBy.map((g) => text(r[g])).join('\u0000');
    const prev = best.get(key);
    if (!prev || eff >= (text(prev.effectiveDate) ?? '')) best.set(key, r);
  }
  const keep = new Set(best.values());
  return rows.filter((r) => keep.has(r));
}

/**
 * Filtered and sorted listings by query (paging aside), so reading a collection page by page costs one
 * filter and sort rather than one per page. The server clears it whenever its records change.
 */
export class ListingCache {
  readonly #entries = new Map<string, Row[]>();

  get(parts: [string, string | null, string[], URLSearchParams], compute: () => Row[]): Row[] {
    const [name, status, scopes, params] = parts;
    const key = JSON.stringify([name, status, scopes, [...params].filter(([k]) => k !== '$skip' && k !== '$limit')]);
    let rows = this.#entries.get(key);
    if (!rows) {
      rows = compute();
      if (this.#entries.size >= 16) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, rows);
    }
    return rows;
  }

  clear(): void {
    this.#entries.clear();
  }
}
