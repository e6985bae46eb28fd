import { addCompany, assertSucceeded, call, startApp } from '../app';
import { startFakeProcess } from '../fake-process';
import { timed } from '../measure';
import { ms, verdict, type Row } from '../report';

/** Personio's documented limits on the employee endpoints (howto.ts uses the same numbers). */
const PER_SECOND = 15;
const PER_MINUTE = 300;

/**
 * Personio with the client's default throttle and the fake enforcing 15/s and 300/min on the list
 * endpoint. The company is added before enforcement starts, so the first sync starts with empty windows.
 * Lower bound: n rate-limited requests need ceil(n/15) s at the burst rate, and whole extra minutes
 * once n exceeds 300.
 */
export async function rateLimitedPersonio(n: number): Promise<Row> {
  const fake = await startFakeProcess('personio', n);
  const app = startApp({ vendor: 'personio', rateLimitsOff: false });
  try {
    const companyId = await addCompany(app.core, fake);
    await fake.enforceRateLimit(true);
    await fake.clearLog();
    const { ms: syncMs, value: run } = await timed(() => call(app.core, 'companies.review', { companyId }));
    assertSucceeded(run, 'rate-limited Personio first sync');
    const { entries } = await fake.log();
    const limited = entries.filter((e) => e.method === 'GET' && e.path.startsWith('/v1/company/employees'));
    const tooMany = entries.filter((e) => e.status === 429).length;
    const needed = limited.filter((e) => e.status !== 429).length;
    const boundS = Math.max(Math.ceil(needed / PER_SECOND), (Math.ceil(needed / PER_MINUTE) - 1) * 60);
    const strictS = Math.max(Math.floor((needed - 1) / PER_SECOND), Math.floor((needed - 1) / PER_MINUTE) * 60);
    const ratio = syncMs / (boundS * 1000);
    const phases = app.phases.last();
    const phaseText = phases
      ? `fetch ${ms(phases.fetchMs)}, plan ${ms(phases.planMs)}, write ${ms(phases.writeMs)}; `
      : '';
    return {
      case: 'Personio, documented limits on',
      vendor: 'personio',
      employees: n,
      figure: `${ms(syncMs)} ÷ bound ${boundS} s = ${ratio.toFixed(2)}×, ${tooMany} × 429`,
      target: '≤ 1.2× bound, 0 × 429',
      verdict: verdict(true, ratio <= 1.2 && tooMany === 0),
      profile: `${phaseText}${needed} limited requests (${entries.length} in all); bound ceil(n/15) s (strict floor((n-1)/15) = ${strictS} s)`,
      data: {
        syncMs,
        boundS,
        strictBoundS: strictS,
        ratio,
        status429: tooMany,
        limitedRequests: needed,
        requests: entries.length,
        phases,
      },
    };
  } finally {
    await app.close();
    await fake.close();
  }
}
