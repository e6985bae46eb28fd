import { rateLimitedPersonio } from './cases/rate-limited';
import { failedRow, vendorBlock, type VendorBlockSpec } from './cases/vendor-block';
import type { Row } from './report';

/**
 * Runs one block of cases in a process of its own, so each block's peak RSS starts from a clean
 * process rather than from whatever the blocks before it left on the heap. Started by index.ts with
 * a BlockSpec as JSON in argv; answers with its rows over IPC.
 */
export type BlockSpec = ({ kind: 'vendor' } & VendorBlockSpec) | { kind: 'rate-limited'; employees: number };

async function run(spec: BlockSpec): Promise<Row[]> {
  if (spec.kind === 'vendor') return vendorBlock(spec);
  try {
    return [await rateLimitedPersonio(spec.employees)];
  } catch (err) {
    return [failedRow('Personio, documented limits on', 'personio', spec.employees, err)];
  }
}

run(JSON.parse(process.argv[2] ?? '{}') as BlockSpec)
  .then((rows) => process.send?.({ rows }, () => process.exit(0)))
  .catch((err: unknown) => {
    process.stderr.write(`block failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
