import { describe, expect, it } from 'vitest';
import type { EmployeeState } from '../../src-main/contract/payroll';
import {
  employeeStateFromHr,
  nextEmployeeState,
  type StateDecision,
  type StateInput,
} from '../../src-main/core/payroll/state';

describe('active or leaver, from the HR record', () => {
  it.each<[boolean, string | null, 'active' | 'leaver']>([
    [false, null, 'active'],
    [true, null, 'leaver'],
    [true, '2027-01-31', 'leaver'], // the HR system's own signal wins
    [false, '2026-10-31', 'leaver'],
    [false, '2026-11-01', 'leaver'], // on today
    [false, '2026-11-02', 'active'],
  ])('isLeaver %s, leave date %s → %s', (isLeaver, leaveDate, state) => {
    expect(employeeStateFromHr(isLeaver, leaveDate, '2026-11-01')).toBe(state);
  });
});

describe('what a sync does with each employee', () => {
  const base: StateInput = { stored: null, seen: true, fetchComplete: true, included: true, hrState: 'active' };

  it.each<[string, Partial<StateInput>, StateDecision]>([
    ['a new starter the filters include is created', {}, { action: 'write', state: 'active' }],
    [
      'a new person who already left is created as a leaver',
      { hrState: 'leaver' },
      { action: 'write', state: 'leaver' },
    ],
    ['a new person the filters exclude is not created', { included: false }, { action: 'skip' }],
    ['a synced employee is updated', { stored: 'active' }, { action: 'write', state: 'active' }],
    [
      'a synced employee who left becomes a leaver',
      { stored: 'active', hrState: 'leaver' },
      { action: 'write', state: 'leaver' },
    ],
    [
      'a synced employee the filters now exclude is kept as it was',
      { stored: 'active', included: false },
      { action: 'keep', state: 'excluded' },
    ],
    [
      'a leaver the filters now exclude is kept as excluded',
      { stored: 'leaver', included: false },
      { action: 'keep', state: 'excluded' },
    ],
    [
      'an excluded employee the filters include again is updated',
      { stored: 'excluded' },
      { action: 'write', state: 'active' },
    ],
    ['a missing employee who reappears is updated', { stored: 'missing' }, { action: 'write', state: 'active' }],
    [
      'a synced employee absent from a complete fetch is missing',
      { stored: 'active', seen: false },
      { action: 'keep', state: 'missing' },
    ],
    [
      'an excluded employee absent from a complete fetch is missing',
      { stored: 'excluded', seen: false },
      { action: 'keep', state: 'missing' },
    ],
  ])('%s', (_name, change, decision) => {
    expect(nextEmployeeState({ ...base, ...change })).toEqual(decision);
  });

  it.each<EmployeeState>(['active', 'leaver', 'excluded', 'missing'])(
    'a fetch that was cut short never changes the state of an unseen %s employee',
    (stored) => {
      expect(nextEmployeeState({ ...base, stored, seen: false, fetchComplete: false })).toEqual({
        action: 'keep',
        state: stored,
      });
    },
  );
});
