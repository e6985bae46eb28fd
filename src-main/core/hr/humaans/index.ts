export { createHumaansClient, type HumaansClientOptions, type HumaansCredentials } from './client';
export { humaansSuggestedMapping } from './suggest';
export {
  HUMAANS_DEFAULT_BASE_URL,
  HUMAANS_MAX_PAGE_SIZE,
  humaansHowToCreateCredentials,
  howToGrantScope as humaansHowToGrantScope,
} from './constants';
export { flattenPerson, type Related as HumaansRelated } from './flatten';
export { buildCatalogue as buildHumaansCatalogue } from './catalogue';
