import { join } from 'node:path';
import { createCore } from '../core/app';
import { defaultDataDir } from '../core/data-dir';
import { AppError, toErrorShape } from '../core/errors';
import { consoleLogger } from '../core/logger';
import { FileSecretStore } from '../core/secrets/file-secret-store';
import { parseCli, requireKnownCommand, UsageError, USAGE } from './args';
import { runCommand } from './commands';
import { doctorCommand } from './doctor';
import type { Out } from './out';

/** Exit codes (docs/reference/cli.md): 0 success, 1 ran and failed, 2 bad usage or invalid input. */
const USAGE_CODES = new Set(['VALIDATION', 'NOT_FOUND']);
/** Failures of the database file itself, after which `doctor` is what to run. */
const DATABASE_CODES = new Set(['DB_UNREADABLE', 'DB_DAMAGED', 'DB_IN_USE', 'DB_FROM_FUTURE']);
const DOCTOR_HINT =
  'Run `doctor` to check the database file and list the backups; `doctor --restore BACKUP` puts one back.';

function print(out: Out, json: boolean): number {
  process.stdout.write(json ? `${JSON.stringify(out.json, null, out.jsonLine ? undefined : 2)}\n` : `${out.text}\n`);
  return out.failed ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  try {
    const parsed = parseCli(argv);
    json = parsed.opts.json === true;
    if (parsed.opts.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (parsed.command.length === 0) {
      process.stderr.write(USAGE);
      return 2;
    }
    const verb = parsed.command[0]!;
    requireKnownCommand(verb);
    const dataDir =
      (typeof parsed.opts['data-dir'] === 'string' ? parsed.opts['data-dir'] : undefined) ??
      process.env.BUREAU_SYNC_DATA_DIR ??
      defaultDataDir();
    if (verb === 'doctor') return print(doctorCommand(dataDir, parsed.opts), json);
    const core = createCore({
      dataDir,
      secrets: new FileSecretStore(join(dataDir, 'credentials.json')),
      mode: 'cli',
      logger: consoleLogger(join(dataDir, 'logs')),
    });
    try {
      if (core.database === 'damaged') {
        const status = await core.invoke('app.database.status', {});
        const message =
          status.ok && status.value.state === 'damaged' ? status.value.message : 'The database is damaged.';
        // sync and run write through the engine directly: refused here, as every other write is by the core.
        if (verb === 'sync' || verb === 'run') throw new AppError('DB_DAMAGED', message);
        process.stderr.write(`Warning: ${message}\n`);
      }
      // A bureau that syncs from a scheduled task gets its daily backup there too.
      if (verb === 'sync') await core.backupIfDue();
      const out = await runCommand(core, parsed);
      return print(out, json);
    } finally {
      await core.close();
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`Error: ${err.message}\n`);
      if (json) process.stdout.write(`${JSON.stringify({ error: { code: 'VALIDATION', message: err.message } })}\n`);
      return 2;
    }
    const shape = toErrorShape(err);
    process.stderr.write(`Error: ${shape.message}\n`);
    if (DATABASE_CODES.has(shape.code)) process.stderr.write(`${DOCTOR_HINT}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: shape.code, message: shape.message } })}\n`);
    return err instanceof AppError && USAGE_CODES.has(err.code) ? 2 : 1;
  }
}

if (require.main === module) {
  let settled = false;
  // A command whose work was left waiting on nothing (an unref'd handle) would let Node drain the loop and
  // exit 0 before it answered: a scheduled task would read that as success. Say so, and fail, instead.
  process.on('beforeExit', () => {
    if (settled) return;
    settled = true;
    process.stderr.write(
      'Error: Bureau Sync stopped before the command finished (an internal error). Nothing more was done; please report it.\n',
    );
    process.exitCode = 1;
  });
  void main(process.argv.slice(2)).then((code) => {
    settled = true;
    process.exitCode = code;
  });
}
