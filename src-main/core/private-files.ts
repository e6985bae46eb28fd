import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './ports';

/**
 * The data folder holds payroll data (NI numbers, bank details, salaries) and credentials, so nobody but
 * the user's own account may read it: folders 0700, files 0600. Set when each is made, and corrected when
 * the app starts (a folder copied in with `cp`, a file an older version made 0644).
 *
 * Windows has no such modes (Node's chmod only toggles read-only there); the data folder lives under the
 * user's profile (%APPDATA%), whose access list already admits only that user, so nothing is done there.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = (platform: NodeJS.Platform) => platform !== 'win32';

/** Makes a folder (and its missing parents inside the data folder) private: mkdir's mode is masked by the umask, so chmod too. */
export function privateDir(dir: string, platform: NodeJS.Platform = process.platform): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix(platform)) chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/**
 * Creates an empty private file that must not exist yet ('wx'), for SQLite to fill: SQLite makes a new
 * database 0644, but gives its -wal and -shm the mode of the database file, so they come out 0600 too.
 */
export function createPrivateFile(file: string, platform: NodeJS.Platform = process.platform): void {
  closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  if (posix(platform)) chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Start-up correction: the data folder 0700; every file directly in it 0600; the app's own sub-folders
 * (backups, logs, set-aside copies) and everything in them likewise. Other sub-folders (the desktop app's
 * Chromium caches) are made 0700 themselves, which already keeps their contents from other accounts,
 * without walking thousands of cache files at every start. Symbolic links are never followed. A file that
 * cannot be changed (owned by another account) is logged, not fatal: payroll must still run.
 */
export function makeDataFolderPrivate(
  dataDir: string,
  opts: { logger?: Logger; platform?: NodeJS.Platform; ownFolders?: readonly string[] } = {},
): void {
  const platform = opts.platform ?? process.platform;
  privateDir(dataDir, platform);
  if (!posix(platform)) return;
  const own = new Set(opts.ownFolders ?? OWN_FOLDERS);
  const fix = (path: string, mode: number) => {
    try {
      chmodSync(path, mode);
    } catch (err) {
      opts.logger?.warn('could not make a file in the data folder private', {
        path,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  };
  const walk = (dir: string, deep: boolean) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = lstatSync(path, { throwIfNoEntry: false });
      if (!st || st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if ((st.mode & 0o777) !== PRIVATE_DIR_MODE) fix(path, PRIVATE_DIR_MODE);
        if (deep || own.has(name)) walk(path, true);
      } else if (st.isFile() && (st.mode & 0o777) !== PRIVATE_FILE_MODE) fix(path, PRIVATE_FILE_MODE);
    }
  };
  walk(dataDir, false);
}

/** The data folder's own sub-folders, walked whole at start-up. */
export const OWN_FOLDERS = ['backups', 'logs', 'set-aside'] as const;
