import { z } from 'zod';

/**
 * Filter rules exactly as docs/reference/cli.md describes them. An employee is synced when it matches
 * every include rule and no exclude rule. Shared with the browser UI, so only zod here.
 */
export const FILTER_MODES = ['include', 'exclude'] as const;
export const FILTER_OPERATORS = ['is', 'isNot', 'isOneOf', 'isNotOneOf', 'contains', 'isEmpty', 'isNotEmpty'] as const;
export type FilterMode = (typeof FILTER_MODES)[number];
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** How many values each operator takes, so the filter builder and the CLI reject half-made rules. */
export const OPERATOR_ARITY: Record<FilterOperator, 'one' | 'many' | 'none'> = {
  is: 'one',
  isNot: 'one',
  contains: 'one',
  isOneOf: 'many',
  isNotOneOf: 'many',
  isEmpty: 'none',
  isNotEmpty: 'none',
};

export const filterRuleSchema = z
  .object({
    mode: z.enum(FILTER_MODES, { error: 'mode must be "include" or "exclude"' }),
    field: z
      .string({ error: 'field must be a provider field key' })
      .trim()
      .min(1, 'field must name a provider field key'),
    operator: z.enum(FILTER_OPERATORS, { error: `operator must be one of ${FILTER_OPERATORS.join(', ')}` }),
    // Omitting values is allowed (isEmpty / isNotEmpty take none); the refinement below checks the count.
    values: z
      .array(z.string({ error: 'values must be strings' }), { error: 'values must be a list of strings' })
      .default([]),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const arity = OPERATOR_ARITY[rule.operator];
    const n = rule.values.length;
    if (arity === 'one' && n !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `"${rule.operator}" needs exactly one value (it has ${n})`,
      });
    } else if (arity === 'many' && n < 1) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `"${rule.operator}" needs at least one value` });
    } else if (arity === 'none' && n > 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `"${rule.operator}" takes no values (it has ${n})` });
    }
    // A lone blank value would silently mean "is empty"; the dedicated operators say that clearly. In a list
    // ("is one of United Kingdom, (blank)") a blank is one value among others, picked on purpose: blank
    // country means UK in payroll terms. It must be exactly "", not stray spaces.
    rule.values.forEach((v, i) => {
      if (v === '' && arity === 'many' && rule.values.length > 1) return;
      if (v.trim() === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['values', i],
          message: 'values must not be blank; use "isEmpty" or "isNotEmpty" instead',
        });
      }
    });
  });

export const filterRulesSchema = z.array(filterRuleSchema);

export type FilterRule = z.output<typeof filterRuleSchema>;
export type FilterRuleInput = z.input<typeof filterRuleSchema>;
