import type { RunSummary } from '../../src-main/contract/sync';
import { assertSucceeded, call, type BenchApp } from '../app';
import { describeColumns, snapshot, writesBetween } from '../db-writes';
import type { FakeProcess } from '../fake-process';
import { timed } from '../measure';
import { ms, verdict, type Row } from '../report';

/**
 * Re-syncs after the first: the hourly run (what a bureau's laptop does for every company every hour),
 * with nothing changed and with 1% changed, and a full re-read (a person pressing Sync now on the company).
 * What each wrote is measured from the database before and after, and its requests from the fake's log.
 */
type Kind = 'hourly' | 'full';

async function resync(app: BenchApp, fake: FakeProcess, companyId: string, kind: Kind) {
  const before = snapshot(app.core.dbFile, companyId);
  await fake.clearLog();
  const { ms: syncMs, value: run } = await timed(
    (): Promise<RunSummary> => (kind === 'hourly' ? app.core.engine.runCompany(companyId, 'scheduled') : call(app.core, 'sync.company', { companyId })),
  );
  assertSucceeded(run, `${kind} re-sync`);
  const requests = (await fake.summary()).count;
  const writes = writesBetween(before, snapshot(app.core.dbFile, companyId));
  const phases = app.phases.last();
  // The engine's note says when an hourly run read only the changes (the vendor has a change feed).
  const changesOnly = run.note?.startsWith('Hourly check') ?? false;
  const read = changesOnly ? 'read: changes + id roll call' : kind === 'hourly' ? 'read: everyone (no change feed, or too much changed)' : 'read: everyone';
  const profile = `${read}, ${requests} requests; ${phases ? `fetch ${ms(phases.fetchMs)}, plan ${ms(phases.planMs)}, write ${ms(phases.writeMs)}` : 'phases n/a'}`;
  return { syncMs, run, writes, phases, profile, requests, changesOnly };
}

/**
 * `readFloorMs` is the first sync's floor without its insert (bare HTTP + JSON.parse of everything): no
 * re-sync that reads everyone can beat it, so for a vendor with no change feed it bounds the ratio.
 */
export async function resyncCases(
  app: BenchApp,
  fake: FakeProcess,
  companyId: string,
  n: number,
  firstSyncMs: number,
  readFloorMs: number,
  onePercent = true,
): Promise<Row[]> {
  const same = await resync(app, fake, companyId, 'hourly');
  const ratio = same.syncMs / firstSyncMs;
  const floorNote = same.changesOnly ? '' : `; reading everyone costs at least ${ms(readFloorMs)} (${(readFloorMs / firstSyncMs).toFixed(2)}× first)`;
  const rows: Row[] = [
    {
      case: 'hourly re-sync, nothing changed',
      vendor: fake.vendor,
      employees: n,
      figure: `${ms(same.syncMs)} (${ratio.toFixed(2)}× first), ${same.writes.total} rows written`,
      target: '≤ 0.3× first sync, 0 rows',
      verdict: verdict(true, ratio <= 0.3 && same.writes.total === 0),
      profile: `${same.profile}; ${same.writes.employeeRows} employees rows changed${describeColumns(same.writes.columns)}, ${same.writes.fieldChangesAdded} field_changes added, ${same.writes.runProblemsAdded} run_problems added${floorNote}`,
      data: { syncMs: same.syncMs, ratioToFirst: ratio, readFloorMs, changesOnly: same.changesOnly, requests: same.requests, writes: same.writes, phases: same.phases, counts: same.run.counts },
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
    data: { syncMs: full.syncMs, requests: full.requests, writes: full.writes, phases: full.phases, counts: full.run.counts },
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
    data: { syncMs: some.syncMs, peopleChanged: changed, requests: some.requests, writes: some.writes, phases: some.phases, counts: some.run.counts },
  });
  return rows;
}
