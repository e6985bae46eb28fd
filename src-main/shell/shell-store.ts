import Store from 'electron-store';
import { z } from 'zod';
import { PRIVATE_FILE_MODE } from '../core/private-files';
import { DEFAULT_BOUNDS, type Bounds } from './bounds';

/**
 * Non-secret desktop preferences in electron-store (config.json in the data folder). Credentials
 * never come here: they go through safeStorage (safe-storage-secrets.ts).
 */
const schema = z.object({
  bounds: z.object({ width: z.number(), height: z.number(), x: z.number().optional(), y: z.number().optional() }),
  trayHintShown: z.boolean(),
});
export type ShellPrefs = z.infer<typeof schema>;

const DEFAULTS: ShellPrefs = { bounds: DEFAULT_BOUNDS, trayHintShown: false };

export interface ShellStore {
  get<K extends keyof ShellPrefs>(key: K): ShellPrefs[K];
  set<K extends keyof ShellPrefs>(key: K, value: ShellPrefs[K]): void;
}

export function openShellStore(): ShellStore {
  // config.json sits in the data folder, which holds payroll data: private like everything else there.
  const store = new Store<ShellPrefs>({ defaults: DEFAULTS, configFileMode: PRIVATE_FILE_MODE });
  return {
    get(key) {
      // A hand-edited or older config.json falls back to the default rather than breaking startup.
      const parsed = schema.shape[key].safeParse(store.get(key));
      return (parsed.success ? parsed.data : DEFAULTS[key]) as ShellPrefs[typeof key];
    },
    set(key, value) {
      store.set(key, value);
    },
  };
}

export type { Bounds };
