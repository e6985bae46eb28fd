export { createPersonioClient, type PersonioClientOptions, type PersonioCredentials } from './client';
export { personioSuggestedMapping } from './suggest';
export {
  PERSONIO_DEFAULT_BASE_URL,
  PERSONIO_RATE_LIMIT,
  PERSONIO_AUTH_RATE_LIMIT,
  PERSONIO_MAX_PAGE_SIZE,
  personioHowToCreateCredentials,
} from './howto';
export { flattenEmployee, flattenValue, normaliseDate, SALARY_KEYS as PERSONIO_SALARY_KEYS } from './flatten';
export { buildCatalogue as buildPersonioCatalogue } from './catalogue';
export {
  DEFAULT_REQUIRED_ATTRIBUTES as PERSONIO_REQUIRED_ATTRIBUTES,
  DEFAULT_RECOMMENDED_ATTRIBUTES as PERSONIO_RECOMMENDED_ATTRIBUTES,
} from './check';
