import type { RunSummary } from '../../src-main/contract/sync';
import { assertSucceeded, call, type BenchApp } from '../app';
import { describeColumns, snapshot, writesBetween } from '../db-writes';
import type { FakeProcess } from '../fake-process';
import { timed } from '../measure';
import { repeatNote } from '../../src-main/core/sync/hourly';
import { ms, verdict, type Row } from '../report';

/**
 * Re-syncs after the first: the hourly run (what a bureau's laptop does for every company every hour),
 * with nothing changed and with 1% changed, and a full re-read (a person pressing Sync now on the company).
 * What each wrote is measured from the database before and after, and its requests from the fake's log.
 */
type Kind = 'hourly' | 'full';

async function resync(app: BenchApp, fake: FakeProcess, companyId: string, kind: Kind) {
  // The last run's log copy (on the checkpoint thread) is done before this run is timed.
  await app.core.checkpoint();
  const before = snapshot(app.core.dbFile, companyId);
  await fake.clearLog();
  const { ms: syncMs, value: run } = await timed((): Promise<RunSummary> =>
    kind === 'hourly'
      ? app.core.engine.runCompany(companyId, 'scheduled')
      : call(app.core, 'sync.company', { companyId }),
  );
  assertSucceeded(run, `${kind} re-sync`);
  const requests = (await fake.summary()).count;
  const writes = writesBetween(before, snapshot(app.core.dbFile, companyId));
  const phases = app.phases.last();
  // The engine's note says when an hourly run read only the changes (the vendor has a change feed), or
  // received the very staff list the last sync read and so repeated that read's outcome (PeopleHR).
  const repeated = run.note === repeatNote(fake.vendor);
  const changesOnly = !repeated && (run.note?.startsWith('Hourly check') ?? false);
  const read = repeated
    ? 'repeated the last read (the staff list received was its own, byte for byte; one over 64 MB is still read as it comes)'
    : changesOnly
      ? 'read: changes + id roll call'
      : kind === 'hourly'
        ? 'read: everyone (no change feed, or too much changed)'
        : 'read: everyone';
  const profile = `${read}, ${requests} requests; ${phases ? `fetch ${ms(phases.fetchMs)}, plan ${ms(phases.planMs)}, write ${ms(phases.writeMs)}` : 'phases n/a'}`;
  return { syncMs, run, writes, phases, profile, requests, changesOnly };
}

/** The first sync's figures the re-syncs are compared with (the fastest where it was measured more than once). */
export interface FirstSyncFigures {
  syncMs: number;
  /**
   * The first sync's floor without its insert (bare HTTP + JSON.parse of everything), and its HTTP alone:
   * no re-sync that reads everyone can beat the one, nor one that reads everyone without parsing it the
   * other, so for a vendor with no change feed they bound the ratio.
   */
  readFloorMs: number;
  receiveMs: number;
}

/**
 * Up to this size the no-change hourly run is timed this often and the fastest kept, as the first sync's
 * fastest is (timing noise only adds); every one of them must write nothing.
 */
const HOURLY_REPEATS = { upTo: 10_000, times: 3 };

export async function resyncCases(
  app: BenchApp,
  fake: FakeProcess,
  companyId: string,
  n: number,
  first: FirstSyncFigures,
  onePercent = true,
): Promise<Row[]> {
  const firstSyncMs = first.syncMs;
  const repeats = n <= HOURLY_REPEATS.upTo ? HOURLY_REPEATS.times : 1;
  const runs = [];
  for (let i = 0; i < repeats; i++) runs.push(await resync(app, fake, companyId, 'hourly'));
  const times = runs.map((r) => r.syncMs);
  const same = runs.reduce((a, b) => (b.syncMs < a.syncMs ? b : a));
  const written = Math.max(...runs.map((r) => r.writes.total));
  const ratio = same.syncMs / firstSyncMs;
  const rel = (x: number) => `${ms(x)} (${(x / firstSyncMs).toFixed(2)}× first)`;
  const floorNote = same.changesOnly
    ? ''
    : `; reading everyone costs at least ${rel(first.readFloorMs)}, receiving it alone ${rel(first.receiveMs)}`;
  const spread =
    runs.length > 1
      ? `fastest of ${runs.length} (${times.map(ms).join(', ')}), most rows written by one ${written}; `
      : '';
  const rows: Row[] = [
    {
      case: 'hourly re-sync, nothing changed',
      vendor: fake.vendor,
      employees: n,
      figure: `${ms(same.syncMs)} (${ratio.toFixed(2)}× first), ${written} rows written`,
      target: '≤ 0.3× first sync, 0 rows',
      verdict: verdict(true, ratio <= 0.3 && written === 0),
      profile: `${spread}${same.profile}; ${same.writes.employeeRows} employees rows changed${describeColumns(same.writes.columns)}, ${same.writes.fieldChangesAdded} field_changes added, ${same.writes.runProblemsAdded} run_problems added${floorNote}`,
      data: {
        syncMs: same.syncMs,
        ratioToFirst: ratio,
        times,
        rowsWrittenMax: written,
        firstSyncMs,
        readFloorMs: first.readFloorMs,
        receiveMs: first.receiveMs,
        changesOnly: same.changesOnly,
        requests: same.requests,
        writes: same.writes,
        phases: same.phases,
        counts: same.run.counts,
      },
    },
  ];
  const full = await resync(app, fake, companyId, 'full');
  rows.push({
    case: 'full re-read, nothing changed',
    vendor: fake.vendor,
    employees: n,
    figure: `${ms(full.syncMs)} (${(full.syncMs / firstSyncMs).toFixed(2)}× first), ${full.writes.total} rows written`,
    target: '(Sync now on the company)',
    verdict: 'info',
    profile: `${full.profile}; ${full.writes.employeeRows} employees rows changed, ${full.writes.fieldChangesAdded} field_changes added, ${full.writes.runProblemsAdded} run_problems added`,
    data: {
      syncMs: full.syncMs,
      requests: full.requests,
      writes: full.writes,
      phases: full.phases,
      counts: full.run.counts,
    },
  });
  if (!onePercent) return rows;

  const { changed } = await fake.change(0.01);
  const some = await resync(app, fake, companyId, 'hourly');
  rows.push({
    case: 'hourly re-sync, 1% changed',
    vendor: fake.vendor,
    employees: n,
    figure: `${ms(some.syncMs)} (${(some.syncMs / firstSyncMs).toFixed(2)}× first), ${some.writes.total} rows written`,
    target: `(${changed} people changed)`,
    verdict: 'info',
    profile: `${some.profile}; ${some.writes.employeeRows} employees rows changed${describeColumns(some.writes.columns)}, ${some.writes.fieldChangesAdded} field_changes added, ${some.writes.runProblemsAdded} run_problems added; run says updated ${some.run.counts.updated}`,
    data: {
      syncMs: some.syncMs,
      peopleChanged: changed,
      requests: some.requests,
      writes: some.writes,
      phases: some.phases,
      counts: some.run.counts,
    },
  });
  return rows;
}
