import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  reportStartupFailure,
  startupFailureText,
  type StartupFailureDeps,
} from '../../src-main/shell/startup-failure';
import { makeCore } from '../helpers/core';

/**
 * The desktop app's start-up failure, without Electron: the real error the core throws on a real file,
 * shown in a dialog with the data folder, the single-instance lock released before the dialog (so a
 * relaunch works while it is up), the folder opened if asked, and the app ended with exit code 1.
 */
function fakeShell(response: number, opts: { openFails?: string; dialogThrows?: boolean } = {}) {
  const log: string[] = [];
  const shown: Array<Parameters<StartupFailureDeps['showMessageBox']>[0]> = [];
  const deps: StartupFailureDeps = {
    releaseSingleInstanceLock: () => log.push('lock released'),
    showMessageBox: async (o) => {
      log.push('dialog');
      shown.push(o);
      if (opts.dialogThrows) throw new Error('no display');
      return { response };
    },
    openPath: async (p) => {
      log.push(`open ${p}`);
      return opts.openFails ?? '';
    },
    exit: (code) => log.push(`exit ${code}`),
    log: (m) => log.push(`log: ${m}`),
  };
  return { deps, log, shown };
}

/** What the core throws when the app starts on a 0-byte database file. */
function failureOnEmptyFile(): { err: unknown; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'bureau-startup-'));
  writeFileSync(join(dataDir, 'bureau-sync.sqlite'), '');
  truncateSync(join(dataDir, 'bureau-sync.sqlite'), 0);
  try {
    makeCore({ dataDir });
  } catch (err) {
    return { err, dataDir };
  }
  throw new Error('the core opened a 0-byte database');
}

describe('a start-up failure in the desktop app', () => {
  it('releases the lock, shows the message and the data folder, offers Open data folder and Quit, and exits 1', async () => {
    const { err, dataDir } = failureOnEmptyFile();
    const { deps, log, shown } = fakeShell(1);
    expect(await reportStartupFailure(err, dataDir, deps)).toBe('quit');
    expect(log).toEqual(['lock released', expect.stringMatching(/^log: start-up failed/), 'dialog', 'exit 1']);
    expect(shown).toHaveLength(1);
    const box = shown[0]!;
    expect(box).toMatchObject({
      type: 'error',
      title: 'Bureau Sync could not start',
      message: 'Bureau Sync could not open its data',
      buttons: ['Open data folder', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    expect(box.detail).toBe(`${startupFailureText(err)}\n\nData folder: ${dataDir}`);
    expect(box.detail).toContain(`The database file ${join(dataDir, 'bureau-sync.sqlite')} is empty (0 bytes)`);
  });

  it('"Open data folder" opens it, then exits 1 (the lock already released, so a relaunch after a fix starts)', async () => {
    const { err, dataDir } = failureOnEmptyFile();
    const { deps, log } = fakeShell(0);
    expect(await reportStartupFailure(err, dataDir, deps)).toBe('opened-folder');
    expect(log.filter((l) => !l.startsWith('log:'))).toEqual(['lock released', 'dialog', `open ${dataDir}`, 'exit 1']);
  });

  it('still exits 1 when the folder cannot be opened or the dialog cannot be shown, and logs why', async () => {
    const { err, dataDir } = failureOnEmptyFile();
    const a = fakeShell(0, { openFails: 'No application is associated' });
    await reportStartupFailure(err, dataDir, a.deps);
    expect(a.log).toContain('log: could not open the data folder');
    expect(a.log.at(-1)).toBe('exit 1');
    const b = fakeShell(0, { dialogThrows: true });
    await reportStartupFailure(err, dataDir, b.deps);
    expect(b.log).toContain('log: could not show the start-up failure');
    expect(b.log.at(-1)).toBe('exit 1');
  });

  it('an unforeseen failure is shown in a sentence, not a stack trace', () => {
    const text = startupFailureText(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(text).toBe(
      "Something went wrong inside Bureau Sync: Cannot read properties of undefined (reading 'x'). Nothing was changed; please try again, and contact support if it keeps happening.",
    );
  });
});
