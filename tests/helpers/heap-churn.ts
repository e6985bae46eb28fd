import { getHeapSpaceStatistics } from 'node:v8';
import { limitHeapGrowth } from '../../src-main/core/heap';

/**
 * Run as a child process by tests/unit/heap-policy.test.ts: `heap-churn.ts policy|default`. Holds a live
 * set, then churns through pages that stay alive long enough to be promoted before they die, as a sync's
 * pages and rows do, and prints the old space's peak use in MB.
 */
if (process.argv[2] === 'policy') limitHeapGrowth();

const oldSpaceUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;
const live: Array<{ id: string; name: string; n: number }> = [];
for (let i = 0; i < 100_000; i++) live.push({ id: `person-${i}`, name: `${'x'.repeat(20)}${i}`, n: i });
const recent: Array<Array<{ id: string; name: string; v: number[] }>> = [];
let peak = 0;
for (let page = 0; page < 12_000; page++) {
  const rows = [];
  for (let r = 0; r < 250; r++) rows.push({ id: `p${page}-${r}`, name: `row ${r} ${page}`, v: [r, page] });
  recent.push(rows);
  if (recent.length > 200) recent.shift();
  if (page % 10 === 0) peak = Math.max(peak, oldSpaceUsed());
}
process.stdout.write(JSON.stringify({ live: live.length, peakOldMB: peak / 1048576 }));
