import type { Core } from '../../src-main/core/app';
import { call } from '../app';
import { median, timed } from '../measure';
import { ms, verdict, type Row } from '../report';

/** The employee list as the UI asks for it (through core.invoke, validation included), median of 7 runs. */
export async function listQueries(core: Core, vendor: string, companyId: string, n: number, runs = 7): Promise<Row[]> {
  const all = await call(core, 'employees.list', { companyId, offset: Math.floor(n / 2), limit: 1 });
  const someone = all.rows[0];
  if (!someone) throw new Error('no employees to query');
  const queries: Array<[string, Record<string, unknown>]> = [
    ['search by name fragment "son"', { search: 'son' }],
    [`search by ID "${someone.identity}"`, { search: someone.identity }],
    ['filter Ready', { status: 'ready' }],
    ['filter Pending', { status: 'pending' }],
    [`page at offset ${Math.max(0, all.total - 200)}`, { offset: Math.max(0, all.total - 200) }],
  ];
  const rows: Row[] = [];
  for (const [label, q] of queries) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      const r = await timed(() => call(core, 'employees.list', { companyId, limit: 200, ...q }));
      times.push(r.ms);
      total = r.value.total;
    }
    const t = median(times);
    rows.push({
      case: `list: ${label}`,
      vendor,
      employees: n,
      figure: `${ms(t)} median`,
      target: '≤ 50 ms',
      verdict: verdict(true, t <= 50),
      profile: `${total} matches; min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}`,
      data: { medianMs: t, times, matches: total, query: q },
    });
  }
  return rows;
}
