import type { RunCounts, RunSummary } from '../../contract/sync';
import { PROVIDER_NAMES, type Provider } from '../../contract/providers';
import type { CompanyRepository, ListReplyMark } from '../db/repositories/companies';
import type { RunRepository } from '../db/repositories/runs';
import { sha1, type PlanConfig } from './plan';

/**
 * Hourly runs that do not read everyone (SyncEngine): one that reads only what a change feed reports, and
 * one that receives, byte for byte, the staff list the last complete read took (PeopleHR, whose whole list
 * is one reply) and so repeats that read's outcome. Here: what the repeat decides with, and what both tell
 * the history screen.
 */

/** When everyone is read in full all the same: said by every hourly run that read fewer. */
const FULL_READS =
  'Everyone is read in full at the first sync of each day, after a set-up change, and whenever you press Sync now.';

/** An earlier complete read an hourly run may repeat: the reply it took and the run it gave. */
export interface Repeatable {
  mark: ListReplyMark;
  run: RunSummary;
}

/** What an outcome was decided under: the set-up (with today's date), the field labels and the app's version. */
export function replyKey(cfg: PlanConfig, version: string): string {
  return sha1(JSON.stringify([cfg.configHash, cfg.labels, version]));
}

/**
 * The last complete read's reply and run, when an hourly run may repeat its outcome: that read was decided
 * under the same key, and no run has changed an employee since (each clears the mark, see setListReply).
 */
export function findRepeatable(
  d: { companies: CompanyRepository; runs: RunRepository },
  companyId: string,
  key: string,
): Repeatable | null {
  const mark = d.companies.listReply(companyId);
  if (!mark || mark.key !== key) return null;
  const run = d.runs.get(mark.runId);
  return run?.status === 'succeeded' ? { mark, run } : null;
}

export function sameMark(a: ListReplyMark | null, b: ListReplyMark): boolean {
  return a?.digest === b.digest && a.key === b.key && a.runId === b.runId;
}

/** The repeated run's counts: everyone the earlier run created, updated or left alone is now unchanged. */
export function repeatedCounts(prev: RunCounts): RunCounts {
  return { ...prev, created: 0, updated: 0, unchanged: prev.created + prev.updated + prev.unchanged, missing: 0 };
}

/** What a repeated hourly run tells the history screen. */
export function repeatNote(provider: Provider): string {
  return `Hourly check: ${PROVIDER_NAMES[provider]} sent its staff list exactly as at the last sync, so nobody changed. ${FULL_READS}`;
}

/** What an hourly run that read only the changes tells the history screen. */
export function changesNote(provider: Provider, changed: number): string {
  const hr = PROVIDER_NAMES[provider];
  const who = changed === 1 ? '1 person' : `${changed} people`;
  return `Hourly check: ${hr} reported ${who} changed since the last sync; everyone else is unchanged and still in ${hr}. ${FULL_READS}`;
}
