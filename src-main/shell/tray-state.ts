import type { CompanySummary } from '../contract/companies';

/**
 * What the tray shows, worked out from the companies list alone (pure: no Electron, unit-tested).
 * The Electron side (tray.ts) only turns this model into a Tray icon, tooltip and Menu.
 */
export type TrayIconState = 'idle' | 'syncing' | 'error';
export type TrayAction = 'open' | 'sync-all' | 'pause-all' | 'resume-all' | 'quit';

export interface TrayMenuItem {
  action: TrayAction;
  label: string;
  enabled: boolean;
}

export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  /** Separators go between groups. */
  menu: TrayMenuItem[][];
}

export interface TrayStateOptions {
  now: Date;
  /** IANA zone for the clock in the tooltip; the machine's own when omitted (tests pin Europe/London). */
  timeZone?: string;
  /** True once quitting has started and a sync is being allowed to finish. */
  quitting?: boolean;
}

const APP = 'Bureau Sync';
/** Windows truncates tray tooltips at 127 characters. */
const MAX_TOOLTIP = 127;

export function trayModel(companies: readonly CompanySummary[], opts: TrayStateOptions): TrayModel {
  const active = companies.filter((c) => c.reviewed);
  const running = companies.filter((c) => c.running);
  const failed = active.filter((c) => c.lastAttempt?.status === 'failed');
  const allPaused = active.length > 0 && active.every((c) => c.paused);

  const icon: TrayIconState = running.length > 0 ? 'syncing' : failed.length > 0 ? 'error' : 'idle';
  const tooltip = clip(`${APP} — ${describe(active, running, failed, allPaused, opts)}`);

  const menu: TrayMenuItem[][] = [
    [{ action: 'open', label: `Open ${APP}`, enabled: true }],
    [
      { action: 'sync-all', label: 'Sync all now', enabled: !opts.quitting && active.some((c) => !c.paused) },
      allPaused
        ? { action: 'resume-all', label: 'Resume all', enabled: !opts.quitting }
        : { action: 'pause-all', label: 'Pause all', enabled: !opts.quitting && active.length > 0 },
    ],
    [{ action: 'quit', label: opts.quitting ? 'Quitting…' : `Quit ${APP}`, enabled: !opts.quitting }],
  ];
  return { icon, tooltip, menu };
}

function describe(
  active: readonly CompanySummary[],
  running: readonly CompanySummary[],
  failed: readonly CompanySummary[],
  allPaused: boolean,
  opts: TrayStateOptions,
): string {
  if (opts.quitting && running.length > 0) return 'finishing the current sync before quitting…';
  if (running.length === 1) return `syncing ${running[0]!.name}…`;
  if (running.length > 1) return `syncing ${running.length} companies…`;
  if (active.length === 0) return 'no companies set up yet';

  const last = lastSyncAt(active);
  const when = last ? `last sync ${formatWhen(last, opts)}` : 'not synced yet';
  if (failed.length === 1) return `${when}, ${failed[0]!.name} failed`;
  if (failed.length > 1) return `${when}, ${failed.length} companies failed`;
  if (allPaused) return `${when}, syncing paused`;
  return `${when}, all good`;
}

/** The newest attempt that really ran (skipped and cancelled runs fetched nothing). */
function lastSyncAt(companies: readonly CompanySummary[]): Date | null {
  let best: number | null = null;
  for (const c of companies) {
    const a = c.lastAttempt;
    if (!a || (a.status !== 'succeeded' && a.status !== 'failed')) continue;
    const t = Date.parse(a.at);
    if (Number.isFinite(t) && (best === null || t > best)) best = t;
  }
  return best === null ? null : new Date(best);
}

/** "14:05" today, "yesterday 14:05", otherwise "3 Jun 14:05". */
export function formatWhen(at: Date, opts: { now: Date; timeZone?: string }): string {
  const tz = opts.timeZone;
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: tz,
  }).format(at);
  const day = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: tz }).format(d);
  if (day(at) === day(opts.now)) return time;
  if (day(at) === day(new Date(opts.now.getTime() - 24 * 3600_000))) return `yesterday ${time}`;
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: tz }).format(at);
  return `${date} ${time}`;
}

function clip(s: string): string {
  return s.length <= MAX_TOOLTIP ? s : `${s.slice(0, MAX_TOOLTIP - 1)}…`;
}
