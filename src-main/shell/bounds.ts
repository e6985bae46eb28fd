/** Window bounds remembered between launches, kept on a screen that still exists. Pure. */

export interface Bounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: Bounds = { width: 1280, height: 820 };
const MIN = { width: 900, height: 600 };

/**
 * The saved bounds if at least a grabbable strip of the title bar is on one of the displays' work
 * areas; otherwise the saved size, centred by the OS. Sizes never go below the window's minimum.
 */
export function fitBounds(saved: Partial<Bounds> | undefined, workAreas: readonly Rect[]): Bounds {
  const width = clampSize(saved?.width, DEFAULT_BOUNDS.width, MIN.width);
  const height = clampSize(saved?.height, DEFAULT_BOUNDS.height, MIN.height);
  const { x, y } = saved ?? {};
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    return { width, height };
  const titleBar: Rect = { x, y, width, height: 32 };
  const visible = workAreas.some((a) => overlap(titleBar, a) >= 100 * 16);
  return visible ? { width, height, x: Math.round(x), y: Math.round(y) } : { width, height };
}

function clampSize(v: number | undefined, fallback: number, min: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.round(v)) : fallback;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
