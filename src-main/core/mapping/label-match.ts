import type { PayrollField } from '../../contract/payroll';

/**
 * Custom HR fields are suggested for a payroll field only when their label clearly names it
 * ("NI number", "National Insurance", "Tax code", "Sort code", "Date of birth", …).
 * Patterns are matched against a normalised label: lower-case, punctuation as spaces.
 */
const LABEL_PATTERNS: Array<[PayrollField, RegExp]> = [
  ['niCategory', /\b(ni|national insurance|nic)\s*(category|cat|letter|table)\b/],
  ['niNumber', /\b(ni|nino|national insurance)\s*(number|no|num)?\b|\bnino\b/],
  ['taxCode', /\btax\s*code\b/],
  ['sortCode', /\bsort\s*code\b/],
  ['accountNumber', /\b(bank\s*)?account\s*(number|no|num)\b/],
  ['accountName', /\b(bank\s*)?account\s*(holder|name)\b|\bname on account\b/],
  ['dateOfBirth', /\b(date of birth|dob|birth\s*date|birthday)\b/],
  ['starterDeclaration', /\b(starter\s*(declaration|statement)|p46|starter checklist)\b/],
  ['studentLoanPlan', /\bstudent\s*loan\b/],
  ['postgraduateLoan', /\b(postgraduate|pg)\s*loan\b/],
  ['paymentFrequency', /\b(pay|payment|payroll)\s*(frequency|period|cycle)\b/],
  ['employeeId', /\b(payroll|employee|staff)\s*(id|number|no)\b/],
  ['postcode', /\b(post\s*code|postal code|zip)\b/],
  ['county', /\bcounty\b/],
];

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The payroll field a custom field's label clearly names, or null. */
export function payrollFieldForLabel(label: string): PayrollField | null {
  const l = normaliseLabel(label);
  if (l === '') return null;
  for (const [field, re] of LABEL_PATTERNS) if (re.test(l)) return field;
  return null;
}
