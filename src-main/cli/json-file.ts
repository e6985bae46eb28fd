import { readFileSync } from 'node:fs';
import { UsageError } from './args';

/** A --set FILE's JSON, or a usage error naming the file and what is wrong with it (exit 2). */
export function readJsonFile(path: string, option: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--${option} ${path}: cannot read this file. Check the path.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--${option} ${path}: not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
}
