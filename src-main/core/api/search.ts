import { searchAllCompanies } from '../db/repositories/employee-search';
import type { CoreContext } from './context';
import type { Handlers } from './types';

export function searchHandler(ctx: CoreContext): Pick<Handlers, 'employees.searchAll'> {
  return { 'employees.searchAll': async ({ query }) => searchAllCompanies(ctx.db, query) };
}
