import { readFileSync } from 'node:fs';
import { UsageError, type ParsedCli } from './args';

/**
 * Where the CLI takes a credential from. Every argument of a running process is visible to the machine's
 * other users (`ps`, Task Manager), so a scheduled task should pass its secret through the environment, a
 * file only its account can read, or standard input; a secret typed as an argument still works, with a warning.
 */
export interface SecretKind {
  /** The option that takes the secret itself, e.g. `client-secret`. */
  option: 'client-secret' | 'token' | 'api-key';
  env: string;
  what: string;
}

export const SECRET_KINDS = {
  clientSecret: { option: 'client-secret', env: 'BUREAU_SYNC_CLIENT_SECRET', what: 'the Personio API client secret' },
  token: { option: 'token', env: 'BUREAU_SYNC_TOKEN', what: 'the Humaans API access token' },
  apiKey: { option: 'api-key', env: 'BUREAU_SYNC_API_KEY', what: 'the PeopleHR API key' },
} as const satisfies Record<string, SecretKind>;

export interface SecretSources {
  env: NodeJS.ProcessEnv;
  /** Reads all of standard input (only called for --secret-stdin). */
  readStdin(): string;
  warn(line: string): void;
}

export const processSecretSources: SecretSources = {
  env: process.env,
  readStdin: () => readFileSync(0, 'utf8'),
  warn: (line) => process.stderr.write(`${line}\n`),
};

/** A secret's text as a person or a script leaves it: one line, its line ending not part of it. */
const oneLine = (text: string) => text.replace(/\r?\n$/, '');

/** The secret from exactly one of: --X-file, --secret-stdin, --X, or the environment variable. */
export function readSecret(
  opts: ParsedCli['opts'],
  kind: SecretKind,
  src: SecretSources = processSecretSources,
): string {
  const fileOpt = `${kind.option}-file`;
  const given: Array<{ how: string; value: () => string }> = [];
  const file = opts[fileOpt];
  if (typeof file === 'string') {
    given.push({
      how: `--${fileOpt}`,
      value: () => {
        try {
          return oneLine(readFileSync(file, 'utf8'));
        } catch {
          throw new UsageError(
            `--${fileOpt} ${file}: cannot read this file. Check the path and that your account can read it.`,
          );
        }
      },
    });
  }
  if (opts['secret-stdin'] === true) given.push({ how: '--secret-stdin', value: () => oneLine(src.readStdin()) });
  const inline = opts[kind.option];
  if (typeof inline === 'string') {
    given.push({
      how: `--${kind.option}`,
      value: () => {
        src.warn(
          `Warning: --${kind.option} puts the secret where other users of this computer can see it (the process list). Use ${kind.env}, --${fileOpt} FILE or --secret-stdin instead.`,
        );
        return inline;
      },
    });
  }
  if (given.length > 1) {
    throw new UsageError(`Give ${kind.what} one way only: ${given.map((g) => g.how).join(' and ')} were both given.`);
  }
  const value = given.length === 1 ? given[0]!.value() : (src.env[kind.env] ?? '');
  if (value.trim() === '') {
    const from = given.length === 1 ? `${given[0]!.how} gave an empty value` : 'it is missing';
    throw new UsageError(
      `${kind.what[0]!.toUpperCase()}${kind.what.slice(1)} is needed, and ${from}: set ${kind.env}, or use --${fileOpt} FILE or --secret-stdin.`,
    );
  }
  return value;
}
