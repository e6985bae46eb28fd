import { HUMAANS_PER_SECOND } from '../../src-main/core/hr/humaans/constants';
import { addCompany, assertSucceeded, call, startApp } from '../app';
import { startFakeProcess } from '../fake-process';
import { timed } from '../measure';
import { ms, type Row } from '../report';

/**
 * Humaans as a bureau meets it: the client at its own pace (Humaans publishes no limit; Bureau Sync keeps to
 * HUMAANS_PER_SECOND). The first sync's ÷ floor case runs with limits off, where the work after the last
 * custom-values page shows; at this pace that work hides between requests. Lower bound: no more than
 * HUMAANS_PER_SECOND requests start in any second, so n requests need at least floor((n-1)/HUMAANS_PER_SECOND) s.
 */
export async function pacedHumaans(n: number): Promise<Row> {
  const fake = await startFakeProcess('humaans', n);
  const app = startApp({ vendor: 'humaans', rateLimitsOff: false });
  try {
    const companyId = await addCompany(app.core, fake);
    await fake.clearLog();
    const { ms: syncMs, value: run } = await timed(() => call(app.core, 'companies.review', { companyId }));
    assertSucceeded(run, 'paced Humaans first sync');
    const { count: requests } = await fake.summary();
    const boundS = Math.floor((requests - 1) / HUMAANS_PER_SECOND);
    const ratio = syncMs / (boundS * 1000);
    const phases = app.phases.last();
    const phaseText = phases
      ? `fetch ${ms(phases.fetchMs)}, plan ${ms(phases.planMs)}, write ${ms(phases.writeMs)}; `
      : '';
    return {
      case: `Humaans at Bureau Sync's pace (${HUMAANS_PER_SECOND}/s)`,
      vendor: 'humaans',
      employees: n,
      figure: `${ms(syncMs)} ÷ bound ${boundS} s = ${ratio.toFixed(2)}×`,
      target: '(no target: how it runs for a bureau)',
      verdict: 'info',
      profile: `${phaseText}${requests} requests; bound floor((n-1)/${HUMAANS_PER_SECOND}) s; the limiter keeps a 100 ms slack on each second`,
      data: { syncMs, boundS, ratio, requests, phases },
    };
  } finally {
    await app.close();
    await fake.close();
  }
}
