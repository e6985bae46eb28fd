import type { RunSummary, Trigger } from '../contract/sync';
import type { Core } from '../core/app';
import { AppError } from '../core/errors';
import { need, UsageError, type ParsedCli } from './args';
import { call, type Out } from './out';

export const syncJson = (r: RunSummary) => ({
  runId: r.runId,
  status: r.status,
  trigger: r.trigger,
  ...r.counts,
  ...(r.error ? { error: r.error } : {}),
  ...(r.note ? { note: r.note } : {}),
});

export const syncText = (r: RunSummary) =>
  r.status === 'skipped'
    ? `Sync ${r.runId}: skipped. ${r.note ?? ''}`
    : r.status === 'succeeded'
      ? `Sync ${r.runId}: succeeded. Created ${r.counts.created}, updated ${r.counts.updated}, unchanged ${r.counts.unchanged}, excluded ${r.counts.excluded}, leavers ${r.counts.leavers}, missing ${r.counts.missing}, problems ${r.counts.problems}.${r.note ? ` ${r.note}` : ''}`
      : `Sync ${r.runId}: ${r.status}. ${r.error?.message ?? r.note ?? ''}`;

const failedRun = (r: RunSummary) => r.status === 'failed' || r.status === 'cancelled';

const NOT_SET_UP = 'Set-up not finished: nothing was synced. Run `sync --company ID` once to finish setting it up.';

/**
 * One company's run. `--scheduled` is the app's hourly run (what changed, where the HR system can say so);
 * without it everyone is read, as "Sync now" does. A company added from the command line finishes its
 * set-up with its first `sync --company`, as the wizard's review step does, so the app's and `run`'s
 * schedules take it up from then on.
 */
async function syncOne(core: Core, companyId: string, scheduled: boolean): Promise<RunSummary | null> {
  const c = await call(core, 'companies.get', { companyId });
  if (!c.reviewed) return scheduled ? null : call(core, 'companies.review', { companyId });
  const trigger: Trigger = scheduled ? 'scheduled' : 'cli';
  return core.scheduler.runCompany(companyId, trigger);
}

export async function syncCommand(core: Core, opts: ParsedCli['opts']): Promise<Out> {
  const scheduled = opts.scheduled === true;
  if (opts.all === true) {
    if (typeof opts.company === 'string' || typeof opts.employee === 'string')
      throw new UsageError('--all syncs every company: leave out --company and --employee, or leave out --all.');
    return syncAll(core, scheduled);
  }
  const id = need(opts, 'company', 'the company ID (see `companies list`), or --all for every company');
  if (typeof opts.employee === 'string') {
    if (scheduled) throw new UsageError('--scheduled is for whole companies: leave it out to sync one employee.');
    await call(core, 'companies.get', { companyId: id });
    const run = await core.engine.runEmployee(id, core.reports.employeeIdByHrId(id, opts.employee));
    return { json: syncJson(run), text: syncText(run), failed: failedRun(run) };
  }
  const run = await syncOne(core, id, scheduled);
  if (!run) return { json: { status: 'skipped', note: NOT_SET_UP }, text: `Skipped. ${NOT_SET_UP}` };
  return { json: syncJson(run), text: syncText(run), failed: failedRun(run) };
}

/** Every company in turn (a failure does not stop the rest), one line or JSON entry each; failed if any failed. */
async function syncAll(core: Core, scheduled: boolean): Promise<Out> {
  const list = await call(core, 'companies.list', {});
  const json: unknown[] = [];
  const lines: string[] = [];
  let failed = false;
  for (const c of list) {
    let run: RunSummary | null;
    try {
      run = await syncOne(core, c.id, scheduled);
    } catch (err) {
      // Removed by another window since the list was read: nothing left to sync.
      if (err instanceof AppError && err.code === 'NOT_FOUND') continue;
      throw err;
    }
    if (!run) {
      json.push({ companyId: c.id, name: c.name, status: 'skipped', note: NOT_SET_UP });
      lines.push(`${c.name} (${c.id}): skipped. ${NOT_SET_UP}`);
      continue;
    }
    failed ||= failedRun(run);
    json.push({ companyId: c.id, name: c.name, ...syncJson(run) });
    lines.push(`${c.name} (${c.id}): ${syncText(run).replace(/^Sync /, 'sync ')}`);
  }
  return {
    json,
    text: lines.join('\n') || 'No companies yet. Add one with: companies add --name NAME --provider demo',
    failed,
  };
}
