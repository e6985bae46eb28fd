export {
  startFakeHumaans,
  HUMAANS_DEMO_TOKEN,
  HUMAANS_DEMO_SCOPES,
  type FakeHumaans,
  type FakeHumaansOptions,
} from './server';
export {
  DEFAULT_CUSTOM_FIELDS as HUMAANS_DEFAULT_CUSTOM_FIELDS,
  humaansId,
  personId as humaansPersonId,
  type FakeCustomField,
  type HumaansDataset,
} from './dataset';
export { type FakeHumaansDocuments, type FakeHumaansFile } from './documents-routes';
