import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { call } from '../helpers/core';
import {
  connectForPayslips,
  folder,
  inSendOrder,
  payslipCore,
  payslipsFor,
  startPayslipVendor,
  VENDORS,
  type PayslipVendor,
} from './payslips-vendors';

let core: Core | null = null;
let vendor: PayslipVendor | null = null;
afterEach(async () => {
  await core?.close();
  await vendor?.fake.close();
  core = null;
  vendor = null;
});

async function payslips(provider: (typeof VENDORS)[number], count = 4) {
  vendor = await startPayslipVendor(provider);
  core = payslipCore();
  const companyId = await connectForPayslips(core, vendor);
  const files = payslipsFor(vendor.staff.slice(0, count));
  return { v: vendor, c: core, companyId, dir: folder(files), names: inSendOrder(Object.keys(files)) };
}

/** How many copies of each file the HR system holds. */
const copies = (v: PayslipVendor) => {
  const out: Record<string, number> = {};
  for (const a of v.arrived()) out[a.name] = (out[a.name] ?? 0) + 1;
  return out;
};

describe.each(VENDORS)('payslips into %s when something goes wrong mid-run', (provider) => {
  it('a server error on the 3rd upload: that file is recorded as failed, the others delivered, and a retry sends only it', async () => {
    const { v, c, companyId, dir, names } = await payslips(provider);
    const third = names[2]!;
    v.onUpload((n) => {
      if (n === 2) v.fake.faults.serverError = { count: 1, status: 503, paths: [v.uploadPath] };
    });
    const first = await call(c, 'payslips.send', { companyId, payDate: '2026-03-31', dir, categoryId: v.category.id });
    expect(first.counts).toMatchObject({ delivered: 3, failed: 1, unknown: 0 });
    expect(first.results.find((r) => r.file === third)).toMatchObject({
      status: 'failed',
      error: { code: 'HR_ERROR' },
      message: expect.stringMatching(/^Not delivered: .*503/),
    });
    expect(Object.keys(copies(v)).sort()).toEqual(names.filter((n) => n !== third).sort());

    const history = await call(c, 'payslips.history', { companyId, payDate: '2026-03-31' });
    expect(history.map((h) => [h.file, h.status]).sort()).toEqual(
      names.map((n) => [n, n === third ? 'failed' : 'delivered']).sort(),
    );

    v.onUpload(undefined);
    const retry = await call(c, 'payslips.retry', { companyId, payDate: '2026-03-31' });
    expect(retry.results.map((r) => [r.file, r.status])).toEqual([[third, 'delivered']]);
    expect(copies(v)).toEqual(Object.fromEntries(names.map((n) => [n, 1])));
    expect(v.arrived().find((a) => a.name === third)?.category).toBe(v.category.id);
  });

  it('a dropped connection on the 3rd upload is recorded as "may or may not have arrived", and sending again delivers it exactly once', async () => {
    const { v, c, companyId, dir, names } = await payslips(provider);
    const third = names[2]!;
    v.onUpload((n) => {
      if (n === 2) v.fake.faults.dropConnection = { count: 1, paths: [v.uploadPath] };
    });
    const first = await call(c, 'payslips.send', { companyId, payDate: '2026-03-31', dir, categoryId: v.category.id });
    expect(first.counts).toMatchObject({ delivered: 3, unknown: 1, failed: 0 });
    const lost = first.results.find((r) => r.file === third)!;
    expect(lost.status).toBe('unknown');
    expect(lost.message).toMatch(/may or may not have arrived/);

    v.onUpload(undefined);
    const again = await call(c, 'payslips.send', { companyId, payDate: '2026-03-31', dir, categoryId: v.category.id });
    expect(again.counts).toMatchObject({ delivered: 1, alreadyDelivered: 3 });
    expect(copies(v)).toEqual(Object.fromEntries(names.map((n) => [n, 1])));
    if (provider === 'personio')
      expect(again.results.find((r) => r.file === third)!.message).toMatch(
        /cannot show whether the earlier attempt arrived/,
      );
  });

  it('a credential without document rights stops the run at once with FORBIDDEN and how to grant it', async () => {
    vendor = await startPayslipVendor(
      provider,
      provider === 'humaans' ? { scopes: ['public:read', 'private:read', 'documents:read'] } : {},
    );
    core = payslipCore();
    const companyId = await connectForPayslips(core, vendor);
    const dir = folder(payslipsFor(vendor.staff.slice(0, 3)));
    if (provider === 'personio') vendor.fake.faults.missingPermissions = ['documents'];
    if (provider === 'peoplehr') vendor.fake.faults.missingPermissions = ['UploadEmployeeDocument'];
    const r = await core.invoke('payslips.send', {
      companyId,
      payDate: '2026-03-31',
      dir,
      categoryId: vendor.category.id,
    });
    if (provider === 'personio') {
      // Personio refuses already when the categories are listed: nothing is attempted.
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error).toMatchObject({
          code: 'FORBIDDEN',
          details: { howToGrant: expect.stringContaining('Documents') },
        });
    } else {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.counts).toMatchObject({ failed: 1, notSent: 2, delivered: 0 });
      expect(r.value.results[0]!.error).toMatchObject({
        code: 'FORBIDDEN',
        details: { howToGrant: expect.any(String) },
      });
      expect(r.value.results.slice(1).every((x) => x.message.startsWith('Not sent:'))).toBe(true);
    }
    expect(vendor.arrived()).toHaveLength(0);
  });
});

describe('an upload whose answer is lost after the HR system kept it', () => {
  it.each(['peoplehr', 'humaans'] as const)(
    '%s: a timeout is resolved from the HR system’s document list, so sending again does not upload a second copy',
    async (provider) => {
      const { v, c, companyId, dir, names } = await payslips(provider, 3);
      const last = names[2]!;
      // The 3rd document is filed, but the answer comes after the client has given up (800 ms).
      v.beforeFiling(2, () => void (v.fake.faults.slowMs = 1100));
      const first = await call(c, 'payslips.send', {
        companyId,
        payDate: '2026-03-31',
        dir,
        categoryId: v.category.id,
      });
      expect(first.counts).toMatchObject({ delivered: 2, unknown: 1 });
      expect(first.results.find((r) => r.file === last)!.message).toMatch(/no answer came back/);
      await vi.waitFor(() => expect(v.arrived()).toHaveLength(3), { timeout: 3000, interval: 50 });
      v.fake.faults.slowMs = 0;
      const logBefore = v.fake.log.length;

      const again = await call(c, 'payslips.send', {
        companyId,
        payDate: '2026-03-31',
        dir,
        categoryId: v.category.id,
      });
      expect(again.results.map((r) => r.status)).toEqual(['alreadyDelivered', 'alreadyDelivered', 'delivered']);
      expect(again.results[2]!.message).toMatch(/already had it/);
      expect(copies(v)).toEqual(Object.fromEntries(names.map((n) => [n, 1])));
      // Only the document list was asked; nothing was uploaded again.
      const after = v.fake.log.slice(logBefore);
      if (provider === 'peoplehr') {
        expect(after.map((e) => (JSON.parse(e.body) as { Action: string }).Action)).toEqual(['GetAllDocument']);
      } else {
        expect(after.filter((e) => e.method !== 'GET')).toEqual([]);
        expect(after.map((e) => e.path)).toContain('/api/documents');
      }
      const history = await call(c, 'payslips.history', { companyId, payDate: '2026-03-31' });
      expect(history.filter((h) => h.file === last).map((h) => h.status)).toEqual(['delivered', 'unknown']);
    },
  );
});

describe('PeopleHR "Oops! Something went wrong." after an upload', () => {
  it('is treated as "may have arrived": the next send looks in GetAllDocument first, then uploads only what is missing', async () => {
    const { v, c, companyId, dir, names } = await payslips('peoplehr', 2);
    const quirks = (v.fake as unknown as { quirks: { serverFaults?: { count: number } } }).quirks;
    v.onUpload((n) => {
      if (n === 1) quirks.serverFaults = { count: 1 };
    });
    const first = await call(c, 'payslips.send', { companyId, payDate: '2026-03-31', dir, categoryId: v.category.id });
    expect(first.results.map((r) => r.status)).toEqual(['delivered', 'unknown']);
    expect(first.results[1]!.message).toMatch(/reported a fault of its own.*may or may not have arrived/);
    v.onUpload(undefined);
    const logBefore = v.fake.log.length;

    const again = await call(c, 'payslips.send', { companyId, payDate: '2026-03-31', dir, categoryId: v.category.id });
    expect(again.results.map((r) => r.status)).toEqual(['alreadyDelivered', 'delivered']);
    const actions = v.fake.log.slice(logBefore).map((e) => (JSON.parse(e.body) as { Action: string }).Action);
    expect(actions).toEqual(['GetAllDocument', 'UploadEmployeeDocument']);
    expect(copies(v)).toEqual(Object.fromEntries(names.map((n) => [n, 1])));
  });
});
