import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../src-main/core/app';
import { removeCompanyData } from '../src-main/core/db/repositories/company-removal';
import { MemorySecretStore } from '../src-main/core/secrets/file-secret-store';
import { PERSONIO_FAKE_CREDENTIALS, startFakePersonio } from '../src-main/fake-hr/personio';
import { generatePeople, type SamplePerson } from '../src-main/fake-hr/sample-people';

/**
 * What "Remove this company" must do for the removed staff's data to be gone from the disk, and what each
 * way costs (issue 21: secure_delete on for every write, or a VACUUM after the removal):
 *
 *   npx tsx bench/erase-company.ts [employees per company, default 10000]
 *
 * 1. The cost of secure_delete on every write: two companies synced (first sync, then three "Sync now"
 *    full re-reads with 1% changed and a field catalogue refresh each), with secure_delete off and on.
 * 2. What is left after the removal: on a copy of each data folder, the leaving company is removed
 *    (a) as before this issue (secure_delete only while the removal runs), (b) on the folder whose every
 *    write had secure_delete on, and (c) followed by VACUUM and a truncating checkpoint (what the app now
 *    does); the database file and its write-ahead log are then searched for the removed people's NI numbers.
 *
 * secure_delete is switched on for (1) by wrapping better-sqlite3's pragma() in this process only: the app
 * has no such switch, because (2) shows it is not needed.
 */
type Variant = 'off' | 'on';

const count = Number(process.argv[2] ?? 10_000);
const ms = (x: number) => `${Math.round(x)} ms`;

// For variant "on": every connection the core opens turns secure_delete on as it sets WAL mode.
let secureEverywhere = false;
const pragma = Database.prototype.pragma;
Database.prototype.pragma = function (this: Database.Database, source: string, opts?: Database.PragmaOptions) {
  if (secureEverywhere && /^journal_mode\s*=\s*WAL/i.test(source)) pragma.call(this, 'secure_delete = ON');
  return pragma.call(this, source, opts);
} as typeof Database.prototype.pragma;

/** Bytes this process (the core and its checkpoint thread) has written to disk so far; Linux only. */
function bytesWritten(): number {
  try {
    return Number(/write_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; mb: number; value: T }> {
  const t0 = performance.now();
  const w0 = bytesWritten();
  const value = await fn();
  return { ms: performance.now() - t0, mb: (bytesWritten() - w0) / 1e6, value };
}

async function call<T>(core: Core, name: Parameters<Core['invoke']>[0], input: unknown): Promise<T> {
  const r = await core.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

const edit = (people: SamplePerson[], round: number) =>
  people.map((p, i) =>
    i % 100 === round ? { ...p, lastName: `${p.lastName}-${round}`, jobTitle: `${p.jobTitle} ${round}` } : p,
  );

async function syncTwoCompanies(variant: Variant) {
  secureEverywhere = variant === 'on';
  const dataDir = mkdtempSync(join(tmpdir(), `bureau-erase-${variant}-`));
  const leavingStaff = generatePeople({ count, seed: 31 });
  const stayingStaff = generatePeople({ count, seed: 32 });
  const leavingHr = await startFakePersonio({ people: leavingStaff });
  const stayingHr = await startFakePersonio({ people: stayingStaff });
  const core = createCore({
    dataDir,
    secrets: new MemorySecretStore(),
    mode: 'cli',
    http: { rateLimit: { perMinute: 1e9 } },
  });
  const times: Record<string, number[]> = { first: [], full: [] };
  let written = 0;
  const ids: string[] = [];
  try {
    for (const [name, hr] of [
      ['Leaving Ltd', leavingHr],
      ['Staying Ltd', stayingHr],
    ] as const) {
      const { id } = await call<{ id: string }>(core, 'companies.create', {
        name,
        credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS },
        baseUrl: hr.baseUrl,
      });
      ids.push(id);
      await core.checkpoint();
      const t = await timed(async () => {
        await call(core, 'companies.review', { companyId: id });
        await core.checkpoint();
      });
      times.first!.push(t.ms);
      written += t.mb;
    }
    for (let round = 1; round <= 3; round++) {
      leavingHr.setPeople(edit(leavingStaff, round));
      stayingHr.setPeople(edit(stayingStaff, round));
      for (const id of ids) {
        await call(core, 'companies.fields', { companyId: id, refresh: true });
        await core.checkpoint();
        const t = await timed(async () => {
          await call(core, 'sync.company', { companyId: id });
          await core.checkpoint();
        });
        times.full!.push(t.ms);
        written += t.mb;
      }
    }
  } finally {
    await core.close();
    await leavingHr.close();
    await stayingHr.close();
    secureEverywhere = false;
  }
  const ni = leavingStaff.map((p) => p.niNumber).filter((n): n is string => n !== null);
  return { dataDir, leavingId: ids[0]!, ni, times, written };
}

/** How many of the removed people's NI numbers the database file and its write-ahead log still hold. */
function leftOnDisk(file: string, ni: string[]): { db: number; wal: number } {
  // One pass over the bytes for everything shaped like an NI number, then a set lookup: includes() per
  // number over a 100 MB file took minutes.
  const found = (f: string) =>
    new Set(
      existsSync(f)
        ? readFileSync(f)
            .toString('latin1')
            .match(/[A-Z]{2}\d{6}[A-D]/g)
        : [],
    );
  const db = found(file);
  const wal = found(`${file}-wal`);
  return { db: ni.filter((n) => db.has(n)).length, wal: ni.filter((n) => wal.has(n)).length };
}

function removeOnCopy(source: string, leavingId: string, ni: string[], how: 'removal only' | 'removal + VACUUM') {
  const dir = mkdtempSync(join(tmpdir(), 'bureau-erase-copy-'));
  cpSync(source, dir, { recursive: true });
  const file = join(dir, 'bureau-sync.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const t0 = performance.now();
  removeCompanyData(db, leavingId);
  const removeMs = performance.now() - t0;
  let vacuumMs = 0;
  if (how === 'removal + VACUUM') {
    const t1 = performance.now();
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    vacuumMs = performance.now() - t1;
  }
  const whileOpen = leftOnDisk(file, ni);
  const freePages = db.pragma('freelist_count', { simple: true }) as number;
  db.close();
  const afterClose = leftOnDisk(file, ni);
  rmSync(dir, { recursive: true, force: true });
  return { removeMs, vacuumMs, whileOpen, afterClose, freePages };
}

async function main() {
  process.stdout.write(`Two companies of ${count.toLocaleString('en-GB')} employees each; the first is removed.\n\n`);
  // A warm-up set first (JIT, page cache), then off and on, so neither pays the first run's costs.
  rmSync((await syncTwoCompanies('on')).dataDir, { recursive: true, force: true });
  const runs = { off: await syncTwoCompanies('off'), on: await syncTwoCompanies('on') };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  for (const v of ['off', 'on'] as const) {
    const t = runs[v].times;
    process.stdout.write(
      `secure_delete ${v.padEnd(3)}: first syncs ${t.first!.map(ms).join(', ')} (total ${ms(sum(t.first!))}); full re-reads ${t.full!.map(ms).join(', ')} (total ${ms(sum(t.full!))}); ${Math.round(runs[v].written)} MB written to disk (syncs and their checkpoints)\n`,
    );
  }
  process.stdout.write('\n');
  const report = (label: string, r: ReturnType<typeof removeOnCopy>, of: number) =>
    process.stdout.write(
      `${label}: removal ${ms(r.removeMs)}${r.vacuumMs ? ` + VACUUM and checkpoint ${ms(r.vacuumMs)}` : ''}; free pages after ${r.freePages}; ` +
        `NI numbers of ${of} removed people still found: while open db ${r.whileOpen.db}, wal ${r.whileOpen.wal}; after close db ${r.afterClose.db}\n`,
    );
  const off = runs.off;
  const on = runs.on;
  report(
    '(a) secure_delete during the removal only',
    removeOnCopy(off.dataDir, off.leavingId, off.ni, 'removal only'),
    off.ni.length,
  );
  report(
    '(b) secure_delete on for every write     ',
    removeOnCopy(on.dataDir, on.leavingId, on.ni, 'removal only'),
    on.ni.length,
  );
  report(
    '(c) removal, then VACUUM                 ',
    removeOnCopy(off.dataDir, off.leavingId, off.ni, 'removal + VACUUM'),
    off.ni.length,
  );
  for (const r of Object.values(runs)) rmSync(r.dataDir, { recursive: true, force: true });
}

void main();
