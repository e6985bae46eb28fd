import {
  COMMAND_NAMES,
  EVENT_NAMES,
  type BureauApi,
  type EventName,
  type PushEvents,
} from '../../src-main/contract/index';

/**
 * The renderer talks to the core only through BureauApi. In the desktop app the preload puts it on
 * window.bureau (over IPC); in browser mode this builds the same API over loopback HTTP, with the
 * per-launch key taken from the address's fragment, and push events over Server-Sent Events.
 */
declare global {
  interface Window {
    bureau?: BureauApi;
  }
}

function browserApi(key: string): BureauApi {
  const api: Record<string, unknown> = {};
  for (const name of COMMAND_NAMES) {
    api[name] = async (input: unknown) => {
      try {
        const res = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bureau-key': key },
          body: JSON.stringify(input ?? {}),
        });
        return await res.json();
      } catch {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: 'Lost contact with Bureau Sync. Is it still running? Restart it with `npm run start:web`.',
          },
        };
      }
    };
  }
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  // Events that arrive before the screens have subscribed (the stream opens at load) are kept and handed
  // to the first subscriber, so e.g. a "show this company" request is not lost to a race.
  const early = new Map<EventName, unknown[]>();
  const source = new EventSource(`/api/events?key=${encodeURIComponent(key)}`);
  for (const event of EVENT_NAMES) {
    source.addEventListener(event, (e) => {
      const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
      const set = listeners.get(event);
      if (!set || set.size === 0) {
        const queue = early.get(event) ?? [];
        if (queue.length < 20) queue.push(payload);
        early.set(event, queue);
        return;
      }
      for (const l of set) l(payload);
    });
  }
  api.on = <E extends EventName>(event: E, listener: (p: PushEvents[E]) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (p: unknown) => void);
    listeners.set(event, set);
    const queued = early.get(event);
    if (queued) {
      early.delete(event);
      queueMicrotask(() => queued.forEach((p) => (listener as (p: unknown) => void)(p)));
    }
    return () => set.delete(listener as (p: unknown) => void);
  };
  return api as BureauApi;
}

function keyFromLocation(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (fromHash) {
    sessionStorage.setItem('bureau-key', fromHash);
    // Keep the key out of the visible address (and screenshots); it stays in this tab's session.
    history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return sessionStorage.getItem('bureau-key') ?? '';
}

export const api: BureauApi = window.bureau ?? browserApi(keyFromLocation());
