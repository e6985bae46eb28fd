import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../errors';

/**
 * Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then renamed over the
 * target. A payroll import that stopped half way (disk full, Ctrl+C) must never be left looking complete.
 */
export function writeFileAtomic(path: string, bytes: Buffer): string {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    return target;
  } catch (err) {
    rmSync(temp, { force: true });
    const why = err instanceof Error && 'code' in err ? ` (${String((err as NodeJS.ErrnoException).code)})` : '';
    throw new AppError(
      'VALIDATION',
      `Cannot write ${target}${why}: check that the folder exists and that you may write to it. Nothing was exported.`,
    );
  }
}
