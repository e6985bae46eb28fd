// First `npm start` on a bureau's machine: make sure the desktop runtime is ready, without touching what
// the tests use.
//  1. Download Electron's binary if it is not there yet (npm install skips it, so installs work offline).
//  2. Build better-sqlite3 for Electron's ABI into .electron-native/ (a copy of the package, so the
//     Node build in node_modules/better-sqlite3 that the tests, CLI and browser mode load stays as it is).
//     The desktop app opens its database with better-sqlite3's `nativeBinding` pointing at this file.
// Both need the internet once; later starts skip them (a stamp records the Electron version).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary, electronVersion } from './electron-binary.mjs';

const root = process.cwd();
const outDir = join(root, '.electron-native');
const addon = join(outDir, 'better_sqlite3.node');
const stamp = join(outDir, 'stamp.json');
const version = electronVersion(root);

function fail(msg) {
  console.error(
    `\nBureau Sync could not prepare the desktop app: ${msg}\nBrowser mode works without this step: npm run start:web\n`,
  );
  process.exit(1);
}

if (!electronBinary(root)) {
  console.log(`First start: downloading Electron ${version} (once)…`);
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { stdio: 'inherit' });
  } catch {
    fail('downloading Electron failed. Check the internet connection and run `npm start` again.');
  }
}

const current = existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')) : null;
if (existsSync(addon) && current?.electron === version) process.exit(0);

console.log(`First start: preparing the database engine for Electron ${version} (once, about a minute)…`);
const work = join(outDir, 'build-better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
});
// npm exports `nodedir` to child processes; it would silently build against Node's headers (wrong ABI).
const env = { ...process.env };
for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k];
const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
try {
  execFileSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', process.arch], {
    cwd: work,
    env,
    stdio: 'inherit',
  });
} catch {
  try {
    const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const bin = existsSync(gyp) ? gyp : 'node-gyp';
    execFileSync(
      process.execPath,
      [
        bin,
        'rebuild',
        '--release',
        `--target=${version}`,
        '--dist-url=https://electronjs.org/headers',
        `--arch=${process.arch}`,
      ],
      { cwd: work, env, stdio: 'inherit' },
    );
  } catch {
    fail(
      'building better-sqlite3 for Electron failed (it needs the internet once, and on Windows the Visual Studio Build Tools).',
    );
  }
}
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), addon);
rmSync(work, { recursive: true, force: true });
writeFileSync(stamp, JSON.stringify({ electron: version, at: new Date().toISOString() }));
console.log('Ready.');
