/**
 * Title rules from payroll-fields.md: derived from gender when the HR system gives none, and a mapped title
 * that does not fit the gender is only a warning (payroll software flags it; HMRC does not reject it).
 */

const KNOWN_TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Rev', 'Sir', 'Lady', 'Lord', 'Dame', 'Master'];

/** Titles that fit each gender, exactly as payroll-fields.md lists them. */
export const TITLES_FITTING: Record<'male' | 'female', readonly string[]> = {
  male: ['Mr', 'Dr'],
  female: ['Ms', 'Miss', 'Mrs', 'Dr'],
};

/** Trimmed, without a trailing full stop, in the usual spelling when it is a well-known title ("mrs." → "Mrs"). */
export function normaliseTitle(raw: string): string {
  const s = raw.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  return KNOWN_TITLES.find((t) => t.toLowerCase() === s.toLowerCase()) ?? s;
}

export function titleFromGender(gender: string | null): string | null {
  return gender === 'male' ? 'Mr' : gender === 'female' ? 'Ms' : null;
}

/** False only when the gender is known and the title is not one that fits it. */
export function titleFitsGender(title: string, gender: string | null): boolean {
  if (gender !== 'male' && gender !== 'female') return true;
  return TITLES_FITTING[gender].some((t) => t.toLowerCase() === title.toLowerCase());
}
