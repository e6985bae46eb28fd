import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

/** The payslip files in a folder (not its sub-folders), read only as far as each step needs. */
export interface PayslipFile {
  name: string;
  path: string;
  sizeBytes: number;
  /** A `.pdf` name and a PDF header: a renamed spreadsheet is not sent as a payslip. */
  isPdf: boolean;
}

function startsWithPdfHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(5);
    return readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === '%PDF-';
  } finally {
    closeSync(fd);
  }
}

export function scanFolder(dir: string): PayslipFile[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir);
  } catch {
    throw new AppError(
      'VALIDATION',
      `The folder "${dir}" does not exist or cannot be opened. Check the path and that this computer can read it.`,
    );
  }
  const files: PayslipFile[] = [];
  for (const name of names) {
    // Hidden and system files (.DS_Store, ~$ lock files) are never payslips.
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    const path = join(dir, name);
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) continue;
      size = st.size;
    } catch {
      continue;
    }
    const isPdf = /\.pdf$/i.test(name) && size >= 5 && startsWithPdfHeader(path);
    files.push({ name, path, sizeBytes: size, isPdf });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function readPayslip(file: PayslipFile): { bytes: Buffer; sha256: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
  } catch {
    throw new AppError(
      'VALIDATION',
      `Bureau Sync could not read "${file.name}". Check it is not open in another program, then send again.`,
    );
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
