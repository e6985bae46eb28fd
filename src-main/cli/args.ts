import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface ParsedCli {
  command: string[];
  opts: Record<string, string | boolean | string[] | undefined>;
}

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  name: { type: 'string' },
  provider: { type: 'string' },
  'base-url': { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  token: { type: 'string' },
  'api-key': { type: 'string' },
  'client-secret-file': { type: 'string' },
  'token-file': { type: 'string' },
  'api-key-file': { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  scheduled: { type: 'boolean' },
  all: { type: 'boolean' },
  company: { type: 'string' },
  confirm: { type: 'string' },
  'keep-backups': { type: 'boolean' },
  restore: { type: 'string' },
  employee: { type: 'string' },
  set: { type: 'string' },
  date: { type: 'string' },
  dir: { type: 'string' },
  category: { type: 'string' },
  override: { type: 'string', multiple: true },
  format: { type: 'string' },
  changes: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCli(argv: string[]): ParsedCli {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { command: positionals, opts: values as ParsedCli['opts'] };
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/^TypeError \[\w+\]: /, '') : String(err));
  }
}

/** The verbs runCommand knows: checked before the database is opened, so a typo touches nothing. */
export const COMMANDS = [
  'companies',
  'fields',
  'mapping',
  'filters',
  'settings',
  'preview',
  'sync',
  'run',
  'employees',
  'history',
  'changes',
  'payslips',
  'export',
  'report',
  'doctor',
] as const;

export function requireKnownCommand(verb: string): void {
  if (!(COMMANDS as readonly string[]).includes(verb))
    throw new UsageError(`Unknown command "${verb}". Run with --help to see the commands.`);
}

export function need(opts: ParsedCli['opts'], name: string, what: string): string {
  const v = opts[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required: ${what}.`);
  return v;
}

export const USAGE = `Bureau Sync — headless command line

Usage: npm run cli -- <command> [options]

Commands:
  companies add --name NAME --provider personio|humaans|peoplehr|demo [--base-url URL]
                [--client-id ID]   (the secret: see "Credentials" below)
  companies list
  companies credentials --company ID [--client-id ID]   (the new secret: see "Credentials" below)
                checks new credentials with the HR system and only then replaces the stored ones;
                exit 1, the old ones kept, when the HR system refuses them
  companies remove --company ID --confirm NAME [--keep-backups]
                (deletes the company and all it holds here, and rewrites the backups that hold it
                without it; --keep-backups leaves those backups as they are)
  fields    --company ID
  mapping   --company ID [--set FILE]
  filters   --company ID [--set FILE]
  settings  --company ID [--set FILE]
  preview   --company ID
  sync      --company ID [--employee EXTERNAL_ID] [--scheduled]
  sync      --all [--scheduled]   (every company in turn; exits 1 if any failed)
  run       keeps every company on its schedule without a window, one line per run,
            until stopped (Ctrl+C or SIGTERM: a sync under way is abandoned, nothing of it saved)
  employees --company ID
  history   --company ID
  changes   --company ID [--employee EXTERNAL_ID]
  payslips match|send --company ID --date YYYY-MM-DD --dir DIR [--category ID]
                [--override "FILE=EXTERNAL_ID" …]   (FILE=- leaves a file out)
  payslips retry   --company ID --date YYYY-MM-DD
  payslips history --company ID [--date YYYY-MM-DD]
  export    --company ID --format brightpay|sage50|staffology|custom|full [--changes] --out FILE
                (Ready employees for the payroll software; Pending ones are left out and listed;
                --changes: only starters, leavers and changed employees since the last export)
  export changes --company ID   what changed since the last export (the pay-run pack)
  export history --company ID   every export: when, format, who, how many, SHA-256
  export target  --company ID [--set FILE]   the company's payroll software and its options (JSON)
  report pending --company ID --out FILE.pdf|FILE.csv   the Pending list for the client's HR contact
  doctor    checks the database file whole (SQLite's integrity check) and lists the backups;
            exits 1 if the file is damaged or cannot be used
  doctor --restore BACKUP   puts a backup (a name from that list) in place of the database, keeping
            the file it replaces in set-aside/ (quit the desktop app and browser mode first)

Options:
  --data-dir DIR   where the database and settings live (default: the desktop app's data folder;
                   or set BUREAU_SYNC_DATA_DIR)
  --json           machine-readable output on stdout

Credentials (for companies add and companies credentials): never type a secret as an argument on a shared machine.
  Personio:  --client-id ID, and the client secret in BUREAU_SYNC_CLIENT_SECRET or --client-secret-file FILE
  Humaans:   the access token in BUREAU_SYNC_TOKEN or --token-file FILE
  PeopleHR:  the API key in BUREAU_SYNC_API_KEY or --api-key-file FILE
  or, for any of them, --secret-stdin (the secret on standard input). --client-secret S, --token T and
  --api-key K still work, with a warning: other users of the computer can see them.

--scheduled runs what the hourly sync runs (only what changed, where the HR system can say so; everyone
  at the first run of the day); without it a sync reads everyone.

Exit codes: 0 success; 1 the operation ran and failed; 2 bad usage or invalid input.
`;
