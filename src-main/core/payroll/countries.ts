import { isCountryCode } from '../../contract/mapping';

/**
 * Countries are stored as ISO 3166-1 alpha-2 codes: the names HR systems send vary ("UK", "England",
 * "United Kingdom of Great Britain…"), and a code is stable across ICU versions while display names are not.
 */
export const UK_CODE = 'GB';

const ALIASES: Record<string, string> = {
  uk: 'GB',
  'u k': 'GB',
  gbr: 'GB',
  'united kingdom': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  'united states of america': 'US',
  america: 'US',
  'republic of ireland': 'IE',
  eire: 'IE',
  éire: 'IE',
  holland: 'NL',
  turkey: 'TR',
  'czech republic': 'CZ',
  'republic of korea': 'KR',
  'hong kong': 'HK',
  macau: 'MO',
  'ivory coast': 'CI',
};

/** Lower-case, `&` as "and", "St." as "saint", punctuation as spaces, no leading "the". */
function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\.\s*/g, 'saint ')
    .replace(/[.,'’()-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

let byName: Map<string, string> | null = null;

function namesIndex(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  if (typeof Intl.DisplayNames === 'function') {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = isCountryCode(code) ? names.of(code) : undefined;
        if (name) byName.set(key(name), code);
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(key(alias), code);
  return byName;
}

// Answers by what the HR system sent: a company's staff share a handful of spellings, so each is worked out once.
// Bounded, so a run of odd values cannot grow it without limit.
const answers = new Map<string, string | null>();
const MAX_ANSWERS = 1000;

/** The ISO code for a country name or code the HR system sent, or null when it names no country. */
export function countryCode(raw: string): string | null {
  const known = answers.get(raw);
  if (known !== undefined) return known;
  const upper = raw.trim().toUpperCase();
  const code = isCountryCode(upper) ? upper : (namesIndex().get(key(raw)) ?? null);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(raw, code);
  return code;
}
