import { useSyncExternalStore } from 'react';

/** One shared clock so every relative time on screen ticks together (every 20 seconds). */
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 20_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** Move the shared clock forward now (after an action changed a timestamp). */
export function bumpNow(): void {
  now = Date.now();
  for (const l of listeners) l();
}
