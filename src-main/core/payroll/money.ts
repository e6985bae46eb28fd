import { isCurrencyCode } from '../../contract/mapping';
import { paymentFrequency } from './frequency';

/**
 * Money stays a decimal string end to end (HR systems send "70000" as text); arithmetic is done in whole
 * pence with BigInt so no amount is ever rounded by binary floating point.
 */

const SYMBOLS: Record<string, string> = {
  '£': 'GBP',
  '€': 'EUR',
  $: 'USD',
  US$: 'USD',
  'pound sterling': 'GBP',
  'pounds sterling': 'GBP',
  sterling: 'GBP',
  'british pound': 'GBP',
  euro: 'EUR',
  euros: 'EUR',
  'us dollar': 'USD',
};

/** ISO 4217 code for what the HR system sent (`£` → GBP), or null when it names no currency. */
export function currencyCode(raw: string): string | null {
  const s = raw.trim();
  const bySymbol = SYMBOLS[s] ?? SYMBOLS[s.toLowerCase()];
  if (bySymbol) return bySymbol;
  const code = s.toUpperCase();
  return isCurrencyCode(code) ? code : null;
}

// A currency sign or code written next to the amount ("£35,000", "35000 GBP") says nothing about the amount.
const CURRENCY_AFFIX = /^(?:[£€$]|[A-Z]{3})\s*|\s*(?:[£€$]|[A-Z]{3})$/gi;

/** The amount in pence, or null when it is not a number of 0 or more. Half a penny rounds up. */
export function parsePence(raw: string): bigint | null {
  let s = raw.trim().replace(CURRENCY_AFFIX, '').trim();
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(\d+)?(?:\.(\d+))?$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const whole = BigInt(m[1] ?? '0');
  const frac = (m[2] ?? '').padEnd(3, '0');
  const pence = whole * 100n + BigInt(frac.slice(0, 2));
  return Number(frac.charAt(2)) >= 5 ? pence + 1n : pence;
}

export function formatPence(pence: bigint): string {
  const whole = pence / 100n;
  const frac = pence % 100n;
  return `${whole}.${frac.toString().padStart(2, '0')}`;
}

export type SalaryPeriod =
  { kind: 'perYear'; timesPerYear: bigint; name: string } | { kind: 'notConvertible'; name: string };

const ANNUAL = /^(?:annual|annually|annum|per annum|p ?a|year|yearly|per year|a year|salary per year)$/;
const NOT_CONVERTIBLE = /^(?:hour|hourly|per hour|an hour|day|daily|per day|a day|shift|per shift)$/;
const PER_YEAR: Record<string, bigint> = { weekly: 52n, fortnightly: 26n, 'four-weekly': 13n, monthly: 12n };

/**
 * What a stated salary period means for turning the amount into an annual salary. Hourly and daily rates
 * cannot be annualised without a working pattern the HR systems do not send, so they are never guessed.
 */
export function salaryPeriod(raw: string): SalaryPeriod | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/[.\-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (ANNUAL.test(s)) return { kind: 'perYear', timesPerYear: 1n, name: 'yearly' };
  if (/^(?:quarter|quarterly|per quarter)$/.test(s)) return { kind: 'perYear', timesPerYear: 4n, name: 'quarterly' };
  if (NOT_CONVERTIBLE.test(s))
    return {
      kind: 'notConvertible',
      name: s.includes('hour') ? 'hourly' : s.includes('shift') ? 'per-shift' : 'daily',
    };
  const freq = paymentFrequency(raw);
  const times = freq ? PER_YEAR[freq] : undefined;
  return freq && times ? { kind: 'perYear', timesPerYear: times, name: freq } : null;
}
