export { startFakePeopleHR, type FakePeopleHR, type FakePeopleHROptions, type PeopleHRQuirks } from './server';
export {
  PEOPLEHR_FAKE_API_KEY,
  PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY,
  PEOPLEHR_FAKE_NO_DOCUMENT_KEY,
  type FakeKey,
} from './keys';
export { DEFAULT_API_COLUMNS, type ApiColumn } from './payload';
export { internalIdOf as peoplehrInternalId, type FakePeopleHRDocument, type FakePeopleHRDocuments } from './documents';
