import type { PAYMENT_FREQUENCIES } from '../../contract/mapping';

export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number];

// Spellings seen in HR systems and bureau spreadsheets, after lower-casing and turning - _ . into spaces.
const SPELLINGS: Record<PaymentFrequency, string[]> = {
  weekly: [
    'weekly',
    'week',
    'every week',
    'per week',
    'each week',
    'once a week',
    '1 weekly',
    'one weekly',
    'w1',
    'wk',
  ],
  fortnightly: [
    'fortnightly',
    'fortnight',
    'every fortnight',
    'per fortnight',
    'every two weeks',
    'every 2 weeks',
    '2 weekly',
    'two weekly',
    'bi weekly',
    'biweekly',
    'w2',
  ],
  'four-weekly': [
    'four weekly',
    '4 weekly',
    '4weekly',
    'fourweekly',
    'every four weeks',
    'every 4 weeks',
    'four week',
    '4 week',
    'lunar',
    'lunar monthly',
    'w4',
  ],
  monthly: [
    'monthly',
    'month',
    'every month',
    'per month',
    'each month',
    'calendar monthly',
    'calendar month',
    'pcm',
    'm1',
    'mth',
  ],
};

const LOOKUP = new Map<string, PaymentFrequency>(
  (Object.entries(SPELLINGS) as Array<[PaymentFrequency, string[]]>).flatMap(([freq, words]) =>
    words.map((w) => [w, freq] as const),
  ),
);

/** The canonical pay frequency for a spelling the HR system sent, or null when it is not one of the four. */
export function paymentFrequency(raw: string): PaymentFrequency | null {
  const s = raw.toLowerCase().replace(/[-_.]/g, ' ').replace(/\s+/g, ' ').trim();
  return LOOKUP.get(s) ?? null;
}
