import { safeStorage } from 'electron';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../core/errors';
import type { SecretStore } from '../core/ports';
import { PRIVATE_FILE_MODE, privateDir } from '../core/private-files';

const UNAVAILABLE =
  'This computer has no working keychain for Bureau Sync to encrypt the credentials with, so they were not saved. Sign in to your user account normally (not as a guest) and try again.';
const UNREADABLE =
  "The saved credentials could not be decrypted with this computer's keychain (it may have been reset, or the data folder was copied from another computer). Open the company's settings to enter the credentials again.";

/**
 * Credentials encrypted with the OS keychain (safeStorage). Only ciphertext touches disk; when
 * encryption is unavailable we refuse to store rather than fall back to plain text. Secrets go to
 * the core only (the HR clients); no command returns them to the window, and errors never quote them.
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
    if (!encryptionUsable()) throw new AppError('SECRETS_UNAVAILABLE', UNAVAILABLE);
    const all = this.#read();
    all[id] = safeStorage.encryptString(value).toString('base64');
    this.#write(all);
  }

  async get(id: string): Promise<string | null> {
    const blob = this.#read()[id];
    if (!blob) return null;
    if (!encryptionUsable()) throw new AppError('SECRETS_UNAVAILABLE', UNAVAILABLE);
    try {
      return safeStorage.decryptString(Buffer.from(blob, 'base64'));
    } catch {
      throw new AppError('SECRETS_UNAVAILABLE', UNREADABLE);
    }
  }

  async delete(id: string): Promise<void> {
    const all = this.#read();
    if (!(id in all)) return;
    delete all[id];
    this.#write(all);
  }

  #read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      throw new AppError('SECRETS_UNAVAILABLE', UNREADABLE);
    }
  }

  #write(all: Record<string, string>): void {
    privateDir(dirname(this.file));
    // writeFileSync's mode applies only to a new file: a .tmp left by a crash keeps its own unless changed.
    writeFileSync(`${this.file}.tmp`, JSON.stringify(all), { mode: PRIVATE_FILE_MODE });
    if (process.platform !== 'win32') chmodSync(`${this.file}.tmp`, PRIVATE_FILE_MODE);
    renameSync(`${this.file}.tmp`, this.file);
  }
}

/**
 * On Linux without a keyring Electron falls back to a fixed, built-in password ("basic_text"):
 * that is obfuscation, not encryption, so it counts as unavailable.
 */
function encryptionUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    return backend !== 'basic_text' && backend !== 'unknown';
  }
  return true;
}
