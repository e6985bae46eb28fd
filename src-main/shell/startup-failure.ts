import { toErrorShape } from '../core/errors';

/**
 * When the desktop app cannot open its data folder or database (a newer version's file, a damaged or
 * empty one, a lock held elsewhere), it must say so: without this the failure was thrown inside
 * whenReady() and the app showed nothing at all, while its single-instance lock made every relaunch do
 * nothing either. Takes Electron-like functions, so it is unit-tested without Electron.
 */
export interface StartupFailureDeps {
  showMessageBox(options: {
    type: 'error';
    title: string;
    message: string;
    detail: string;
    buttons: string[];
    defaultId: number;
    cancelId: number;
    noLink: boolean;
  }): Promise<{ response: number }>;
  /** shell.openPath: resolves with an error text, or '' when the folder opened. */
  openPath(path: string): Promise<string>;
  releaseSingleInstanceLock(): void;
  exit(code: number): void;
  log?(message: string, meta: Record<string, unknown>): void;
}

export const OPEN_FOLDER = 'Open data folder';
export const QUIT = 'Quit';

/** The sentence every front end shows: the core's own words for the failures it knows, never a stack trace. */
export function startupFailureText(err: unknown): string {
  return toErrorShape(err).message;
}

/** Shows the failure with the data folder's path, opens the folder if asked, and ends the app (exit code 1). */
export async function reportStartupFailure(
  err: unknown,
  dataDir: string,
  deps: StartupFailureDeps,
): Promise<'opened-folder' | 'quit'> {
  // First, so that a relaunch once the file is fixed starts a working copy even while this dialog is open.
  try {
    deps.releaseSingleInstanceLock();
  } catch (e) {
    deps.log?.('could not release the single-instance lock', { message: String(e) });
  }
  const text = startupFailureText(err);
  deps.log?.('start-up failed', { message: text });
  let choice: 'opened-folder' | 'quit' = 'quit';
  try {
    const { response } = await deps.showMessageBox({
      type: 'error',
      title: 'Bureau Sync could not start',
      message: 'Bureau Sync could not open its data',
      detail: `${text}\n\nData folder: ${dataDir}`,
      buttons: [OPEN_FOLDER, QUIT],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0) {
      choice = 'opened-folder';
      const failed = await deps.openPath(dataDir);
      if (failed) deps.log?.('could not open the data folder', { dataDir, message: failed });
    }
  } catch (e) {
    deps.log?.('could not show the start-up failure', { message: String(e) });
  }
  deps.exit(1);
  return choice;
}
