import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/index';
import type { PayslipSendResult } from '../../src-main/contract/payslips';
import { call } from '../helpers/core';
import {
  connectForPayslips,
  folder,
  inSendOrder,
  payslipCore,
  payslipsFor,
  pdf,
  startPayslipVendor,
  VENDORS,
  type PayslipVendor,
} from './payslips-vendors';

// The CLI builds its own core with production settings; PeopleHR's 2-second pacing is lifted for tests.
vi.mock('../../src-main/core/hr/peoplehr/client', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src-main/core/hr/peoplehr/client')>();
  return {
    ...m,
    createPeopleHRClient: (o: Parameters<typeof m.createPeopleHRClient>[0]) =>
      m.createPeopleHRClient({ callsPerMinute: 60_000, ...o }),
  };
});

async function cli(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main([...args, '--data-dir', dataDir]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

let vendor: PayslipVendor | null = null;
afterEach(async () => {
  await vendor?.fake.close();
  vendor = null;
});

/** A company connected and switched on through the contract; the CLI then works on the same data folder. */
async function prepared(provider: (typeof VENDORS)[number], sendPayslips = true) {
  vendor = await startPayslipVendor(provider);
  const dataDir = mkdtempSync(join(tmpdir(), 'payslips-cli-'));
  const core = payslipCore(dataDir);
  try {
    return { v: vendor, dataDir, companyId: await connectForPayslips(core, vendor, sendPayslips) };
  } finally {
    await core.close();
  }
}

describe.each(VENDORS)('payslips send on the command line (%s)', (provider) => {
  it('exits 0 when every payslip is delivered, and 0 again (sending nothing) when run twice', async () => {
    const { v, dataDir, companyId } = await prepared(provider);
    const files = payslipsFor(v.staff.slice(0, 3));
    const dir = folder({ ...files, 'notes.txt': 'not a payslip' });
    const args = [
      'payslips',
      'send',
      '--company',
      companyId,
      '--date',
      '2026-03-31',
      '--dir',
      dir,
      '--category',
      v.category.id,
    ];

    const first = await cli(dataDir, ...args, '--json');
    expect(first.code).toBe(0);
    const res = JSON.parse(first.out) as PayslipSendResult;
    expect(res.counts).toMatchObject({ delivered: 3, notSent: 1, failed: 0 });
    expect(
      v
        .arrived()
        .map((a) => a.name)
        .sort(),
    ).toEqual(Object.keys(files).sort());

    const second = await cli(dataDir, ...args);
    expect(second.code).toBe(0);
    expect(second.out).toContain('0 delivered, 3 already delivered, 0 failed');
    expect(v.arrived()).toHaveLength(3);
  });

  it('exits 1 when a payslip failed, names it, and `payslips retry` then delivers only that one', async () => {
    const { v, dataDir, companyId } = await prepared(provider);
    const files = payslipsFor(v.staff.slice(0, 3));
    const second = inSendOrder(Object.keys(files))[1]!;
    v.onUpload((n) => {
      if (n === 1) v.fake.faults.serverError = { count: 1, status: 500, paths: [v.uploadPath] };
    });
    const r = await cli(
      dataDir,
      'payslips',
      'send',
      '--company',
      companyId,
      '--date',
      '2026-03-31',
      '--dir',
      folder(files),
      '--category',
      v.category.id,
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`FAILED\\s+${second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Not delivered`));
    v.onUpload(undefined);
    const retry = await cli(dataDir, 'payslips', 'retry', '--company', companyId, '--date', '2026-03-31', '--json');
    expect(retry.code).toBe(0);
    expect((JSON.parse(retry.out) as PayslipSendResult).results.map((x) => [x.file, x.status])).toEqual([
      [second, 'delivered'],
    ]);
    expect(v.arrived()).toHaveLength(3);
  });
});

describe('payslips: refusals in words, before anything is sent', () => {
  it('bad usage exits 2: a missing folder, a date that is not a date, no --dir', async () => {
    const { v, dataDir, companyId } = await prepared('personio');
    const base = ['payslips', 'send', '--company', companyId];
    const missing = await cli(
      dataDir,
      ...base,
      '--date',
      '2026-03-31',
      '--dir',
      join(tmpdir(), 'no-such-payslips-folder'),
      '--json',
    );
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toMatchObject({
      error: { code: 'VALIDATION', message: expect.stringContaining('does not exist') },
    });
    const badDate = await cli(dataDir, ...base, '--date', '2026-02-30', '--dir', folder({ 'a.pdf': pdf('a') }));
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('pay date');
    const noDir = await cli(dataDir, ...base, '--date', '2026-03-31');
    expect(noDir.code).toBe(2);
    expect(noDir.err).toContain('--dir is required');
    expect(v.arrived()).toHaveLength(0);
  });

  it('refuses with VALIDATION while “Send payslips through the HR system” is off for the company, naming the control as labelled', async () => {
    const { v, dataDir, companyId } = await prepared('peoplehr', false);
    const r = await cli(
      dataDir,
      'payslips',
      'send',
      '--company',
      companyId,
      '--date',
      '2026-03-31',
      '--dir',
      folder(payslipsFor(v.staff.slice(0, 1))),
      '--json',
    );
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining('Switch on “Send payslips through the HR system” in'),
      },
    });
    expect(v.arrived()).toHaveLength(0);
  });

  it('shows files too large for the HR system and an unknown category before sending anything', async () => {
    const { v, dataDir, companyId } = await prepared('peoplehr');
    const dir = folder({ 'E00001 big.pdf': pdf('big') });
    // PeopleHR takes at most 15 MB a document; a sparse file is that big without writing it.
    writeFileSync(join(dir, 'E00002 huge.pdf'), pdf('huge'));
    truncateSync(join(dir, 'E00002 huge.pdf'), 16 * 1024 * 1024);
    const core = payslipCore(dataDir);
    try {
      const m = await call(core, 'payslips.match', { companyId, payDate: '2026-03-31', dir });
      expect(m.files.find((f) => f.file === 'E00002 huge.pdf')).toMatchObject({
        status: 'tooLarge',
        message: expect.stringContaining('15 MB PeopleHR accepts'),
      });
      const cats = await call(core, 'payslips.categories', { companyId });
      expect(cats).toMatchObject({ suggestedId: 'Payslips', freeText: true, required: false });
    } finally {
      await core.close();
    }
    expect(v.arrived()).toHaveLength(0);
  });

  it('Personio: lists its document categories, suggests the payslip one, and refuses a category it does not have', async () => {
    const { v, dataDir, companyId } = await prepared('personio');
    const core = payslipCore(dataDir);
    try {
      const cats = await call(core, 'payslips.categories', { companyId });
      expect(cats.categories.map((c) => c.name)).toEqual(['Certificates of employment', 'Other documents', 'Payslips']);
      expect(cats).toMatchObject({ suggestedId: '7', required: true, freeText: false });
      const r = await core.invoke('payslips.send', {
        companyId,
        payDate: '2026-03-31',
        dir: folder(payslipsFor(v.staff.slice(0, 1))),
        categoryId: '99',
      });
      expect(r.ok ? null : r.error).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('"Payslips"'),
      });
    } finally {
      await core.close();
    }
    expect(v.arrived()).toHaveLength(0);
  });
});
