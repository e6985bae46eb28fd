import type { RunCounts, RunSummary } from '../../contract/sync';
import { PROVIDER_NAMES, type Provider } from '../../contract/providers';
import type { CompanyRepository, CursorMark } from '../db/repositories/companies';
import type { RunRepository } from '../db/repositories/runs';
import { sha1, type PlanConfig } from './plan';

/**
 * Hourly runs that do not read everyone (SyncEngine): they resume from the cursor the last complete read left.
 * The HR system's client then reads only what changed (plus a roll call), or says its answer is exactly the one
 * the cursor came from, and the run repeats that read's outcome. Here: what a resume decides with, and what
 * both kinds of run tell the history screen.
 */

/** When everyone is read in full all the same: said by every hourly run that read fewer. */
const FULL_READS =
  'Everyone is read in full at the first sync of each day, after a set-up change, and whenever you press Sync now.';

/** An earlier complete read an hourly run may resume from: the cursor it left and the run it gave. */
export interface Resumable {
  mark: CursorMark;
  run: RunSummary;
}

/** What an outcome was decided under: the set-up (with today's date), the field labels and the app's version. */
export function cursorKey(cfg: PlanConfig, version: string): string {
  return sha1(JSON.stringify([cfg.configHash, cfg.labels, version]));
}

/**
 * The last complete read's cursor and run, when an hourly run may resume from it: that read was decided under the
 * same key, and no run has changed an employee since without leaving a cursor of its own (see setCursor).
 */
export function findResumable(
  d: { companies: CompanyRepository; runs: RunRepository },
  companyId: string,
  key: string,
): Resumable | null {
  const mark = d.companies.cursor(companyId);
  if (!mark || mark.key !== key) return null;
  const run = d.runs.get(mark.runId);
  return run?.status === 'succeeded' ? { mark, run } : null;
}

export function sameMark(a: CursorMark | null, b: CursorMark): boolean {
  return a?.cursor === b.cursor && a.key === b.key && a.runId === b.runId;
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
