// Runs Electronegativity (Doyensec's Electron security linter) over the project and fails on any
// HIGH or MEDIUM finding that is not in the reviewed list below. The tool itself always exits 0,
// so this script reads its CSV. It spends ~10 s trying to reach the network; that is expected offline.
//
//   node scripts/electronegativity-check.mjs            # scan the app's sources
//   node scripts/electronegativity-check.mjs --input D  # scan folder D as is (to try the gate on a sample)
//
// It scans a snapshot of package.json, src-main, src-preload and src-renderer taken into a temp folder:
// scanning the live tree also picked up test-results/ and half-rebuilt out/ files from parallel runs,
// which made the result change from run to run. The full CSV is kept in reports/electronegativity.csv.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const inputArg = args.indexOf('--input');
const csvFile = join(root, 'reports', 'electronegativity.csv');
const SCANNED = ['package.json', 'src-main', 'src-preload', 'src-renderer'];

let input;
let snapshot = null;
if (inputArg >= 0) input = resolve(args[inputArg + 1] ?? '.');
else {
  snapshot = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  for (const p of SCANNED) if (existsSync(join(root, p))) cpSync(join(root, p), join(snapshot, p), { recursive: true });
  input = snapshot;
  process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));
}

/**
 * Findings reviewed by hand and accepted, keyed by check and file (relative to the scanned folder).
 * Each needs a reason; an entry that no longer matches anything is reported so the list stays honest.
 */
const REVIEWED = [
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'src-main/shell/window.ts',
    why: 'Reviewed: the sandboxed, context-isolated preload exposes only the contract methods (src-preload/build-api.ts), never ipcRenderer; the check fires on any preload.',
  },
];

const SEVERE = new Set(['HIGH', 'MEDIUM']);

const bin = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity',
);
if (!existsSync(bin)) {
  console.error('electronegativity is not installed: npm install -D @doyensec/electronegativity@1.10.3');
  process.exit(2);
}
mkdirSync(dirname(csvFile), { recursive: true });
// The tool writes its CSV to a private folder first: reports/ is shared with other runs.
const work = mkdtempSync(join(tmpdir(), 'electronegativity-out-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const ownCsv = join(work, 'electronegativity.csv');

// Seen here a few times in dozens of runs: the tool returned no findings at all, not even the ones that are
// always there (our preload). A scan missing a reviewed finding is treated as incomplete and run again;
// if it stays incomplete the check fails below.
let findings = scan();
for (
  let attempt = 2;
  attempt <= 3 && snapshot && REVIEWED.some((e) => !findings.some((f) => matches(e, f)));
  attempt++
) {
  console.log(
    `electronegativity returned an incomplete result (a reviewed finding is missing); scanning again (${attempt}/3)`,
  );
  findings = scan();
}
copyFileSync(ownCsv, csvFile);

function scan() {
  rmSync(ownCsv, { force: true });
  const run = spawnSync(bin, ['-i', input, '-r', '-o', ownCsv], {
    cwd: input,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0 || !existsSync(ownCsv)) {
    process.stderr.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? '');
    console.error(`electronegativity did not run (exit ${run.status ?? run.signal})`);
    process.exit(2);
  }
  if (run.stderr?.trim()) process.stderr.write(run.stderr); // e.g. files it could not parse
  const rows = parseCsv(readFileSync(ownCsv, 'utf8'));
  const header = (rows.shift() ?? []).map((h) => h.trim());
  const col = (name) => header.indexOf(name);
  for (const name of ['issue', 'severity', 'confidence', 'filename', 'location', 'description']) {
    if (col(name) < 0) {
      console.error(`Unexpected CSV from electronegativity: no "${name}" column (got: ${header.join(', ')})`);
      process.exit(2);
    }
  }
  return rows
    .filter((r) => r.length >= header.length)
    .map((r) => ({
      check: r[col('issue')],
      severity: r[col('severity')],
      confidence: r[col('confidence')],
      file: normalise(r[col('filename')]),
      location: r[col('location')],
      description: r[col('description')],
    }));
}

function matches(entry, f) {
  return entry.check === f.check && entry.file === f.file;
}

const used = new Set();
const accepted = [];
const failing = [];
for (const f of findings) {
  if (!SEVERE.has(f.severity)) continue;
  const entry = REVIEWED.find((e) => matches(e, f));
  if (entry) {
    used.add(entry);
    accepted.push({ ...f, why: entry.why });
  } else failing.push(f);
}

const bySeverity = {};
for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
console.log(
  `electronegativity: ${findings.length} finding(s) (${
    Object.entries(bySeverity)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ') || 'none'
  }); full list in ${relative(root, csvFile)}`,
);
for (const f of findings.filter((x) => !SEVERE.has(x.severity)))
  console.log(`  note  ${f.severity.padEnd(6)} ${f.check} ${f.file} ${f.location}: ${f.description}`);
for (const f of accepted)
  console.log(`  reviewed ${f.severity.padEnd(6)} ${f.check} ${f.file} ${f.location}: ${f.why}`);
// A reviewed finding that vanished means either the code changed (drop the entry) or the scan silently
// missed files: both need a look, so it fails too (only when scanning the app itself).
const stale = snapshot ? REVIEWED.filter((x) => !used.has(x)) : [];
for (const e of stale)
  console.error(`  reviewed entry matches nothing now (code changed, or the scan missed files): ${e.check} ${e.file}`);

if (failing.length > 0 || stale.length > 0) {
  if (failing.length > 0) console.error(`\n${failing.length} HIGH/MEDIUM finding(s) to fix:`);
  for (const f of failing)
    console.error(
      `  ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.check} ${f.file} ${f.location}: ${f.description}`,
    );
  process.exit(1);
}
console.log('electronegativity: no unreviewed HIGH or MEDIUM findings');

/** Paths as the tool prints them (relative with -r; global checks say N/A), with forward slashes. */
function normalise(p) {
  const s = (p ?? '').trim().replaceAll('\\', '/');
  if (s.startsWith('/')) return relative(input, s).replaceAll('\\', '/');
  return s.replace(/^\.\//, '');
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text) {
  const out = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((x) => x !== '')) out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((x) => x !== '')) out.push(row);
  return out;
}
