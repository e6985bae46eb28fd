// `npm run cli -- <command> …`: runs the command line's bundle (out/cli/index.js, made by `npm run build`) with
// plain node, building it first when it is missing or older than the source, so an edit to src-main is
// always what runs. Only the command writes to stdout (a build says so on stderr); the command's exit code
// (0/1/2) comes back unchanged; stdin is the command's own (for --secret-stdin); SIGTERM and SIGINT reach it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { setInterval } from 'node:timers';
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'out', 'cli');
const BUNDLE = join(OUT_DIR, 'index.js');
/** What the bundle is made from: the source and the two scripts that build it. */
const SOURCES = [
  join(ROOT, 'src-main'),
  join(ROOT, 'scripts', 'cli-bundle.ts'),
  join(ROOT, 'scripts', 'list-worker-bundle.ts'),
];

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** True as soon as any file under `path` was modified after `since` (~3 ms for src-main's ~170 files). */
function newerThan(path, since) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return false;
  }
  if (!st.isDirectory()) return st.mtimeMs > since;
  return readdirSync(path).some((name) => newerThan(join(path, name), since));
}

/** Why the bundle must be built, or null when it is up to date. */
function staleness() {
  const built = mtimeOf(BUNDLE);
  if (built === null) return 'it is not built yet';
  const changed = SOURCES.find((s) => newerThan(s, built));
  return changed ? 'the source changed since it was built' : null;
}

/**
 * Builds into a fresh folder beside the bundle, then moves the files into place, so a command started
 * meanwhile (another scheduled task) never loads a half-written bundle.
 */
function build(why) {
  process.stderr.write(`Building the command line (out/cli/index.js): ${why}…\n`);
  // Stamped with when the build began, so a source file saved while it ran still counts as newer.
  const began = new Date();
  mkdirSync(OUT_DIR, { recursive: true });
  const temp = mkdtempSync(join(OUT_DIR, '.build-'));
  try {
    // The builder is TypeScript (shared with electron-vite's build), so it runs under tsx, in a process of its
    // own (esbuild cannot find its binary when loaded through tsx's in-process API); its output goes to stderr.
    const builder = `require('./scripts/cli-bundle.ts').bundleCli(process.cwd(), process.argv[1]).catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', builder, temp], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
    });
    if (r.error) throw r.error;
    if (r.status !== 0)
      throw new Error(r.signal ? `the build was stopped by ${r.signal}` : `the build exited with ${r.status}`);
    // The list thread's script first: a bundle in place always finds a worker at least as new as itself.
    const files = readdirSync(temp).sort((a, b) => (a === 'index.js') - (b === 'index.js'));
    for (const f of files) renameSync(join(temp, f), join(OUT_DIR, f));
    utimesSync(BUNDLE, began, began);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Whether this process is in its terminal's foreground process group. A Ctrl+C there goes to the whole group,
 * the command included, so passing it on too would deliver it twice (the second one, after the command has
 * started to stop, would kill it). Linux says exactly (/proc); elsewhere, any stream on a terminal means yes.
 */
function inTerminalForeground() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const [, , pgrp, , ttyNr, tpgid] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return ttyNr !== 0 && tpgid === pgrp;
  } catch {
    return isatty(0) || isatty(1) || isatty(2);
  }
}

function main() {
  const why = staleness();
  if (why) {
    try {
      build(why);
    } catch (err) {
      // esbuild has already printed each error with its file and line.
      process.stderr.write(
        `Error: the command line could not be built (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).\n`,
      );
      process.exit(2);
    }
  }
  const child = spawn(process.execPath, [BUNDLE, ...process.argv.slice(2)], { stdio: 'inherit' });
  const forwarded = new Set();
  const pass = (signal) => {
    // Each signal is passed on once: the command stops gracefully at the first, and a repeat would kill it.
    if (forwarded.has(signal) || (signal === 'SIGINT' && inTerminalForeground())) return;
    forwarded.add(signal);
    child.kill(signal);
  };
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, pass);
  // Under `npm run`, a SIGTERM to npm reaches only the shell npm started, which dies without passing it on,
  // leaving this process and the command running. So when whoever started this process goes, stop the command.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && pass('SIGTERM'), 1000).unref();
  child.on('error', (err) => {
    process.stderr.write(`Error: could not start the command line: ${err.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}

main();
