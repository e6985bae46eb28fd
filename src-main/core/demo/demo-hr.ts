import type { Credentials } from '../../contract/providers';

/**
 * The built-in demo company: the project's own fake Personio server, in this process, on 127.0.0.1,
 * with a few hundred generated UK employees, driven by the real Personio client over real HTTP.
 * Same seed every launch, so the demo company's people stay the same between runs.
 *
 * The fake server and the people generator (@faker-js/faker) are imported when the demo is first needed,
 * not when the core loads: only the demo company uses them, and loading them cost every start of the app
 * and of each CLI command some 25 ms.
 */
export const DEMO_EMPLOYEE_COUNT = 320;
export const DEMO_VENDOR = 'personio' as const;

export interface DemoHr {
  baseUrl: string;
  credentials: Extract<Credentials, { provider: typeof DEMO_VENDOR }>;
  close(): Promise<void>;
}

let running: Promise<DemoHr> | null = null;

export function ensureDemoHr(): Promise<DemoHr> {
  running ??= (async () => {
    const [{ generatePeople }, { startFakePersonio, PERSONIO_FAKE_CREDENTIALS }] = await Promise.all([
      import('../../fake-hr/sample-people'),
      import('../../fake-hr/personio'),
    ]);
    const fake = await startFakePersonio({ people: generatePeople({ count: DEMO_EMPLOYEE_COUNT, seed: 2026 }) });
    return {
      baseUrl: fake.baseUrl,
      credentials: { provider: DEMO_VENDOR, ...PERSONIO_FAKE_CREDENTIALS },
      close: async () => {
        running = null;
        await fake.close();
      },
    };
  })();
  return running;
}

export async function stopDemoHr(): Promise<void> {
  if (running) await (await running).close();
}
