import type { RateLimit } from '../http';

export const PERSONIO_DEFAULT_BASE_URL = 'https://api.personio.de';

/** Documented limit on GET /v1/company/employees: 300 a minute, bursts of at most 15 a second. */
export const PERSONIO_RATE_LIMIT: RateLimit = { perMinute: 300, perSecond: 15, spread: true };
/** Documented limit on POST /v1/auth: 60 a minute, then a 60 s cool-down. */
export const PERSONIO_AUTH_RATE_LIMIT: RateLimit = { perMinute: 60 };
/**
 * Employee-list pages the app keeps in flight: Personio's token is meant for parallel calls, and the
 * client-side limiter still holds every call to the documented rate.
 */
export const PERSONIO_PAGES_AHEAD = 4;
/** Since 2025-01-31 Personio serves at most 100 employees a page (and silently 50 without a limit). */
export const PERSONIO_MAX_PAGE_SIZE = 100;

/** Sent on every call; Personio asks for UPPER_SNAKE_CASE and some endpoints were reported to require it. */
export const PERSONIO_APP_ID = 'BUREAU_SYNC';

export const PERSONIO_CREDENTIALS_PATH = 'Settings → Integrations → API credentials';

/** Shown by the connection wizard next to the client ID and secret boxes. */
export const personioHowToCreateCredentials = [
  `1. In Personio, go to ${PERSONIO_CREDENTIALS_PATH} (you need administrator or API access rights in Personio).`,
  '2. Click "Generate new credential". Name it "Bureau Sync" and choose "Other" in the Integration drop-down.',
  '3. Under access levels, tick "Read" for Employees. Bureau Sync only reads, so leave every "Write" box unticked.',
  '4. In "Readable employee attributes", tick at least First name, Last name, Status, Gender, Email, Hire date, ' +
    'Termination date, Position and Department, and the custom attributes that hold the UK payroll details ' +
    '(date of birth, home address, National Insurance number and category, tax code, sort code, account number). ' +
    'Tick "Fix salary" and "Salary interval" only if salaries should be synced.',
  '5. Click "Generate new credential", then copy the Client ID and the Client secret into Bureau Sync. ' +
    'Personio shows the secret only once; if it is lost, generate a new credential.',
].join('\n');

/** How to let an existing credential read more attributes, in Personio's own words. */
export function howToGrantAttributes(labels: string[]): string {
  return (
    `In Personio go to ${PERSONIO_CREDENTIALS_PATH}, open the credential Bureau Sync uses, and under ` +
    `"Readable employee attributes" tick ${labels.map((l) => `"${l}"`).join(', ')}. Save; the client ID and secret stay the same.`
  );
}

export const HOW_TO_GRANT_EMPLOYEE_READ =
  `In Personio go to ${PERSONIO_CREDENTIALS_PATH}, open the credential Bureau Sync uses, tick "Read" for Employees ` +
  'and choose its "Readable employee attributes". Save; the client ID and secret stay the same.';
