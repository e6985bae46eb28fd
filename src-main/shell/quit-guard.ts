/**
 * Quitting never cuts a sync in half. The first before-quit is cancelled, the core is closed (the
 * scheduler stops and running syncs finish; each commits whole or not at all), then the app exits.
 * Pure sequencing with an injected app-like object, so it is unit-tested without Electron.
 */

export interface QuitEventLike {
  preventDefault(): void;
}

export interface QuitAppLike {
  on(event: 'before-quit', listener: (event: QuitEventLike) => void): unknown;
  quit(): void;
  exit(code?: number): void;
}

export interface QuitGuardDeps {
  app: QuitAppLike;
  /** Closes the core: waits for running syncs, then closes the database. */
  close(): Promise<void>;
  /** Called once when quitting starts (save window bounds, show "finishing…" in the tray). */
  onQuitting?(): void;
  onError?(err: unknown): void;
}

export type QuitPhase = 'running' | 'closing' | 'closed';

export interface QuitGuard {
  readonly phase: QuitPhase;
  /** True from the moment quitting starts: the window's close button must stop hiding to the tray. */
  readonly quitting: boolean;
  /** What the tray's Quit calls: the same path as Cmd+Q / the OS asking the app to quit. */
  quit(): void;
  /** Resolves when the core is closed and exit has been called. */
  readonly done: Promise<void>;
}

export function installQuitGuard(deps: QuitGuardDeps): QuitGuard {
  let phase: QuitPhase = 'running';
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));

  const shutDown = async () => {
    try {
      deps.onQuitting?.();
    } catch (err) {
      deps.onError?.(err);
    }
    try {
      await deps.close();
    } catch (err) {
      deps.onError?.(err);
    }
    phase = 'closed';
    deps.app.exit(0);
    resolveDone();
  };

  deps.app.on('before-quit', (event) => {
    if (phase === 'closed') return; // exit() is on its way; nothing left to wait for
    event.preventDefault();
    if (phase === 'closing') return; // a second Quit while a sync finishes: keep waiting, once
    phase = 'closing';
    void shutDown();
  });

  return {
    get phase() {
      return phase;
    },
    get quitting() {
      return phase !== 'running';
    },
    quit: () => deps.app.quit(),
    done,
  };
}

/** What closing the window does: hide to the tray while running, really close while quitting. */
export function onWindowClose(state: { quitting: boolean; trayHintShown: boolean }): {
  keepRunning: boolean;
  showTrayHint: boolean;
} {
  if (state.quitting) return { keepRunning: false, showTrayHint: false };
  return { keepRunning: true, showTrayHint: !state.trayHintShown };
}
