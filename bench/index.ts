import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { RealProvider } from '../src-main/contract/providers';
import type { BlockSpec } from './block';
import { BENCH_DIR, bundleBlock } from './bundle';
import { cliCases } from './cases/cli';
import { failedRow, say } from './cases/vendor-block';
import { ms, table, type Row } from './report';

/**
 * `npm run bench [-- --quick] [--json FILE] [--vendors personio,humaans] [--sizes 1000,10000] [--all-sizes]`
 * Speed at bureau scale: every sync case per vendor and size against its floor or target, then a table.
 * --quick runs only the 10,000-employee cases (Sync now and the list then run at 10,000) and leaves out
 * the untargeted 1%-changed re-sync, to finish within 5 minutes on two cores.
 */
interface Args {
  quick: boolean;
  json: string | null;
  vendors: RealProvider[];
  sizes: number[];
  allSizes: boolean;
}

/**
 * Sizes above which a vendor's fake is too slow to bench (only with --all-sizes). None at present: the
 * fake Humaans used to filter and sort a whole collection for every page; it now keeps each listing.
 */
const FAKE_SIZE_CAP: Partial<Record<RealProvider, number>> = {};

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  const quick = argv.includes('--quick');
  const vendors = (value('--vendors')?.split(',') ?? ['personio', 'humaans', 'peoplehr']) as RealProvider[];
  const sizes = value('--sizes')?.split(',').map(Number) ?? (quick ? [10_000] : [1_000, 10_000, 50_000]);
  if (sizes.some((s) => !Number.isInteger(s) || s < 10))
    throw new Error('--sizes takes whole numbers ≥ 10, comma-separated');
  return { quick, json: value('--json'), vendors, sizes, allSizes: argv.includes('--all-sizes') };
}

function runBlock(block: string, spec: BlockSpec, label: string): Promise<Row[]> {
  return new Promise((resolve) => {
    // BENCH_DIR tells the bundled block where the fake-server child's source is.
    const child = fork(block, [JSON.stringify(spec)], {
      execArgv: [],
      env: { ...process.env, BENCH_DIR },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let rows: Row[] | null = null;
    child.on('message', (m: { rows: Row[] }) => {
      rows = m.rows;
    });
    const vendor = spec.kind === 'vendor' ? spec.vendor : spec.kind === 'paced' ? 'humaans' : 'personio';
    child.on('exit', (code) =>
      resolve(rows ?? [failedRow(label, vendor, spec.employees, `block process exited with ${code}`)]),
    );
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const block = await bundleBlock();
  const started = performance.now();
  const rows: Row[] = [];
  const blocks: Array<{ block: string; employees: number; ms: number }> = [];
  const runs = (vendor: RealProvider, n: number) => args.allSizes || n <= (FAKE_SIZE_CAP[vendor] ?? Infinity);
  // Sync now and the list queries run once per vendor, at the largest size that vendor runs at.
  const largest = (vendor: RealProvider) => Math.max(...args.sizes.filter((n) => runs(vendor, n)));
  for (const n of args.sizes) {
    for (const vendor of args.vendors) {
      if (!runs(vendor, n)) {
        say(`${vendor} ${n}: skipped (fake too slow at this size; --all-sizes runs it)`);
        rows.push({
          case: 'all cases',
          vendor,
          employees: n,
          figure: 'skipped',
          target: '',
          verdict: 'info',
          profile: `the fake ${vendor} is too slow at this size; run with --all-sizes`,
          data: { skipped: true },
        });
        continue;
      }
      const t0 = performance.now();
      say(`${vendor} ${n}: start`);
      rows.push(
        ...(await runBlock(
          block,
          { kind: 'vendor', vendor, employees: n, largest: n === largest(vendor), skipOnePercent: args.quick },
          'sync cases',
        )),
      );
      blocks.push({ block: vendor, employees: n, ms: performance.now() - t0 });
      say(`${vendor} ${n}: done in ${ms(performance.now() - t0)}`);
    }
  }
  if (args.vendors.includes('personio')) {
    const t0 = performance.now();
    say('personio rate-limited 10000: start');
    rows.push(
      ...(await runBlock(block, { kind: 'rate-limited', employees: 10_000 }, 'Personio, documented limits on')),
    );
    blocks.push({ block: 'personio (rate-limited)', employees: 10_000, ms: performance.now() - t0 });
  }
  if (args.vendors.includes('humaans')) {
    const t0 = performance.now();
    say('humaans paced 10000: start');
    rows.push(...(await runBlock(block, { kind: 'paced', employees: 10_000 }, 'Humaans at its pace')));
    blocks.push({ block: 'humaans (paced)', employees: 10_000, ms: performance.now() - t0 });
  }
  {
    // The command line as its own processes (start-up, and a scheduled no-change run at 10,000 against Personio).
    const t0 = performance.now();
    say('cli: start');
    rows.push(...(await cliCases({ personio: args.vendors.includes('personio') })));
    blocks.push({ block: 'cli', employees: 10_000, ms: performance.now() - t0 });
  }
  const durationMs = performance.now() - started;

  console.log(table(rows));
  console.log(
    `\nBlock durations: ${blocks.map((b) => `${b.block} ${b.employees.toLocaleString('en-GB')}: ${ms(b.ms)}`).join('; ')}`,
  );
  console.log(`Total ${ms(durationMs)} on ${cpus().length} CPU(s), Node ${process.version}.`);
  const missed = rows.filter((r) => r.verdict === 'MISS').length;
  console.log(missed ? `${missed} target(s) missed.` : 'All targets met.');
  if (args.json) {
    const out = {
      startedAt: new Date(Date.now() - durationMs).toISOString(),
      durationMs,
      options: args,
      machine: { cpus: cpus().length, node: process.version },
      blocks,
      rows,
    };
    writeFileSync(args.json, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`Figures written to ${args.json}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
