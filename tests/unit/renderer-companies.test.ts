import { describe, expect, it } from 'vitest';
import { neverSynced } from '../../src-renderer/features/companies/logic';

const zero = { ready: 0, pending: 0, leaver: 0, excluded: 0, missing: 0 };

describe('home page counts', () => {
  it('a company that has never synced has no counts to show (not 0 / 0)', () => {
    expect(neverSynced({ lastSuccessfulSyncAt: null, counts: zero })).toBe(true);
  });
  it('a company that synced shows its counts, even when they are all zero', () => {
    expect(neverSynced({ lastSuccessfulSyncAt: '2026-03-01T09:00:00.000Z', counts: zero })).toBe(false);
  });
  it('employees stored by a failed first sync are still counts worth showing', () => {
    expect(neverSynced({ lastSuccessfulSyncAt: null, counts: { ...zero, pending: 3 } })).toBe(false);
  });
});
