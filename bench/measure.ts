import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SyncProgress } from '../src-main/contract/sync';
import type { SyncEngine } from '../src-main/core/sync/engine';

/** Small measuring tools the cases share: timing, medians, peak RSS, and the engine's own phase marks. */

export const MB = 1024 * 1024;

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as (() => void) | undefined;
/** A full collection, so one case's garbage is not counted against the next case's peak. */
export function collectGarbage(): void {
  gcFn?.();
}

function highWaterMark(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Peak RSS while `fn` runs. A 20 ms sampler cannot run while the sync blocks the event loop (planning
 * and the write transaction are synchronous), so on Linux the kernel's high-water mark, reset first via
 * /proc/self/clear_refs, is read too and the larger figure wins.
 */
export async function peakRss<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; startRss: number; peakRss: number; sampledPeak: number; kernelPeak: number | null }> {
  collectGarbage();
  let kernelReset = false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    kernelReset = true;
  } catch {
    /* not Linux, or not allowed: the sampler alone decides */
  }
  const startRss = process.memoryUsage().rss;
  let sampledPeak = startRss;
  const timer = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
    const kernelPeak = kernelReset ? highWaterMark() : null;
    return { value, startRss, sampledPeak, kernelPeak, peakRss: Math.max(sampledPeak, kernelPeak ?? 0) };
  } finally {
    clearInterval(timer);
  }
}

export interface Phases {
  /** connecting → first "checking": client setup, HTTP, parsing, flattening. */
  fetchMs: number;
  /** checking → writing: matching against stored employees and payroll checks. */
  planMs: number;
  /** writing → run returned: the one write transaction and the run record. */
  writeMs: number;
}

/**
 * Wraps engine.runCompany so every run reports exact phase boundaries (the app's own progress events
 * are throttled to one per 200 ms, too coarse to time phases). Behaviour is otherwise unchanged.
 */
export function instrumentPhases(engine: SyncEngine): { last(): Phases | null } {
  const original = engine.runCompany.bind(engine);
  let last: Phases | null = null;
  engine.runCompany = async (companyId, trigger, opts = {}) => {
    const marks: Partial<Record<SyncProgress['phase'], number>> = {};
    const onProgress = (p: SyncProgress) => {
      marks[p.phase] ??= performance.now();
      opts.onProgress?.(p);
    };
    const run = await original(companyId, trigger, { ...opts, onProgress });
    const end = performance.now();
    const { connecting, checking, writing } = marks;
    last =
      connecting !== undefined && checking !== undefined && writing !== undefined
        ? { fetchMs: checking - connecting, planMs: writing - checking, writeMs: end - writing }
        : null;
    return run;
  };
  return { last: () => last };
}
