export const PEOPLEHR_DEFAULT_BASE_URL = 'https://api.peoplehr.net';

/** Shown by the connection wizard next to the API key box. PeopleHR's own menu words. */
export const peoplehrHowToCreateCredentials = [
  'Sign in to PeopleHR as an administrator (only administrators can create API keys).',
  'Go to Settings → API and click "+" to add a new API key; name it "Bureau Sync".',
  'Under Employee, tick "Get All Employee Detail" and "Get Employee Detail By Id".',
  'If the bureau runs payroll with salaries from PeopleHR, also tick "Get Salary Detail" under Salary.',
  'Leave the IP address restriction empty, or enter the internet address of the computer running Bureau Sync.',
  'Click Save, copy the key and paste it here.',
].join('\n');
