import { AppError } from '../../errors';
import type { CredentialCheck } from '../types';
import { labelFor } from './catalogue';
import { howToGrantAttributes } from './howto';
import { listResponseSchema, type PersonioAttribute } from './schemas';
import type { PersonioSession } from './session';

/**
 * "Test connection": tells apart wrong credentials (AUTH_FAILED, from signing in), a credential that may
 * not read employees or an attribute the sync cannot do without (FORBIDDEN, naming them in Personio's
 * words), and a credential that works but misses useful attributes (warnings). Personio simply leaves
 * out attributes a credential may not read, so what is readable is learnt from the attributes endpoint
 * and a sample record together.
 */
export const DEFAULT_REQUIRED_ATTRIBUTES = ['first_name', 'last_name', 'status'];
export const DEFAULT_RECOMMENDED_ATTRIBUTES = [
  'email',
  'gender',
  'hire_date',
  'termination_date',
  'position',
  'department',
];

export interface CheckDeps {
  session: PersonioSession;
  required: string[];
  recommended: string[];
  /** The attributes endpoint's list, or null when Personio does not offer it to this credential. */
  loadAttributes(signal?: AbortSignal): Promise<PersonioAttribute[] | null>;
}

function names(keys: string[]): string[] {
  return keys.map(labelFor);
}

export async function checkPersonioCredentials(deps: CheckDeps, signal?: AbortSignal): Promise<CredentialCheck> {
  await deps.session.currentToken(signal);
  const attributes = await deps.loadAttributes(signal);
  // Also proves the credential may list employees (a 403 here is FORBIDDEN "Employees: Read").
  const page = listResponseSchema.safeParse(
    await deps.session.get('/v1/company/employees', { limit: 1, offset: 0 }, 'list', signal),
  );
  const sample = page.success ? page.data.data : [];

  const readable = new Set<string>(['id']);
  for (const a of attributes ?? []) readable.add(a.key);
  for (const r of sample) for (const k of Object.keys(r.attributes)) readable.add(k);
  const warnings: string[] = [];

  if (attributes === null && sample.length === 0) {
    warnings.push(
      'Personio has no employees yet and did not list which attributes this credential may read, so Bureau Sync could not check its permissions. Check again once people are added in Personio.',
    );
    return {
      warnings,
      canReadSalaries: false,
      salaryReason: 'Bureau Sync could not yet check whether this Personio credential may read salaries.',
    };
  }

  const missing = deps.required.filter((k) => !readable.has(k));
  if (missing.length > 0) {
    const labels = names(missing);
    throw new AppError(
      'FORBIDDEN',
      `Personio accepted the client ID and secret, but this API credential may not read ${labels.map((l) => `"${l}"`).join(', ')}, which Bureau Sync needs to sync people and spot leavers.`,
      {
        permission: `Readable employee attributes: ${labels.join(', ')}`,
        missingAttributes: missing,
        howToGrant: howToGrantAttributes(labels),
      },
    );
  }

  const missingRecommended = deps.recommended.filter((k) => !readable.has(k));
  if (missingRecommended.length > 0) {
    const labels = names(missingRecommended);
    warnings.push(
      `This Personio credential may not read ${labels.join(', ')}, so those fields cannot be synced. ${howToGrantAttributes(labels)}`,
    );
  }
  if (![...readable].some((k) => k.startsWith('dynamic_'))) {
    warnings.push(
      'This Personio credential may not read any custom attributes. UK payroll details (date of birth, address, NI number, tax code, bank details) are usually kept in custom attributes in Personio. ' +
        howToGrantAttributes(['the custom attributes that hold them']),
    );
  }

  const canReadSalaries = readable.has('fix_salary') || readable.has('hourly_salary');
  if (canReadSalaries && readable.has('fix_salary') && !readable.has('fix_salary_interval')) {
    warnings.push(
      `This Personio credential may read "Fix salary" but not "Salary interval", so Bureau Sync cannot tell a monthly amount from a yearly one. ${howToGrantAttributes(['Salary interval'])}`,
    );
  }
  return canReadSalaries
    ? { warnings, canReadSalaries }
    : {
        warnings,
        canReadSalaries,
        salaryReason: `This Personio API credential may not read "Fix salary" or "Hourly salary". To sync salaries: ${howToGrantAttributes(['Fix salary', 'Salary interval'])}`,
      };
}
