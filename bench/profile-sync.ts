import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { RealProvider } from '../src-main/contract/providers';
import { addCompany, call, startApp } from './app';
import { startFakeProcess } from './fake-process';
import { timed } from './measure';

/**
 * `npx tsx bench/profile-sync.ts <vendor> <n> [first|full|hourly]`: a CPU profile of one sync alone (the
 * fake runs in its own process; adding the company and any earlier sync are not profiled), written to
 * /tmp/<vendor>-<n>-<which>.cpuprofile for Chrome DevTools or a script.
 */
async function main(): Promise<void> {
  const vendor = (process.argv[2] ?? 'personio') as RealProvider;
  const n = Number(process.argv[3] ?? 10_000);
  const which = process.argv[4] ?? 'first';
  const fake = await startFakeProcess(vendor, n);
  const app = startApp({ vendor, rateLimitsOff: true });
  const session = new Session();
  session.connect();
  try {
    const companyId = await addCompany(app.core, fake);
    if (which !== 'first') await call(app.core, 'companies.review', { companyId });
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const run = await timed(() =>
      which === 'first'
        ? call(app.core, 'companies.review', { companyId })
        : which === 'hourly'
          ? app.core.engine.runCompany(companyId, 'scheduled')
          : call(app.core, 'sync.company', { companyId }),
    );
    const { profile } = await session.post('Profiler.stop');
    const file = `/tmp/${vendor}-${n}-${which}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    console.log(`${vendor} ${n} ${which} sync: ${Math.round(run.ms)} ms (${run.value.status}); profile in ${file}`);
  } finally {
    session.disconnect();
    await app.close();
    await fake.close();
  }
}

void main();
