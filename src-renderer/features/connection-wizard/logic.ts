import type { Credentials, FieldInfo, RealProvider } from '../../../src-main/contract/providers';
import {
  filterRuleSchema,
  OPERATOR_ARITY,
  type FilterOperator,
  type FilterRule,
  type FilterMode,
} from '../../../src-main/contract/filters';
import type { PayrollField } from '../../../src-main/contract/payroll';

export const WIZARD_STEPS = ['provider', 'credentials', 'filters', 'mapping', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const STEP_LABELS: Record<WizardStep, string> = {
  provider: 'HR system',
  credentials: 'Connect',
  filters: 'Who to sync',
  mapping: 'Match fields',
  review: 'Review',
};

export type SecretFields = { clientId: string; clientSecret: string; token: string; apiKey: string };

/** The boxes each HR system needs, labelled in that system's own words. */
export const CREDENTIAL_FIELDS: Record<
  RealProvider,
  Array<{ key: keyof SecretFields; label: string; secret: boolean }>
> = {
  personio: [
    { key: 'clientId', label: 'Client ID', secret: false },
    { key: 'clientSecret', label: 'Client secret', secret: true },
  ],
  humaans: [{ key: 'token', label: 'API access token', secret: true }],
  peoplehr: [{ key: 'apiKey', label: 'API key', secret: true }],
};

/** How to create the credentials, step by step, in each HR system's own menu words. */
export const HOW_TO: Record<RealProvider, string[]> = {
  personio: [
    'Sign in to Personio as an administrator.',
    'Go to Settings → Integrations → API credentials and click “Generate new credential”. Name it “Bureau Sync”.',
    'Under access levels tick “Read” for Employees (leave every “Write” box unticked).',
    'In “Readable employee attributes” tick the names, gender, email, hire and termination dates, position, department, and the attributes that hold date of birth, home address, NI number and category, tax code and bank details. Tick “Fix salary” and “Salary interval” only if salaries should sync.',
    'Click “Generate new credential” and copy the Client ID and Client secret here. Personio shows the secret only once.',
  ],
  humaans: [
    'Sign in to Humaans as an Owner or Admin.',
    'Open Settings → API access tokens and click “Generate new token”. Name it “Bureau Sync”.',
    'Tick “View public and private data”; also tick “View compensations” if salaries should sync.',
    'If payslips will be sent through Humaans, also tick “View documents (documents:read)” and “Modify documents (documents:write)”: Bureau Sync uploads each payslip into the employee’s documents.',
    'Click “Create access token” and copy it straight away: Humaans shows it only once.',
  ],
  peoplehr: [
    'Sign in to PeopleHR as an administrator.',
    'Go to Settings → API and click “+” to add a new API key; name it “Bureau Sync”.',
    'Under Employee tick “Get All Employee Detail” and “Get Employee Detail By Id”; under Salary tick “Get Salary Detail” if salaries should sync.',
    'Leave the IP address restriction empty, click Save, and copy the key here.',
  ],
};

export function buildCredentials(provider: RealProvider, f: SecretFields): Credentials {
  switch (provider) {
    case 'personio':
      return { provider, clientId: f.clientId.trim(), clientSecret: f.clientSecret.trim() };
    case 'humaans':
      return { provider, token: f.token.trim() };
    case 'peoplehr':
      return { provider, apiKey: f.apiKey.trim() };
  }
}

/** What is still missing before the credentials can be checked, in words; null when complete. */
export function missingCredential(provider: RealProvider, name: string, f: SecretFields): string | null {
  if (!name.trim()) return 'Enter the client company name.';
  const empty = CREDENTIAL_FIELDS[provider].find((c) => !f[c.key].trim());
  return empty ? `Enter the ${empty.label}.` : null;
}

/** Payroll fields an employee needs to be Ready (docs/reference/payroll-fields.md). */
export const REQUIRED_FIELDS = new Set<PayrollField>([
  'employeeId',
  'firstName',
  'lastName',
  'gender',
  'dateOfBirth',
  'addressLine1',
  'postcode',
  'startDate',
  'niCategory',
  'taxCode',
  'paymentFrequency',
  'sortCode',
  'accountNumber',
]);

/**
 * A rule as the filter builder holds it. Values come either from the text box (`valuesText`, commas
 * between values for "is one of") or, when the HR system's values are offered, from the list (`picked`,
 * kept exactly as the HR system holds them, commas and all). `picked` wins when set.
 */
export type RuleDraft = {
  mode: FilterMode;
  field: string;
  operator: FilterOperator;
  valuesText: string;
  picked: string[] | null;
};

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  is: 'is',
  isNot: 'is not',
  isOneOf: 'is one of',
  isNotOneOf: 'is not one of',
  contains: 'contains',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
};

export const emptyRule = (field = ''): RuleDraft => ({
  mode: 'exclude',
  field,
  operator: 'is',
  valuesText: '',
  picked: null,
});

export function draftFromRule(r: FilterRule): RuleDraft {
  return {
    mode: r.mode,
    field: r.field,
    operator: r.operator,
    valuesText: r.values.join(', '),
    picked: r.values.length ? [...r.values] : null,
  };
}

/** A draft as a checked rule, or the reason it is not one yet (in the words of the box or list on screen). */
export function ruleFromDraft(
  d: RuleDraft,
  fromList = false,
): { ok: true; rule: FilterRule } | { ok: false; message: string } {
  const arity = OPERATOR_ARITY[d.operator];
  const values = draftValues(d);
  const parsed = filterRuleSchema.safeParse({ mode: d.mode, field: d.field, operator: d.operator, values });
  if (parsed.success) return { ok: true, rule: parsed.data };
  if (!d.field) return { ok: false, message: 'Choose a field.' };
  if (values.length === 0) {
    if (fromList) return { ok: false, message: arity === 'many' ? 'Tick at least one value.' : 'Choose a value.' };
    return {
      ok: false,
      message: arity === 'many' ? 'Enter at least one value (separate values with commas).' : 'Enter a value.',
    };
  }
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'This rule is not complete.' };
}

/** The values of a draft's box as a list (one value, or comma-separated for "is one of"). */
export function draftValues(d: RuleDraft): string[] {
  const arity = OPERATOR_ARITY[d.operator];
  if (arity === 'none') return [];
  // A picked '' is "(blank)", chosen on purpose (blank country means UK to payroll); only a typed box drops blanks.
  if (d.picked) return arity === 'one' ? d.picked.slice(0, 1) : d.picked;
  if (arity === 'one') return [d.valuesText.trim()].filter(Boolean);
  return d.valuesText
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Values the HR system is known to hold for a field, to offer in the filter builder: the catalogue's
 * sample, yes/no for a boolean, and values already used in rules on the same field. Free text stays
 * possible (the catalogue carries one sample per field, not every value).
 */
export function valueSuggestions(field: FieldInfo | undefined, rules: RuleDraft[]): string[] {
  if (!field) return [];
  const out: string[] = [];
  const add = (v: string | null | undefined) => {
    const t = v?.trim();
    if (t && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  };
  add(field.sample);
  if (field.type === 'boolean') ['true', 'false'].forEach(add);
  for (const r of rules) if (r.field === field.key) draftValues(r).forEach(add);
  return out;
}

/** The box after choosing a suggestion: replaces a single value, appends to a list. */
export function withSuggestion(d: RuleDraft, value: string): string {
  if (OPERATOR_ARITY[d.operator] !== 'many') return value;
  const current = draftValues(d);
  return current.some((v) => v.toLowerCase() === value.toLowerCase()) ? d.valuesText : [...current, value].join(', ');
}

/**
 * A change to a draft, with what follows from it: another field clears the values (they were the old
 * field's), and a one-value condition keeps only the first of several picked values.
 */
export function patchDraft(d: RuleDraft, patch: Partial<RuleDraft>): RuleDraft {
  const next = { ...d, ...patch };
  if (patch.field !== undefined && patch.field !== d.field) return { ...next, valuesText: '', picked: null };
  if (patch.valuesText !== undefined && patch.picked === undefined) next.picked = null;
  if (patch.operator && OPERATOR_ARITY[patch.operator] === 'one' && next.picked && next.picked.length > 1) {
    next.picked = next.picked.slice(0, 1);
    next.valuesText = next.picked.join(', ');
  }
  return next;
}

/** A value ticked or unticked in the "is one of" list. */
export function togglePicked(d: RuleDraft, value: string, on: boolean): Pick<RuleDraft, 'picked' | 'valuesText'> {
  const current = draftValues(d);
  const picked = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  return { picked, valuesText: picked.join(', ') };
}

export type FieldValuesEntry = { values: string[]; complete: boolean };

/**
 * How a rule's value is chosen for a field: from the list of values the HR system holds (`list`), or typed
 * because the field has too many different values (`tooMany`), nobody has a value in it (`none`), the
 * people list does not carry it though the HR system has values (`unlisted`: salaries, read separately),
 * or the values are not known (`unknown`: still loading, or could not be read).
 */
export function valueSource(
  entries: Record<string, FieldValuesEntry> | null,
  fieldKey: string,
  hasSample = false,
): 'list' | 'tooMany' | 'none' | 'unlisted' | 'unknown' {
  if (!entries) return 'unknown';
  const e = entries[fieldKey];
  if (!e) return hasSample ? 'unlisted' : 'none';
  if (!e.complete) return 'tooMany';
  return e.values.length > 0 ? 'list' : 'none';
}

/** The choices for a list: the HR system's values, then any chosen value it no longer holds (marked stale). */
export function listOptions(offered: string[], chosen: string[]): Array<{ value: string; stale: boolean }> {
  const out = offered.filter((v) => v !== '').map((value) => ({ value, stale: false }));
  for (const v of chosen) if (v !== '' && !offered.includes(v)) out.push({ value: v, stale: true });
  // "(blank)" last, always: people with nothing in the field are a value a rule can name.
  out.push({ value: '', stale: false });
  return out;
}

/** How a list shows the blank value. */
export const BLANK_LABEL = '(blank)';
