import { assertSucceeded, call, type BenchApp } from '../app';
import { describeColumns, snapshot, writesBetween } from '../db-writes';
import type { FakeProcess } from '../fake-process';
import { timed } from '../measure';
import { ms, verdict, type Row } from '../report';

/** A further sync.company, timed, with what it wrote measured from the database before and after. */
async function resync(app: BenchApp, companyId: string) {
  const before = snapshot(app.core.dbFile, companyId);
  const { ms: syncMs, value: run } = await timed(() => call(app.core, 'sync.company', { companyId }));
  assertSucceeded(run, 're-sync');
  const writes = writesBetween(before, snapshot(app.core.dbFile, companyId));
  const phases = app.phases.last();
  const profile = phases ? `fetch ${ms(phases.fetchMs)}, plan ${ms(phases.planMs)}, write ${ms(phases.writeMs)}` : 'phases n/a';
  return { syncMs, run, writes, phases, profile };
}

export async function resyncCases(app: BenchApp, fake: FakeProcess, companyId: string, n: number, firstSyncMs: number, onePercent = true): Promise<Row[]> {
  const same = await resync(app, companyId);
  const ratio = same.syncMs / firstSyncMs;
  const rows: Row[] = [
    {
      case: 're-sync, nothing changed',
      vendor: fake.vendor,
      employees: n,
      figure: `${ms(same.syncMs)} (${ratio.toFixed(2)}× first), ${same.writes.total} rows written`,
      target: '≤ 0.3× first sync, 0 rows',
      verdict: verdict(true, ratio <= 0.3 && same.writes.total === 0),
      profile: `${same.profile}; ${same.writes.employeeRows} employees rows changed${describeColumns(same.writes.columns)}, ${same.writes.fieldChangesAdded} field_changes added`,
      data: { syncMs: same.syncMs, ratioToFirst: ratio, writes: same.writes, phases: same.phases, counts: same.run.counts },
    },
  ];
  if (!onePercent) return rows;

  const { changed } = await fake.change(0.01);
  const some = await resync(app, companyId);
  rows.push({
    case: 're-sync, 1% changed',
    vendor: fake.vendor,
    employees: n,
    figure: `${ms(some.syncMs)} (${(some.syncMs / firstSyncMs).toFixed(2)}× first), ${some.writes.total} rows written`,
    target: `(${changed} people changed)`,
    verdict: 'info',
    profile: `${some.profile}; ${some.writes.employeeRows} employees rows changed${describeColumns(some.writes.columns)}, ${some.writes.fieldChangesAdded} field_changes added; run says updated ${some.run.counts.updated}`,
    data: { syncMs: some.syncMs, peopleChanged: changed, writes: some.writes, phases: some.phases, counts: some.run.counts },
  });
  return rows;
}
