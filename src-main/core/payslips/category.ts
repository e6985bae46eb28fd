import type { PayslipCategories } from '../../contract/payslips';
import { AppError } from '../errors';
import type { HrDocuments } from '../hr/types';

/** Category names that say "payslips" in the languages bureaus' clients use. */
const PAYSLIP_NAMES = /pay\s*slips?|payroll|wage\s*slips?|gehalts?abrechnung|lohnabrechnung|entgeltabrechnung/i;

export async function categoriesFor(docs: HrDocuments, lastUsed: string | null): Promise<PayslipCategories> {
  const categories = await docs.categories();
  const free = docs.limits.freeTextCategory;
  const suggestedId =
    (lastUsed && (free || categories.some((c) => c.id === lastUsed)) ? lastUsed : null) ??
    categories.find((c) => PAYSLIP_NAMES.test(c.name))?.id ??
    (free ? (categories[0]?.id ?? null) : null);
  return { categories, suggestedId, freeText: free, required: docs.limits.categoryRequired };
}

/** The category a send uses: the one chosen (by id, or by name), else the suggestion; refused when it must be chosen. */
export async function resolveCategory(
  docs: HrDocuments,
  chosen: string | undefined,
  lastUsed: string | null,
  vendor: string,
): Promise<{ id: string; name: string } | null> {
  const all = await categoriesFor(docs, lastUsed);
  const names = all.categories.map((c) => `"${c.name}"`).join(', ');
  if (chosen !== undefined) {
    if (all.freeText) return { id: chosen, name: chosen };
    const hit =
      all.categories.find((c) => c.id === chosen) ??
      all.categories.find((c) => c.name.toLowerCase() === chosen.toLowerCase());
    if (!hit) {
      throw new AppError(
        'VALIDATION',
        `${vendor} has no document category "${chosen}". Choose one of: ${names || '(none: create one in ' + vendor + ' first)'}.`,
        {
          categories: all.categories,
        },
      );
    }
    return hit;
  }
  const suggested =
    all.categories.find((c) => c.id === all.suggestedId) ??
    (all.freeText && all.suggestedId ? { id: all.suggestedId, name: all.suggestedId } : null);
  if (suggested) return suggested;
  if (all.required) {
    throw new AppError(
      'VALIDATION',
      `Choose which ${vendor} document category the payslips go into${names ? `: ${names}` : ''}.`,
      { categories: all.categories },
    );
  }
  return null;
}
