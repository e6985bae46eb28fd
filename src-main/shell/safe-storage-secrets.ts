import { safeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../core/errors';
import type { SecretStore } from '../core/ports';

/**
 * Credentials encrypted with the OS keychain (safeStorage). Only ciphertext touches disk; when
 * encryption is unavailable we refuse to store rather than fall back to plain text.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly description =
    process.platform === 'darwin'
      ? 'encrypted with the macOS Keychain'
      : process.platform === 'win32'
        ? 'encrypted with Windows DPAPI for your user account'
        : 'encrypted with the system keyring';

  constructor(private readonly file: string) {}

  async set(id: string, value: string): Promise<void> {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError(
        'SECRETS_UNAVAILABLE',
        'This computer has no working keychain for Bureau Sync to encrypt the credentials with, so they were not saved. Sign in to your user account normally (not as a guest) and try again.',
      );
    }
    const all = this.#read();
    all[id] = safeStorage.encryptString(value).toString('base64');
    this.#write(all);
  }

  async get(id: string): Promise<string | null> {
    const blob = this.#read()[id];
    return blob ? safeStorage.decryptString(Buffer.from(blob, 'base64')) : null;
  }

  async delete(id: string): Promise<void> {
    const all = this.#read();
    delete all[id];
    this.#write(all);
  }

  #read(): Record<string, string> {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>) : {};
  }

  #write(all: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(all), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }
}
