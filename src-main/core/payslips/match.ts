import type { PayslipEmployee, PayslipFileMatch } from '../../contract/payslips';

/**
 * Which employee a payslip file is for, from its file name alone. An ID in the name wins (the company's
 * employee ID, the HR system's id or a payroll ID field); otherwise the employee's first and last names,
 * in any order and case, without accents. Sending someone else's payslip is a data breach, so anything
 * doubtful is "ambiguous" for a person to decide: two IDs, an ID that disagrees with the name, two people
 * with the same name.
 */
export interface MatchEmployee extends PayslipEmployee {
  ids: Array<{ value: string; kind: 'employeeId' | 'payrollId' }>;
  firstName: string;
  lastName: string;
}

export interface MatchFile {
  name: string;
  sizeBytes: number;
  isPdf: boolean;
}

export interface MatchContext {
  employees: MatchEmployee[];
  /** File name → employee row id, or null to leave the file out. */
  overrides: Record<string, number | null>;
  maxBytes: number;
  vendor: string;
}

export type FileMatch = Omit<PayslipFileMatch, 'alreadyDelivered'>;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
/** Dates in file names ("2026-03", "31.03.2026", "March 2026", "2026 March"), removed before looking for IDs. */
const DATES = [
  /(?<![0-9])\d{4}[-_. ]\d{1,2}(?:[-_. ]\d{1,2})?(?![0-9])/g,
  /(?<![0-9])\d{1,2}[-_. ]\d{1,2}[-_. ]\d{2,4}(?![0-9])/g,
  new RegExp(`(?<![a-z])${MONTH}[-_. ]*(?:19|20)\\d{2}(?![0-9])`, 'g'),
  new RegExp(`(?<![0-9])(?:19|20)\\d{2}[-_. ]*${MONTH}(?![a-z])`, 'g'),
];

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '');
}

export function nameTokens(s: string): string[] {
  return fold(s)
    .split(/[^a-z]+/)
    .filter((t) => t !== '');
}

function baseName(file: string): string {
  return file.replace(/\.[^.]*$/, '');
}

/** Whether an ID appears in the file name as a whole word (never inside a longer number or a date). */
function hasId(hay: string, id: string): boolean {
  const v = fold(id.trim());
  if (v.length < 2 || (/^\d+$/.test(v) && v.length < 3)) return false;
  const escaped = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).test(hay);
}

function employeeTokens(e: MatchEmployee): string[] | null {
  const first = nameTokens(e.firstName);
  const last = nameTokens(e.lastName);
  return first.length > 0 && last.length > 0 ? [...first, ...last] : null;
}

const bare = ({ employeeId, externalId, identity, name, state }: MatchEmployee): PayslipEmployee => ({
  employeeId,
  externalId,
  identity,
  name,
  state,
});
const who = (e: PayslipEmployee) => `${e.name} (${e.identity})`;

function byName(file: string, employees: MatchEmployee[]): MatchEmployee[] {
  const tokens = new Set(nameTokens(baseName(file)));
  const found = employees.flatMap((e) => {
    const t = employeeTokens(e);
    return t && t.every((x) => tokens.has(x)) ? [{ e, t: new Set(t) }] : [];
  });
  // "Ann Lee-Smith" beats "Ann Lee" for "ann lee smith.pdf": the more complete name is the one meant.
  const widest = found.filter((a) =>
    found.every((b) => b === a || ([...b.t].every((x) => a.t.has(x)) && a.t.size > b.t.size)),
  );
  return widest.length === 1 ? widest.map((x) => x.e) : found.map((x) => x.e);
}

export function matchFile(f: MatchFile, ctx: MatchContext): FileMatch {
  const out = (status: FileMatch['status'], message: string, extra: Partial<FileMatch> = {}): FileMatch => ({
    file: f.name,
    sizeBytes: f.sizeBytes,
    status,
    matchedBy: null,
    employee: null,
    candidates: [],
    message,
    ...extra,
  });
  if (!f.isPdf) return out('notPdf', 'Not a PDF file, so it will not be sent.');
  if (f.sizeBytes > ctx.maxBytes) {
    return out(
      'tooLarge',
      `Larger than the ${Math.floor(ctx.maxBytes / (1024 * 1024))} MB ${ctx.vendor} accepts for one document, so it cannot be sent.`,
    );
  }
  if (f.name in ctx.overrides) {
    const id = ctx.overrides[f.name];
    if (id === null) return out('excluded', 'Left out by your choice; it will not be sent.');
    const e = ctx.employees.find((x) => x.employeeId === id);
    if (e) return out('matched', `For ${who(e)}, as you chose.`, { matchedBy: 'override', employee: bare(e) });
  }

  let hay = fold(baseName(f.name));
  for (const re of DATES) hay = hay.replace(re, ' ');
  const byId = new Map<MatchEmployee, { value: string; kind: 'employeeId' | 'payrollId' }>();
  for (const e of ctx.employees) {
    const hit = e.ids.find((i) => hasId(hay, i.value));
    if (hit) byId.set(e, hit);
  }
  const named = byName(f.name, ctx.employees);

  if (byId.size > 1) {
    const c = [...byId.keys()].map(bare);
    return out(
      'ambiguous',
      `The file name holds the IDs of ${c.length} different employees (${c.map(who).join(', ')}); choose who it is for.`,
      { candidates: c },
    );
  }
  const [idMatch] = [...byId.entries()];
  if (idMatch) {
    const [e, hit] = idMatch;
    if (named.length > 0 && !named.includes(e)) {
      const c = [e, ...named].map(bare);
      return out(
        'ambiguous',
        `The ID "${hit.value}" in the file name is ${who(e)}'s, but the name in it is ${named.map(who).join(' or ')}'s; choose who it is for.`,
        { candidates: c },
      );
    }
    const what = hit.kind === 'payrollId' ? 'payroll ID' : 'employee ID';
    return out('matched', `For ${who(e)}: the ${what} "${hit.value}" is in the file name.`, {
      matchedBy: hit.kind,
      employee: bare(e),
    });
  }
  if (named.length === 1) {
    const e = named[0]!;
    return out('matched', `For ${who(e)}: their name is in the file name.`, { matchedBy: 'name', employee: bare(e) });
  }
  if (named.length > 1) {
    const c = named.map(bare);
    return out(
      'ambiguous',
      `${c.length} employees have the name in the file name (${c.map(who).join(', ')}); choose who it is for.`,
      { candidates: c },
    );
  }
  return out('unmatched', 'No employee ID or employee name was found in the file name; choose who it is for.');
}
