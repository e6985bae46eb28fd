import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI_BUNDLE = resolve(ROOT, 'out', 'cli', 'index.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface CliOptions {
  dataDir: string;
  /** Added to the environment (BUREAU_SYNC_* variables are cleared first, so the machine's own never leak in). */
  env?: Record<string, string>;
  /** Written to the process's standard input, which is then closed. */
  input?: string;
  /** `bundle`: node out/cli/index.js (built by the global setup); `npm`: npm run --silent cli -- … */
  via?: 'bundle' | 'npm';
}

function start(args: string[], o: CliOptions): ChildProcess {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('BUREAU_SYNC_')) env[k] = v;
  Object.assign(env, o.env);
  const argv = [...args, '--data-dir', o.dataDir];
  const child =
    o.via === 'npm'
      ? spawn('npm', ['run', '--silent', 'cli', '--', ...argv], { cwd: ROOT, env })
      : spawn(process.execPath, [CLI_BUNDLE, ...argv], { cwd: ROOT, env });
  if (o.input !== undefined) child.stdin!.end(o.input);
  else child.stdin!.end();
  return child;
}

/** Runs the real CLI as its own process and collects its exit code, stdout and stderr. */
export function runCli(args: string[], o: CliOptions): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = start(args, o);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, out, err }));
  });
}

/** A long-running CLI process (`run`, or a sync to interrupt): output so far, a wait for a line, its end. */
export interface LiveCli {
  child: ChildProcess;
  readonly out: string;
  readonly err: string;
  /** Resolves once stdout+stderr match, rejects after timeoutMs. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  done: Promise<CliResult>;
}

export function startCli(args: string[], o: CliOptions): LiveCli {
  const child = start(args, o);
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  const poke = () => waiters.splice(0).forEach((w) => w());
  child.stdout!.on('data', (d: Buffer) => ((out += d.toString('utf8')), poke()));
  child.stderr!.on('data', (d: Buffer) => ((err += d.toString('utf8')), poke()));
  const done = new Promise<CliResult>((res) =>
    child.on('close', (code, signal) => (poke(), res({ code, signal, out, err }))),
  );
  return {
    child,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((res, rej) => {
        const timer = setTimeout(
          () => rej(new Error(`timed out waiting for ${pattern}; stdout: ${out}\nstderr: ${err}`)),
          timeoutMs,
        );
        const check = () => {
          if (pattern.test(out + err)) {
            clearTimeout(timer);
            res();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            rej(new Error(`the CLI ended before ${pattern}; stdout: ${out}\nstderr: ${err}`));
          } else waiters.push(check);
        };
        check();
      });
    },
    done,
  };
}

export const parse = <T>(r: { out: string }): T => JSON.parse(r.out) as T;
