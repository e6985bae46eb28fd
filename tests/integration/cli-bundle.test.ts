import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleCli } from '../../scripts/cli-bundle';
import { USAGE } from '../../src-main/cli/args';
import { WORKER_BUNDLE_NAME } from '../../src-main/core/hr/peoplehr/list-thread';

/**
 * The command line as it ships: one CommonJS bundle run with plain node (scripts/cli-bundle.ts), and
 * `npm run cli` (scripts/cli.mjs), which runs that bundle and builds it first when it is missing or stale.
 */
const ROOT = resolve(__dirname, '..', '..');

interface Result {
  code: number | null;
  out: string;
  err: string;
}

function run(cmd: string, args: string[], cwd = ROOT): Promise<Result> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('BUREAU_SYNC_')) env[k] = v;
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
  });
}

const dirs: string[] = [];
const tempDir = (prefix: string, under = tmpdir()) => {
  mkdirSync(under, { recursive: true });
  const d = mkdtempSync(join(under, prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the CLI bundle', () => {
  let bundle = '';
  beforeAll(async () => {
    // Inside the project, so the packages it leaves external resolve from node_modules as out/cli's do.
    bundle = await bundleCli(ROOT, tempDir('cli-bundle-', join(ROOT, 'node_modules', '.cache')));
  });

  it('is one file with the PeopleHR list thread script beside it', () => {
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(join(bundle, '..', WORKER_BUNDLE_NAME))).toBe(true);
  });

  it('runs the CLI when started with node (require.main survives bundling): --help prints the usage, exit 0', async () => {
    const r = await run(process.execPath, [bundle, '--help']);
    expect(r).toEqual({ code: 0, out: USAGE, err: '' });
  });

  it('companies list --json on an empty data folder prints [] and nothing else, exit 0', async () => {
    const r = await run(process.execPath, [
      bundle,
      'companies',
      'list',
      '--json',
      '--data-dir',
      tempDir('cli-bundle-data-'),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.out.trim()).toBe('[]');
    expect(r.err).toBe('');
  });
});

describe('npm run cli', () => {
  it('a command it does not know: exit 2, the message on stderr, nothing on stdout', async () => {
    const r = await run('npm', [
      'run',
      '--silent',
      'cli',
      '--',
      'nosuchcommand',
      '--data-dir',
      tempDir('cli-npm-data-'),
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/Unknown command "nosuchcommand"/);
  });

  it('builds the bundle when it is missing or older than the source, saying so on stderr only; a broken source exits 2', async () => {
    // A copy of what the bundle is made from, so this test's builds touch nothing of the working tree's.
    const copy = tempDir('cli-npm-copy-');
    for (const part of ['src-main', 'scripts', 'package.json', 'tsconfig.json'])
      cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const cli = (...args: string[]) => run(process.execPath, [join(copy, 'scripts', 'cli.mjs'), ...args], copy);

    const built = await cli('--help');
    expect(built).toMatchObject({ code: 0, out: USAGE });
    expect(built.err).toMatch(/^Building the command line \(out\/cli\/index\.js\): it is not built yet/);
    expect(existsSync(join(copy, 'out', 'cli', WORKER_BUNDLE_NAME))).toBe(true);

    expect(await cli('--help')).toEqual({ code: 0, out: USAGE, err: '' });

    const edited = join(copy, 'src-main', 'cli', 'index.ts');
    const later = new Date(Date.now() + 5000);
    utimesSync(edited, later, later);
    const rebuilt = await cli('--help');
    expect(rebuilt).toMatchObject({ code: 0, out: USAGE });
    expect(rebuilt.err).toMatch(/the source changed since it was built/);

    writeFileSync(join(copy, 'src-main', 'cli', 'args.ts'), 'export const broken: number = ;\n');
    const broken = await cli('--help');
    expect(broken.code).toBe(2);
    expect(broken.out).toBe('');
    expect(broken.err).toMatch(/could not be built/);
  });
});
