import type { FieldValues } from '../../contract/index';
import type { CoreContext } from './context';
import { requireCompany } from './companies';

/** Distinct values worth offering in the filter builder: enough to choose from, not a whole column of names. */
const MAX_VALUES = 50;
const FRESH_MS = 5 * 60_000;

/**
 * The values each HR field actually holds across the company's people, so the filter builder offers
 * "Contractor" or "London" to pick rather than asking the user to type them. One fetch serves every
 * field, and the answer is kept for a few minutes while the user builds filters.
 */
export function fieldValuesHandler(ctx: CoreContext) {
  const cache = new Map<string, { at: number; values: FieldValues }>();
  return async ({ companyId, refresh }: { companyId: string; refresh: boolean }): Promise<FieldValues> => {
    const company = requireCompany(ctx, companyId);
    const now = ctx.clock.now().getTime();
    const hit = cache.get(company.id);
    if (hit && !refresh && now - hit.at < FRESH_MS) return hit.values;
    const seen = new Map<string, Set<string>>();
    const tooMany = new Set<string>();
    let people = 0;
    const client = await ctx.clientFor(company);
    await client.listEmployees({
      includeSalaries: false,
      onPage: (records) => {
        people += records.length;
        for (const r of records) {
          for (const [key, raw] of Object.entries(r.fields)) {
            if (tooMany.has(key) || raw === null) continue;
            const v = raw.trim();
            if (v === '') continue;
            const set = seen.get(key) ?? new Set<string>();
            set.add(v);
            seen.set(key, set);
            if (set.size > MAX_VALUES) {
              tooMany.add(key);
              seen.delete(key);
            }
          }
        }
      },
    });
    // A field where most people have their own value (a timestamp, a name) is not a list to choose from.
    for (const [key, set] of seen) {
      if (set.size > 12 && set.size > people / 3) {
        tooMany.add(key);
        seen.delete(key);
      }
    }
    const values: FieldValues = {};
    for (const [key, set] of seen)
      values[key] = { values: [...set].sort((a, b) => a.localeCompare(b, 'en-GB')), complete: true };
    for (const key of tooMany) values[key] = { values: [], complete: false };
    cache.set(company.id, { at: now, values });
    return values;
  };
}
