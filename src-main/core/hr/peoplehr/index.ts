export {
  createPeopleHRClient,
  PEOPLEHR_CALLS_PER_MINUTE,
  PEOPLEHR_DEFAULT_BASE_URL,
  type PeopleHRApiColumn,
  type PeopleHRClientOptions,
} from './client';
export { peoplehrSuggestedMapping } from './suggest';
export { peoplehrHowToCreateCredentials } from './howto';
export { flattenEmployee, splitAddress } from './flatten';
export { buildCatalogue } from './catalogue';
