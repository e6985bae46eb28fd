import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { installQuitGuard, onWindowClose, type QuitEventLike } from '../../src-main/shell/quit-guard';
import { call, makeCore } from '../helpers/core';

/** Enough of Electron's `app` for the guard: quit() emits before-quit like the real one. */
class FakeApp {
  listeners: Array<(e: QuitEventLike) => void> = [];
  exits: number[] = [];
  log: string[] = [];
  on(_event: 'before-quit', fn: (e: QuitEventLike) => void) {
    this.listeners.push(fn);
  }
  /** Returns true when the quit went ahead (nobody prevented it). */
  emitBeforeQuit(): boolean {
    let prevented = false;
    for (const l of this.listeners) l({ preventDefault: () => (prevented = true) });
    this.log.push(prevented ? 'before-quit prevented' : 'before-quit allowed');
    return !prevented;
  }
  quit() {
    this.emitBeforeQuit();
  }
  exit(code = 0) {
    this.exits.push(code);
    this.log.push(`exit ${code}`);
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('quit guard', () => {
  it('holds the first quit until the core has closed, then exits 0', async () => {
    const app = new FakeApp();
    const closing = deferred();
    const guard = installQuitGuard({ app, close: () => closing.promise, onQuitting: () => app.log.push('quitting') });
    expect(guard.quitting).toBe(false);

    guard.quit(); // the tray's Quit
    expect(app.log).toEqual(['quitting', 'before-quit prevented']);
    expect(guard.phase).toBe('closing');
    expect(guard.quitting).toBe(true);
    await Promise.resolve();
    expect(app.exits).toEqual([]); // still waiting for the sync

    app.emitBeforeQuit(); // Cmd+Q again while waiting: still held, close not started twice
    expect(app.log.filter((l) => l === 'quitting')).toHaveLength(1);
    expect(app.exits).toEqual([]);

    closing.resolve();
    await guard.done;
    expect(app.exits).toEqual([0]);
    expect(guard.phase).toBe('closed');
    expect(app.emitBeforeQuit()).toBe(true); // anything after that is let through
  });

  it('still exits when closing the core fails, and reports the error', async () => {
    const app = new FakeApp();
    const errors: unknown[] = [];
    const guard = installQuitGuard({
      app,
      close: async () => Promise.reject(new Error('disk gone')),
      onError: (e) => errors.push(e),
    });
    app.quit();
    await guard.done;
    expect(app.exits).toEqual([0]);
    expect((errors[0] as Error).message).toBe('disk gone');
  });

  it('closing the window hides to the tray (hint once) until quitting starts', () => {
    expect(onWindowClose({ quitting: false, trayHintShown: false })).toEqual({ keepRunning: true, showTrayHint: true });
    expect(onWindowClose({ quitting: false, trayHintShown: true })).toEqual({ keepRunning: true, showTrayHint: false });
    expect(onWindowClose({ quitting: true, trayHintShown: false })).toEqual({
      keepRunning: false,
      showTrayHint: false,
    });
  });
});

describe('quitting during a real sync', () => {
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close().catch(() => undefined);
    core = null;
  });

  it('lets the running sync finish and commit before exiting', async () => {
    const first = makeCore();
    core = first;
    const { id } = await call(first, 'companies.addDemo', {});
    await call(first, 'companies.review', { companyId: id });

    const app = new FakeApp();
    const guard = installQuitGuard({ app, close: () => first.close() });
    const running = first.invoke('sync.company', { companyId: id });
    await new Promise((r) => setTimeout(r, 5)); // the sync is under way
    expect(first.scheduler.isRunning(id)).toBe(true);

    app.quit();
    expect(app.exits).toEqual([]);
    const result = await running;
    await guard.done;
    expect(result.ok && result.value.status).toBe('succeeded');
    expect(app.exits).toEqual([0]);
    core = null;

    // Reopened: the run is recorded whole (succeeded), not left "running" or half-written.
    core = makeCore({ dataDir: first.dataDir });
    const history = await call(core, 'sync.history', { companyId: id });
    expect(history.map((r) => `${r.trigger}:${r.status}`)).toEqual(['manual-company:succeeded', 'first:succeeded']);
  });
});
