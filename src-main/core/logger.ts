import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './ports';
import { PRIVATE_FILE_MODE, privateDir } from './private-files';

/** Keys whose values never reach a log line, whatever a caller passes in. */
const SECRET_KEY = /secret|token|password|apikey|api_key|authorization|credential/i;

export function redact(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!meta) return meta;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meta)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : v;
  return out;
}

/** One line of JSON per event in <dataDir>/logs/bureau-sync.log (and stderr when asked). */
export function consoleLogger(dir: string, opts: { stderr?: boolean } = {}): Logger {
  privateDir(dir);
  const file = join(dir, 'bureau-sync.log');
  const write = (level: string, msg: string, meta?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, msg, ...redact(meta) });
    try {
      // Created 0600 (the mode applies only when the file is new; start-up corrects an older one).
      appendFileSync(file, `${line}\n`, { mode: PRIVATE_FILE_MODE });
    } catch {
      /* a full disk must not stop a sync */
    }
    if (opts.stderr) process.stderr.write(`${line}\n`);
  };
  return {
    info: (m, meta) => write('info', m, meta),
    warn: (m, meta) => write('warn', m, meta),
    error: (m, meta) => write('error', m, meta),
  };
}
