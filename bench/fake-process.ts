import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RealProvider } from '../src-main/contract/providers';
import type { ChildReply, ChildRequest, FakeReady, LoggedRequest, LogSummary } from './protocol';

/** The bench's side of a fake HR server running in a child process (see fake-child.ts). */
export interface FakeProcess extends FakeReady {
  vendor: RealProvider;
  pid: number;
  change(fraction: number): Promise<{ changed: number }>;
  log(since?: number): Promise<{ entries: LoggedRequest[]; capped: boolean }>;
  summary(): Promise<LogSummary>;
  clearLog(): Promise<void>;
  enforceRateLimit(on: boolean): Promise<void>;
  close(): Promise<void>;
}

type Command = ChildRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

// Inside the bundled block (bench/bundle.ts) import.meta.url is the bundle's, so index.ts passes BENCH_DIR.
const CHILD = process.env.BENCH_DIR
  ? join(process.env.BENCH_DIR, 'fake-child.ts')
  : fileURLToPath(new URL('./fake-child.ts', import.meta.url));

export async function startFakeProcess(vendor: RealProvider, count: number): Promise<FakeProcess> {
  const child: ChildProcess = fork(CHILD, [vendor, String(count)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const ready = await new Promise<FakeReady>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line) as FakeReady));
    child.once('exit', (code) => reject(new Error(`fake ${vendor} exited with ${code} before it was ready`)));
  });

  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (msg: ChildReply) => {
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.ok) w.resolve(msg.value);
    else w.reject(new Error(msg.error));
  });
  const send = <T>(cmd: Command): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: (v) => resolve(v as T), reject });
      child.send({ ...cmd, id });
    });

  return {
    ...ready,
    vendor,
    pid: child.pid ?? -1,
    change: (fraction) => send({ cmd: 'change', fraction }),
    log: (since) => send({ cmd: 'log', since }),
    summary: () => send({ cmd: 'summary' }),
    clearLog: async () => {
      await send({ cmd: 'clearLog' });
    },
    enforceRateLimit: async (on) => {
      await send({ cmd: 'enforceRateLimit', on });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
        // A child stuck in a synchronous loop does not see the disconnect.
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
