import pLimit from 'p-limit';

/** Client-side throttling to a vendor's documented limits, for the shared HTTP layer (http.ts). */

export interface RateLimit {
  /** Requests allowed in any rolling minute. */
  perMinute?: number;
  /** Short burst cap: requests allowed in any rolling second. */
  perSecond?: number;
  maxConcurrent?: number;
  /** Least time between the starts of two calls: an even pace (PeopleHR asks for 30 calls a minute). */
  minGapMs?: number;
  /**
   * Space calls evenly through the second instead of sending perSecond at once: a burst of parallel
   * calls reaches the vendor in whatever order its queue takes them, which can land one more in its window.
   */
  spread?: boolean;
}

export interface Limiter {
  schedule<T>(fn: () => Promise<T>): Promise<T>;
}

/** Slack on each window, so network jitter cannot push more calls into the vendor's window than it allows. */
const WINDOW_SLACK_MS = 100;

/**
 * Vendors count limits over a rolling window; a reservoir refilled on a fixed timer would let calls just
 * before and after a refill land in one rolling second (twice the limit). So each window remembers when its
 * recent calls started and holds the next one until one has aged out; turns are taken one at a time.
 */
export function makeLimiter(rl: RateLimit | undefined): Limiter | null {
  if (!rl) return null;
  const windows = [
    ...(rl.perMinute ? [{ max: rl.perMinute, ms: 60_000 + WINDOW_SLACK_MS, starts: [] as number[] }] : []),
    ...(rl.perSecond ? [{ max: rl.perSecond, ms: 1000 + WINDOW_SLACK_MS, starts: [] as number[] }] : []),
    ...(rl.perSecond && rl.spread
      ? [{ max: 1, ms: (1000 + WINDOW_SLACK_MS) / rl.perSecond, starts: [] as number[] }]
      : []),
    ...(rl.minGapMs ? [{ max: 1, ms: rl.minGapMs, starts: [] as number[] }] : []),
  ];
  // p-limit rather than Bottleneck: Bottleneck yields to the event loop with setTimeout(0) several times
  // per job, which added ~4.5 ms to every request even with nothing queued (measured: 239 pages of one
  // Humaans list took 1.76 s instead of 0.31 s). p-limit starts a job in a microtask when a slot is free.
  const concurrency = rl.maxConcurrent ? pLimit(rl.maxConcurrent) : null;
  if (windows.length === 0 && !concurrency) return null;
  const waitMs = (w: (typeof windows)[number], now: number) => {
    while (w.starts.length > 0 && w.starts[0]! <= now - w.ms) w.starts.shift();
    return w.starts.length < w.max ? 0 : w.starts[0]! + w.ms - now;
  };
  let queue: Promise<void> = Promise.resolve();
  const takeTurn = (): Promise<void> =>
    (queue = queue.then(async () => {
      for (;;) {
        const now = Date.now();
        const wait = Math.max(0, ...windows.map((w) => waitMs(w, now)));
        if (wait === 0) return void windows.forEach((w) => w.starts.push(now));
        await new Promise((r) => setTimeout(r, wait));
      }
    }));
  return {
    schedule: <T>(fn: () => Promise<T>): Promise<T> => {
      const run = async () => {
        await takeTurn();
        return fn();
      };
      return concurrency ? concurrency(run) : run();
    },
  };
}
