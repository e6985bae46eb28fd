import { describe, expect, it, vi } from 'vitest';
import { makeLimiter } from '../../src-main/core/hr/rate-limiter';

/** The shared client-side throttle: what each HR client relies on to stay inside a vendor's limits. */

const tick = () => new Promise((r) => setImmediate(r));

describe('rate limiter: requests in flight', () => {
  it('never has more than maxConcurrent calls running, and starts queued calls in the order they came', async () => {
    const limiter = makeLimiter({ maxConcurrent: 2 })!;
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const release: Array<() => void> = [];
    const calls = [0, 1, 2, 3, 4].map((i) =>
      limiter.schedule(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((r) => release.push(r));
        running -= 1;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    while (release.length > 0 || started.length < 5) {
      release.shift()?.();
      await tick();
    }
    await expect(Promise.all(calls)).resolves.toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the slot of a call that failed, and hands the failure to its caller', async () => {
    const limiter = makeLimiter({ maxConcurrent: 1 })!;
    const failed = limiter.schedule(async () => {
      throw new Error('HR system refused');
    });
    const next = limiter.schedule(async () => 'ran');
    await expect(failed).rejects.toThrow('HR system refused');
    await expect(next).resolves.toBe('ran');
  });

  it('starts a call with a free slot without waiting for any timer', async () => {
    // Bottleneck (used here before) waited on setTimeout(0) several times per call, adding ~4.5 ms to every
    // request of a long list. With the clock frozen, a call that needs a timer to start never starts.
    vi.useFakeTimers();
    try {
      const limiter = makeLimiter({ maxConcurrent: 3 })!;
      let ran = false;
      const p = limiter.schedule(async () => {
        ran = true;
      });
      for (let i = 0; i < 20 && !ran; i++) await Promise.resolve();
      expect(ran).toBe(true);
      await p;
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('rate limiter: rolling windows', () => {
  // On a frozen clock, so the assertions hold however slow the machine is.
  const flush = async () => {
    for (let i = 0; i < 50; i++) await Promise.resolve();
  };

  it('lets perSecond calls go at once and holds the next until the first has aged out of the window', async () => {
    vi.useFakeTimers();
    try {
      const limiter = makeLimiter({ perSecond: 3 })!;
      const starts: number[] = [];
      const t0 = Date.now();
      const calls = [0, 1, 2, 3].map(() => limiter.schedule(async () => void starts.push(Date.now() - t0)));
      await flush();
      expect(starts).toEqual([0, 0, 0]);
      await vi.advanceTimersByTimeAsync(999);
      expect(starts).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(200);
      await Promise.all(calls);
      expect(starts[3]).toBeGreaterThanOrEqual(1000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('spaces call starts at least minGapMs apart, one call at a time (the even pace PeopleHR asks for)', async () => {
    vi.useFakeTimers();
    try {
      const limiter = makeLimiter({ maxConcurrent: 1, minGapMs: 2100 })!;
      const starts: number[] = [];
      const t0 = Date.now();
      const calls = [0, 1, 2].map(() => limiter.schedule(async () => void starts.push(Date.now() - t0)));
      await flush();
      expect(starts).toEqual([0]);
      await vi.advanceTimersByTimeAsync(2099);
      expect(starts).toEqual([0]);
      await vi.advanceTimersByTimeAsync(1);
      expect(starts).toEqual([0, 2100]);
      await vi.advanceTimersByTimeAsync(2100);
      await Promise.all(calls);
      expect(starts).toEqual([0, 2100, 4200]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is no limiter at all when no limit is set', () => {
    expect(makeLimiter(undefined)).toBeNull();
    expect(makeLimiter({})).toBeNull();
  });
});
