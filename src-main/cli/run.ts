import type { RunSummary } from '../contract/sync';
import type { Core } from '../core/app';
import type { ParsedCli } from './args';
import type { Out } from './out';
import { syncText } from './sync';

/** Past this, a stop that is still waiting on the network gives up: SQLite keeps the file whole either way. */
export const STOP_DEADLINE_MS = 9_000;

/**
 * `run`: the desktop app's scheduler without a window, for a bureau's always-on machine. Every company
 * whose set-up is finished syncs on its own schedule (same staggering, same catch-up after sleep: an
 * overdue company runs once at the next check). Each finished run prints one line (one JSON object per
 * line with --json). SIGTERM or SIGINT stops it: a sync under way is cancelled, so it writes nothing and is
 * recorded as stopped, and the process ends within seconds rather than when the HR system is done.
 */
export async function runScheduler(core: Core, opts: ParsedCli['opts'], io = processIo): Promise<Out> {
  const json = opts.json === true;
  const names = new Map<string, string>();
  const nameOf = async (companyId: string) => {
    if (!names.has(companyId)) {
      const c = await core.invoke('companies.get', { companyId });
      names.set(companyId, c.ok ? c.value.name : companyId);
    }
    return names.get(companyId)!;
  };
  let runs = 0;
  let printing = Promise.resolve();
  const unsubscribe = core.subscribe((event, payload) => {
    if (event !== 'sync.finished') return;
    const run = payload as RunSummary;
    runs += 1;
    printing = printing.then(async () => {
      const name = await nameOf(run.companyId);
      io.out(
        json
          ? JSON.stringify({ at: run.finishedAt, companyId: run.companyId, name, ...summary(run) })
          : `${run.finishedAt ?? ''}  ${name} (${run.companyId}) ${run.trigger}: ${syncText(run).replace(/^Sync \S+: /, '')}`,
      );
    });
  });

  // Listening for the stop before saying it runs: a service manager that stops it the moment it says so
  // (under load, within the same millisecond) must not kill it before its handler is there.
  const stopped = io.untilStopped();
  const list = await core.invoke('companies.list', {});
  const active = list.ok ? list.value.filter((c) => c.reviewed).length : 0;
  io.err(
    `Bureau Sync is running without a window: ${active} ${active === 1 ? 'company' : 'companies'} on their schedule. Press Ctrl+C (or send SIGTERM) to stop.`,
  );
  core.scheduler.start();
  core.startBackups();

  const signal = await stopped;
  io.err(`${signal}: stopping. A sync under way is abandoned; nothing of it is saved.`);
  const deadline = setTimeout(() => io.giveUp(), STOP_DEADLINE_MS);
  deadline.unref();
  await core.close({ abandonSyncs: true });
  clearTimeout(deadline);
  await printing;
  unsubscribe();
  return {
    json: { stopped: signal, runs },
    jsonLine: true,
    text: `Stopped after ${runs} ${runs === 1 ? 'sync' : 'syncs'}.`,
  };
}

const summary = (r: RunSummary) => ({
  runId: r.runId,
  trigger: r.trigger,
  status: r.status,
  ...r.counts,
  ...(r.error ? { error: r.error } : {}),
  ...(r.note ? { note: r.note } : {}),
});

export interface RunIo {
  out(line: string): void;
  err(line: string): void;
  untilStopped(): Promise<string>;
  giveUp(): void;
}

const processIo: RunIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  untilStopped: () =>
    new Promise((resolve) => {
      let stopping = false;
      // The listeners stay while the stop runs: a second signal (a service manager signals the whole
      // process group, an impatient Ctrl+C) must not kill the process part way through cancelling.
      const on = (s: NodeJS.Signals) => {
        if (stopping) return void process.stderr.write(`${s}: already stopping.\n`);
        stopping = true;
        resolve(s);
      };
      process.on('SIGTERM', on);
      process.on('SIGINT', on);
    }),
  giveUp: () => {
    process.stderr.write('Error: a sync did not stop within 9 s; exiting anyway. Nothing of it was saved.\n');
    process.exit(1);
  },
};
