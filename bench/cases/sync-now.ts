import { call, type BenchApp } from '../app';
import type { FakeProcess } from '../fake-process';
import { replay } from '../floor';
import { median, timed } from '../measure';
import { ms, verdict, type Row } from '../report';

/**
 * "Sync now" on single employees spread through the list: median time and HR calls per click. Target:
 * 50 ms of the app's own work plus one HR call, timed by replaying the run's slowest request on its own
 * (median of 5). A vendor that needs several calls (Humaans: the person and four related collections)
 * meets it only by sending them side by side.
 */
export async function syncNow(
  app: BenchApp,
  fake: FakeProcess,
  companyId: string,
  n: number,
  samples = 5,
): Promise<Row> {
  const times: number[] = [];
  const calls: number[] = [];
  const callMs: number[] = [];
  let paths: string[] = [];
  for (let i = 0; i < samples; i++) {
    const offset = Math.floor(((i + 0.5) / samples) * n);
    const page = await call(app.core, 'employees.list', { companyId, offset, limit: 1 });
    const employee = page.rows[0];
    if (!employee) throw new Error(`no employee at offset ${offset}`);
    await fake.clearLog();
    const { ms: t, value: run } = await timed(() =>
      call(app.core, 'sync.employee', { companyId, employeeId: employee.id }),
    );
    if (run.status !== 'succeeded') throw new Error(`Sync now failed: ${run.error?.message ?? run.status}`);
    times.push(t);
    const { entries } = await fake.log();
    calls.push(entries.length);
    paths = entries.map((e) => `${e.method} ${e.path}`);
    let slowest = 0;
    for (const e of entries)
      slowest = Math.max(
        slowest,
        median(await Promise.all([0, 1, 2, 3, 4].map(async () => (await replay(fake.baseUrl, [e], 1)).ms))),
      );
    callMs.push(slowest);
    await fake.clearLog();
  }
  await fake.clearLog();
  const t = median(times);
  const oneCall = median(callMs);
  const maxCalls = Math.max(...calls);
  return {
    case: 'Sync now (one employee)',
    vendor: fake.vendor,
    employees: n,
    figure: `${ms(t)} median, ${maxCalls} HR call${maxCalls === 1 ? '' : 's'}`,
    target: `≤ 50 ms + one HR call (${ms(oneCall)})`,
    verdict: verdict(true, t <= 50 + oneCall),
    profile: `runs ${times.map((x) => ms(x)).join(', ')}; HR calls per run ${calls.join(', ')}: ${paths.join(', ')}`,
    data: { medianMs: t, times, hrCalls: calls, oneCallMs: oneCall, lastRunRequests: paths },
  };
}
