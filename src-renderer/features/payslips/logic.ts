import type {
  PayslipDeliveryStatus,
  PayslipFileMatch,
  PayslipMatchStatus,
  PayslipSendResult,
} from '../../../src-main/contract/payslips';
import type { BadgeTone } from '../../ui/Badge';
import { plural } from '../../lib/format';

export const MATCH_LABELS: Record<PayslipMatchStatus, string> = {
  matched: 'Matched',
  ambiguous: 'Needs a person',
  unmatched: 'Not matched',
  notPdf: 'Not a PDF',
  tooLarge: 'Too large',
  excluded: 'Left out',
};

export const MATCH_TONES: Record<PayslipMatchStatus, BadgeTone> = {
  matched: 'green',
  ambiguous: 'amber',
  unmatched: 'amber',
  notPdf: 'grey',
  tooLarge: 'red',
  excluded: 'grey',
};

export const DELIVERY_LABELS: Record<PayslipDeliveryStatus, string> = {
  delivered: 'Delivered',
  alreadyDelivered: 'Already delivered',
  failed: 'Failed',
  unknown: 'Not confirmed',
  notSent: 'Not sent',
};

export const DELIVERY_TONES: Record<PayslipDeliveryStatus, BadgeTone> = {
  delivered: 'green',
  alreadyDelivered: 'blue',
  failed: 'red',
  unknown: 'amber',
  notSent: 'grey',
};

/** A file a person must assign before it can be sent. */
export const needsPerson = (f: Pick<PayslipFileMatch, 'status'>): boolean =>
  f.status === 'unmatched' || f.status === 'ambiguous';

/** Today as YYYY-MM-DD in local time (the pay date box's starting value). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2 matched · 1 needs a person · 1 not a PDF" */
export function matchSummary(counts: Record<PayslipMatchStatus, number>): string {
  const parts: string[] = [];
  if (counts.matched) parts.push(`${counts.matched} matched`);
  const person = counts.unmatched + counts.ambiguous;
  if (person) parts.push(`${person} ${person === 1 ? 'needs' : 'need'} a person`);
  const problems = counts.notPdf + counts.tooLarge;
  if (problems) parts.push(`${plural(problems, 'problem file')} (not sent)`);
  if (counts.excluded) parts.push(`${counts.excluded} left out`);
  return parts.join(' · ') || 'No files in this folder';
}

/** The send's outcome in one line. */
export function sendSummary(r: Pick<PayslipSendResult, 'counts'>): {
  tone: 'success' | 'error' | 'warning';
  title: string;
} {
  const c = r.counts;
  const sent = c.delivered + c.alreadyDelivered;
  if (c.failed || c.unknown) {
    const bad = `${plural(c.failed + c.unknown, 'payslip')} did not go through`;
    return { tone: 'error', title: sent ? `${bad}; ${plural(sent, 'payslip')} did.` : `${bad}.` };
  }
  if (c.notSent)
    return { tone: 'warning', title: `${plural(sent, 'payslip')} delivered; ${plural(c.notSent, 'file')} not sent.` };
  return { tone: 'success', title: `${plural(sent, 'payslip')} delivered.` };
}

export const failedFiles = (r: PayslipSendResult | null): string[] =>
  r ? r.results.filter((x) => x.status === 'failed' || x.status === 'unknown').map((x) => x.file) : [];

/** "31/03/2026" (also 31-03-2026, 31.3.2026) → "2026-03-31"; null when it is not a real date. */
export function parseUkDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}
