/** Humaans facts the client, the wizard and the errors share (see docs/hris/humaans.md §1). */

export const HUMAANS_DEFAULT_BASE_URL = 'https://app.humaans.io/api';

/** Humaans' own largest page size; larger `$limit`s are clamped by the server. */
export const HUMAANS_MAX_PAGE_SIZE = 250;

export const SCOPE_PUBLIC_READ = 'public:read';
/** Without it Humaans silently hides leavers, new starters, bank details and private profile fields. */
export const SCOPE_PRIVATE_READ = 'private:read';
export const SCOPE_COMPENSATIONS_READ = 'compensations:read';

const SCOPE_NAMES: Record<string, string> = {
  'public:read': 'View public data (public:read)',
  'private:read': 'View public and private data (private:read)',
  'compensations:read': 'View compensations (compensations:read)',
  'documents:read': 'View documents (documents:read)',
};

const SCOPE_PURPOSE: Record<string, string> = {
  'private:read': 'to see leavers, new starters, NI numbers, dates of birth, addresses and bank details',
  'compensations:read': 'to read salaries',
  'documents:read': 'to read documents',
  'public:read': 'to read the people list',
};

export function scopeName(scope: string): string {
  return SCOPE_NAMES[scope] ?? scope;
}

export function scopePurpose(scope: string): string {
  return SCOPE_PURPOSE[scope] ?? 'for this part of the sync';
}

/** How to give a token a scope, in the words Humaans' own screens use. */
export function howToGrantScope(scope: string): string {
  return (
    `In Humaans, open Settings → API access tokens (the menu next to your workspace name), then the token → scopes. ` +
    `Humaans shows a token only once, so generate a new token with “${scopeName(scope)}” ticked (an Owner or Admin must do this), ` +
    `and paste the new token into Bureau Sync.`
  );
}

/** Shown by the connection wizard. */
export const humaansHowToCreateCredentials = [
  'Sign in to Humaans as an Owner or Admin.',
  'Open Settings → API access tokens (the menu next to your workspace name) and click “Generate new token”.',
  'Name it “Bureau Sync”.',
  `Tick the scopes “${scopeName(SCOPE_PUBLIC_READ)}” and “${scopeName(SCOPE_PRIVATE_READ)}”; ` +
    `also tick “${scopeName(SCOPE_COMPENSATIONS_READ)}” if Bureau Sync should read salaries.`,
  'Copy the token straight away (Humaans shows it only once) and paste it here.',
  'The token sees only what the role of the person who created it may see, so create it from an Owner or Admin account.',
].join('\n');

/**
 * Requests in flight at once: different collections side by side (a whole list's related collections,
 * one person's records for "Sync now"), never two pages of one list.
 */
export const HUMAANS_MAX_CONCURRENT = 5;

/** Requests a second: Humaans publishes no limit, so Bureau Sync keeps to a modest pace of its own. */
export const HUMAANS_PER_SECOND = 10;
