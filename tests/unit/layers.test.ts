import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of architecture.md, checked by doing: each case is one import that breaks a rule,
 * linted as if it were in that folder. `npm test` runs ESLint over the real tree too.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function lint(filePath: string, code: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath });
  return (res?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    [
      'the core importing electron',
      'src-main/core/sync/x.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
    ],
    [
      'the core importing electron-store',
      'src-main/core/x.ts',
      "import Store from 'electron-store';\nexport const s = Store;\n",
    ],
    [
      'the core importing the shell',
      'src-main/core/x.ts',
      "import { bindContract } from '../shell/ipc';\nexport const b = bindContract;\n",
    ],
    [
      'the contract importing node',
      'src-main/contract/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    ],
    [
      'the contract importing the core',
      'src-main/contract/x.ts',
      "import { createCore } from '../core/app';\nexport const c = createCore;\n",
    ],
    [
      'the renderer importing the core',
      'src-renderer/features/x.ts',
      "import { createCore } from '../../src-main/core/app';\nexport const c = createCore;\n",
    ],
    [
      'the renderer importing electron',
      'src-renderer/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
    ],
    [
      'the preload importing the core',
      'src-preload/x.ts',
      "import { createCore } from '../src-main/core/app';\nexport const c = createCore;\n",
    ],
  ])('fails lint: %s', async (_name, file, code) => {
    expect(await lint(file, code)).not.toHaveLength(0);
  });

  it.each([
    [
      'the renderer importing the contract',
      'src-renderer/features/x.ts',
      "import { commands } from '../../src-main/contract/index';\nexport const c = commands;\n",
    ],
    [
      'the preload importing the contract and electron',
      'src-preload/x.ts',
      "import { ipcRenderer } from 'electron';\nimport { commands } from '../src-main/contract/index';\nexport const c = [commands, ipcRenderer];\n",
    ],
    [
      'the shell importing electron and the core',
      'src-main/shell/x.ts',
      "import { app } from 'electron';\nimport { createCore } from '../core/app';\nexport const c = [app, createCore];\n",
    ],
  ])('allows: %s', async (_name, file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });

  it('the whole core, CLI and browser-mode server load without Electron (electron is aliased to a module that throws)', async () => {
    const core = await import('../../src-main/core/app');
    const cli = await import('../../src-main/cli/commands');
    const web = await import('../../src-main/web/server');
    expect(typeof core.createCore).toBe('function');
    expect(typeof cli.runCommand).toBe('function');
    expect(typeof web.startWebServer).toBe('function');
  });
});
