import type { ProviderRecord } from '../types';

/**
 * Turns one PeopleHR employee object into a ProviderRecord. Most values sit in `{DisplayValue, FieldHistory…}`
 * wrappers, a few are bare strings (LeavingDate, APIColumn1–5, UniqueKey), nested objects (ContactDetail,
 * BankDetail, EmploymentDetail) become dotted keys, and lists (OtherContact, RightToWork, history arrays)
 * are left out: none of them holds a payroll value and their item shapes drifted over the years.
 */

export const ADDRESS_KEY = 'ContactDetail.Address';
export const ADDRESS_LINES = 6;

const UK_POSTCODE =
  /^(GIR ?0AA|(?:[A-Z][0-9]{1,2}|[A-Z][A-HJ-Y][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z][A-HJ-Y][0-9][A-Z]?) ?[0-9][A-Z]{2})$/;

export function flattenEmployee(emp: Record<string, unknown>, today: string): ProviderRecord | null {
  const fields: Record<string, string | null> = {};
  flattenInto(fields, emp, '');
  const address = fields[ADDRESS_KEY];
  if (address !== undefined) Object.assign(fields, addressFields(address));

  const externalId = fields.EmployeeId?.trim();
  if (!externalId) return null;
  const leaveDate = dateOnly(fields.LeavingDate ?? null);
  return {
    externalId,
    fields,
    leaver: {
      isLeaver: leaveDate !== null && leaveDate <= today,
      leaveDate,
      reason: fields.ReasonForLeaving ?? null,
    },
  };
}

function flattenInto(out: Record<string, string | null>, obj: Record<string, unknown>, prefix: string): void {
  // Object.keys rather than entries: no [key, value] pair to allocate for each of some 60 keys a person.
  for (const key of Object.keys(obj)) {
    if (key.startsWith('lst') || key.startsWith('FieldHistory')) continue;
    const value = obj[key];
    const name = prefix + key;
    if (isPlainObject(value)) {
      if ('DisplayValue' in value) out[name] = scalar(value.DisplayValue);
      else if (prefix === '') flattenInto(out, value, `${name}.`);
    } else if (!Array.isArray(value) && value !== undefined) {
      out[name] = scalar(value);
    }
  }
}

/** PeopleHR sends "" for anything unset; numbers and flags arrive as strings already. */
function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/**
 * The address is one HTML string in PeopleHR's fixed order (street, street 2, town, county, country,
 * postcode), blank lines kept: "10 Downing Street<br /><br />London<br />London<br />United Kingdom<br />SW1A 2AA".
 */
export function splitAddress(html: string | null): Array<string | null> {
  if (html === null) return [];
  return html.split(/<br\s*\/?>|\r?\n/i).map((l) => {
    const t = decodeHtml(l.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    return t === '' ? null : t;
  });
}

function addressFields(html: string | null): Record<string, string | null> {
  const lines = splitAddress(html);
  const out: Record<string, string | null> = {};
  const present = lines.filter((l): l is string => l !== null);
  out[ADDRESS_KEY] = present.length > 0 ? present.join(', ') : null;
  for (let i = 0; i < ADDRESS_LINES; i++) out[`${ADDRESS_KEY}.line${i + 1}`] = lines[i] ?? null;
  // Lines past the sixth (free-typed addresses) are kept on the last line rather than lost.
  if (lines.length > ADDRESS_LINES) {
    out[`${ADDRESS_KEY}.line${ADDRESS_LINES}`] =
      lines
        .slice(ADDRESS_LINES - 1)
        .filter((l) => l !== null)
        .join(', ') || null;
  }
  out[`${ADDRESS_KEY}.postcode`] = [...present].reverse().find(isUkPostcode) ?? null;
  return out;
}

export function isUkPostcode(s: string): boolean {
  return UK_POSTCODE.test(s.toUpperCase().replace(/\s+/g, ' ').trim());
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** yyyy-MM-dd from the date formats PeopleHR uses (yyyy-MM-dd, yyyy/MM/dd, with or without a time). */
export function dateOnly(v: string | null): string | null {
  if (v === null) return null;
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})/.exec(v.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Today's calendar date in the UK, where PeopleHR tenants keep their dates. */
export function ukDate(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
