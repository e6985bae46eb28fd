import { pacedHumaans } from './cases/paced-humaans';
import { rateLimitedPersonio } from './cases/rate-limited';
import { failedRow, vendorBlock, type VendorBlockSpec } from './cases/vendor-block';
import type { Row } from './report';

/**
 * Runs one block of cases in a process of its own, so each block's peak RSS starts from a clean
 * process rather than from whatever the blocks before it left on the heap. Started by index.ts with
 * a BlockSpec as JSON in argv; answers with its rows over IPC.
 */
export type BlockSpec =
  | ({ kind: 'vendor' } & VendorBlockSpec)
  | { kind: 'rate-limited'; employees: number }
  | { kind: 'paced'; employees: number };

async function run(spec: BlockSpec): Promise<Row[]> {
  if (spec.kind === 'vendor') return vendorBlock(spec);
  const [label, vendor, measure] =
    spec.kind === 'paced'
      ? (['Humaans at its pace', 'humaans', pacedHumaans] as const)
      : (['Personio, documented limits on', 'personio', rateLimitedPersonio] as const);
  try {
    return [await measure(spec.employees)];
  } catch (err) {
    return [failedRow(label, vendor, spec.employees, err)];
  }
}

run(JSON.parse(process.argv[2] ?? '{}') as BlockSpec)
  .then((rows) => process.send?.({ rows }, () => process.exit(0)))
  .catch((err: unknown) => {
    process.stderr.write(`block failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
