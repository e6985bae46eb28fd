import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the core's heap grow past what is live before a full collection: to twice the live
 * size. V8's own default scales with the heap ceiling, which on a machine with 8 GB or more is ~4 GB:
 * it then lets the heap reach four times its live size. A sync allocates fast and keeps little (50,000
 * people: ~50 MB live, the rest short-lived pages and rows), so with the default a big sync's heap sat
 * at ~190 MB of mostly garbage. Bureau Sync lives in the tray all day beside the bureau's other work,
 * so it takes the smaller footprint: in `npm run bench`, a 50,000-person first sync's peak RSS fell
 * from 265 to 210-216 MB (Personio) and from 320 to 224-226 MB (Humaans), and the syncs took no longer.
 *
 * The flag is read by V8 each time it sets the next collection's threshold, so setting it once the
 * process runs takes effect from the next collection (Electron's main process takes no V8 flags on its
 * command line once packaged). It changes only when memory is reclaimed, never what is kept.
 */
export const HEAP_GROWING_PERCENT = 100;

let applied = false;

export function limitHeapGrowth(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
