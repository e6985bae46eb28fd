import type { RealProvider } from '../../src-main/contract/providers';
import { addCompany, assertSucceeded, call, CLIENT_CONCURRENCY, type BenchApp } from '../app';
import type { FakeProcess } from '../fake-process';
import { measureFloor } from '../floor';
import { peakRss, timed } from '../measure';
import { mb, ms, verdict, type Row } from '../report';

/**
 * The wizard's first full sync (companies.review) against the physical floor, with peak RSS while it
 * runs. The company is added first (credential check and catalogue, untimed) and the fake's log is
 * cleared, so the log then holds exactly the sync's own requests for the floor to replay.
 */
export async function firstSync(app: BenchApp, fake: FakeProcess, n: number): Promise<{ companyId: string; syncMs: number; readFloorMs: number; rows: Row[] }> {
  const vendor: RealProvider = fake.vendor;
  const companyId = await addCompany(app.core, fake);
  await fake.clearLog();
  const mem = await peakRss(() => timed(() => call(app.core, 'companies.review', { companyId })));
  const run = mem.value.value;
  assertSucceeded(run, `${vendor} first sync`);
  const syncMs = mem.value.ms;
  const phases = app.phases.last();

  const { entries, capped } = await fake.log();
  if (capped) throw new Error(`${vendor}: the fake's request log is full; the floor would replay too few requests`);
  await fake.clearLog();
  const floor = await measureFloor(vendor, fake.baseUrl, entries, CLIENT_CONCURRENCY[vendor]);
  await fake.clearLog();
  if (floor.people !== run.counts.created) {
    process.stderr.write(`note: ${vendor} floor inserted ${floor.people} people, the sync created ${run.counts.created}\n`);
  }

  const ratio = syncMs / floor.totalMs;
  const phaseText = phases ? `fetch ${ms(phases.fetchMs)}, plan ${ms(phases.planMs)}, write ${ms(phases.writeMs)}` : 'phases n/a';
  const rows: Row[] = [
    {
      case: 'first sync ÷ floor',
      vendor,
      employees: n,
      figure: `${ms(syncMs)} ÷ ${ms(floor.totalMs)} = ${ratio.toFixed(2)}×`,
      target: '≤ 1.5× at 10,000',
      verdict: verdict(n === 10_000, ratio <= 1.5),
      profile:
        `${phaseText}; floor: ${floor.requests} req http ${ms(floor.httpMs)}, parse ${ms(floor.parseMs)}, insert ${ms(floor.insertMs)}` +
        (floor.statusMismatches ? `; ${floor.statusMismatches} replay status mismatches` : ''),
      data: { syncMs, phases, floor, counts: run.counts },
    },
    {
      case: 'peak RSS, first sync',
      vendor,
      employees: n,
      figure: mb(mem.peakRss),
      target: '≤ 300 MB at 50,000',
      verdict: verdict(n === 50_000, mem.peakRss <= 300 * 1024 * 1024),
      profile: `RSS at start ${mb(mem.startRss)}; 20 ms samples peak ${mb(mem.sampledPeak)}, kernel high-water ${mem.kernelPeak === null ? 'n/a' : mb(mem.kernelPeak)}`,
      data: { peakRss: mem.peakRss, startRss: mem.startRss, sampledPeak: mem.sampledPeak, kernelPeak: mem.kernelPeak },
    },
  ];
  return { companyId, syncMs, readFloorMs: floor.httpMs + floor.parseMs, rows };
}
