import type { RealProvider } from '../src-main/contract/providers';
import { addCompany, call, startApp } from './app';
import { startFakeProcess } from './fake-process';
import { timed } from './measure';

/**
 * `node --cpu-prof --import tsx bench/profile-sync.ts <vendor> <n>`: one first sync and one unchanged
 * re-sync with rate limits off, the fake in its own process, for a CPU profile of the app alone.
 */
async function main(): Promise<void> {
  const vendor = (process.argv[2] ?? 'personio') as RealProvider;
  const n = Number(process.argv[3] ?? 10_000);
  const fake = await startFakeProcess(vendor, n);
  const app = startApp({ vendor, rateLimitsOff: true });
  try {
    const companyId = await addCompany(app.core, fake);
    const first = await timed(() => call(app.core, 'companies.review', { companyId }));
    const again = await timed(() => call(app.core, 'sync.company', { companyId }));
    console.log(`${vendor} ${n}: first sync ${Math.round(first.ms)} ms (${first.value.status}), unchanged re-sync ${Math.round(again.ms)} ms`);
  } finally {
    await app.close();
    await fake.close();
  }
}

void main();
