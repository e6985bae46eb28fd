import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from '../ports';
import { privateDir } from '../private-files';

/**
 * Browser mode and the CLI have no OS keychain, so credentials sit in one JSON file readable only by
 * this user (mode 0600), written atomically. The desktop app uses safeStorage instead (shell/).
 */
export class FileSecretStore implements SecretStore {
  readonly description =
    'in a file only your user account can read (browser mode and the command line have no keychain)';

  constructor(private readonly file: string) {}

  async get(id: string): Promise<string | null> {
    return this.#read()[id] ?? null;
  }

  async set(id: string, value: string): Promise<void> {
    const all = this.#read();
    all[id] = value;
    this.#write(all);
  }

  async delete(id: string): Promise<void> {
    const all = this.#read();
    delete all[id];
    this.#write(all);
  }

  #read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  #write(all: Record<string, string>): void {
    privateDir(dirname(this.file));
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }
}

export class MemorySecretStore implements SecretStore {
  readonly description = 'in memory only (tests)';
  readonly #m = new Map<string, string>();
  async get(id: string) {
    return this.#m.get(id) ?? null;
  }
  async set(id: string, v: string) {
    this.#m.set(id, v);
  }
  async delete(id: string) {
    this.#m.delete(id);
  }
}
