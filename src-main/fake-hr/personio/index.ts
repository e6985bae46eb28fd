export { startFakePersonio, type RunningFakePersonio } from './server';
export {
  PERSONIO_FAKE_CREDENTIALS,
  FAKE_PERSONIO_CREDENTIALS,
  FIRST_ID as FAKE_PERSONIO_FIRST_ID,
  type FakePersonioCredentials,
  type FakePersonioOptions,
} from './state';
export { DEFAULT_CUSTOM_ATTRIBUTES, STANDARD_ATTRIBUTES, SALARY_KEYS, type FakeCustomAttribute } from './attributes';
export { NO_EMPLOYEE_ACCESS } from './employee-routes';
export { statusOf as fakePersonioStatusOf } from './payload';
export {
  NO_DOCUMENT_ACCESS,
  DEFAULT_DOCUMENT_CATEGORIES,
  type FakePersonioDocument,
  type FakePersonioDocuments,
} from './document-routes';
