import type { EmployeeState } from '../../contract/payroll';

/**
 * Employee states of payroll-fields.md. `active` / `leaver` come from the HR record itself;
 * `excluded` / `missing` depend on the filters and on whether the fetch was complete, so the sync engine
 * asks `nextEmployeeState` for those.
 */

/** A leaver when the HR system says so, or when the leave date is on or before today (UK calendar date). */
export function employeeStateFromHr(isLeaver: boolean, leaveDate: string | null, today: string): 'active' | 'leaver' {
  return isLeaver || (leaveDate !== null && leaveDate <= today) ? 'leaver' : 'active';
}

export interface StateInput {
  /** The stored state, or null when the company has no employee with this ID yet. */
  stored: EmployeeState | null;
  /** Whether this sync's fetch contained the person. */
  seen: boolean;
  /** Whether the fetch surely returned everyone (ListResult.complete). */
  fetchComplete: boolean;
  /** The filters' verdict for the person; only meaningful when seen. */
  included: boolean;
  /** evaluateEmployee's state for the person; only meaningful when seen. */
  hrState: 'active' | 'leaver';
}

export type StateDecision =
  /** Create or update the employee's payroll values and set this state. */
  | { action: 'write'; state: 'active' | 'leaver' }
  /** Keep the stored payroll values as they are; only the state changes (or stays). */
  | { action: 'keep'; state: EmployeeState }
  /** Nothing to store: a person the filters exclude who was never synced. */
  | { action: 'skip' };

/**
 * What a sync does with one employee. Nothing is ever deleted; a fetch that failed or was cut short never
 * marks anyone missing; an excluded employee is kept as it was, no longer updated.
 */
export function nextEmployeeState(input: StateInput): StateDecision {
  const { stored, seen, fetchComplete, included, hrState } = input;
  if (seen) {
    if (included) return { action: 'write', state: hrState };
    return stored === null ? { action: 'skip' } : { action: 'keep', state: 'excluded' };
  }
  if (stored === null) return { action: 'skip' };
  return { action: 'keep', state: fetchComplete ? 'missing' : stored };
}
