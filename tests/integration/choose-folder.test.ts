import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/app';
import { MemorySecretStore } from '../../src-main/core/secrets/file-secret-store';
import { call, makeCore } from '../helpers/core';

describe('choosing a folder (payslips)', () => {
  it('browser mode has no folder dialog and says to type the path', async () => {
    const core = makeCore();
    expect((await call(core, 'app.info', {})).canChooseFolder).toBe(false);
    const r = await core.invoke('app.chooseFolder', {});
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    expect(!r.ok && r.error.message).toMatch(/type or paste the folder/i);
    await core.close();
  });

  it('the desktop app answers with the folder picked in the system dialog, or null when cancelled', async () => {
    const picks: Array<string | null> = ['/Users/sam/Payslips/March', null];
    const titles: string[] = [];
    const core = createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'bureau-folder-')),
      secrets: new MemorySecretStore(),
      mode: 'desktop',
      chooseFolder: async (title) => {
        titles.push(title);
        return picks.shift() ?? null;
      },
    });
    expect((await call(core, 'app.info', {})).canChooseFolder).toBe(true);
    expect(await call(core, 'app.chooseFolder', { title: 'Choose the payslips' })).toEqual({
      path: '/Users/sam/Payslips/March',
    });
    expect(await call(core, 'app.chooseFolder', {})).toEqual({ path: null });
    expect(titles).toEqual(['Choose the payslips', 'Choose a folder']);
    await core.close();
  });
});
