import { describe, expect, it } from 'vitest';
import { personSchema } from '../../src-main/core/hr/humaans/schemas';

// A person from Humaans is checked for the fields the sync relies on and otherwise kept exactly as sent: every
// other field can be mapped, so none may be dropped, and nothing is copied for the check.
describe('Humaans person schema', () => {
  it('keeps the very object Humaans sent, every field included', () => {
    const person = { id: 'p1', status: 'active', firstName: 'Kelsey', customThing: { nested: [1, 2] }, endDate: null };
    const parsed = personSchema.safeParse(person);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toBe(person);
  });

  it('refuses a person without an id, or whose leaver fields are not text', () => {
    expect(personSchema.safeParse({ status: 'active' }).success).toBe(false);
    expect(personSchema.safeParse({ id: '', status: 'active' }).success).toBe(false);
    expect(personSchema.safeParse({ id: 'p1', status: 3 }).success).toBe(false);
    expect(personSchema.safeParse({ id: 'p1', employmentEndDate: { date: '2026-01-01' } }).success).toBe(false);
    expect(personSchema.safeParse(null).success).toBe(false);
    expect(personSchema.safeParse([{ id: 'p1' }]).success).toBe(false);
  });
});
