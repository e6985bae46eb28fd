import { performance } from 'node:perf_hooks';
import type { RealProvider } from '../../src-main/contract/providers';
import { startApp } from '../app';
import { startFakeProcess } from '../fake-process';
import { ms, type Row } from '../report';
import { firstSync } from './first-sync';
import { listQueries } from './list-queries';
import { resyncCases } from './resync';
import { syncNow } from './sync-now';

export interface VendorBlockSpec {
  vendor: RealProvider;
  employees: number;
  /** Sync now and the list queries run only at the largest size of the run. */
  largest: boolean;
  /** Leave out the 1%-changed re-sync (it has no target; --quick drops it to stay within 5 minutes). */
  skipOnePercent: boolean;
}

export const say = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
};

export function failedRow(what: string, vendor: string, n: number, err: unknown): Row {
  const message = err instanceof Error ? err.message : String(err);
  say(`${what} ${vendor} ${n} FAILED: ${message}`);
  return {
    case: what,
    vendor,
    employees: n,
    figure: 'FAILED',
    target: '',
    verdict: 'MISS',
    profile: message,
    data: { error: message },
  };
}

/** One vendor at one size: first sync and its floor, re-syncs, and at the largest size Sync now and the list. */
export async function vendorBlock(spec: VendorBlockSpec): Promise<Row[]> {
  const { vendor, employees: n } = spec;
  const tFake = performance.now();
  const fake = await startFakeProcess(vendor, n);
  say(`${vendor} ${n}: fake ready in ${ms(performance.now() - tFake)}`);
  const app = startApp({ vendor, rateLimitsOff: true });
  const rows: Row[] = [];
  try {
    const first = await firstSync(app, fake, n);
    rows.push(...first.rows);
    say(`${vendor} ${n}: first sync ${rows[0]?.figure ?? ''}`);
    rows.push(...(await resyncCases(app, fake, first.companyId, n, first, !spec.skipOnePercent)));
    if (spec.largest) {
      rows.push(await syncNow(app, fake, first.companyId, n));
      rows.push(...(await listQueries(app.core, vendor, first.companyId, n)));
    }
  } catch (err) {
    rows.push(failedRow('sync cases', vendor, n, err));
  } finally {
    await app.close();
    await fake.close();
  }
  return rows;
}
