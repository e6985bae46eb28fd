import type { FaultSwitches } from '../faults';
import type { FakeResponse } from '../http-server';
import type { SamplePerson } from '../sample-people';
import {
  employeeObject,
  salaryRows,
  uniqueKeyOf,
  type ApiColumn,
  type ApiColumnSource,
  type PayloadContext,
} from './payload';

/** The fake PeopleHR's read actions. Each answers PeopleHR's envelope inside an HTTP 200. */

export interface ActionContext {
  people: SamplePerson[];
  /** Employee IDs changed with UpdateEmployeeId, by person. */
  renamed: Map<number, string>;
  today: string;
  apiColumns: Record<ApiColumn, ApiColumnSource>;
  companyName: string;
  employeeId(p: SamplePerson): string;
  emptyTenantReply: 'status10' | 'emptyArray';
  successMessage: string | undefined;
  futureLeaversInActiveList: boolean;
  faults: FaultSwitches;
  /** Whether changeBetweenPages has already fired. */
  changed: boolean;
}

type ActionHandler = (body: Record<string, unknown>, ctx: ActionContext) => FakeResponse;

export function envelope(isError: boolean, status: number, message: string, result: unknown): FakeResponse {
  return {
    status: 200,
    json: { isError, Status: status, Message: message, Result: result },
    headers: { 'content-type': 'application/json; charset=utf-8' },
  };
}

// PeopleHR words success differently per action ("request" vs "requested"); both are kept on purpose.
const REQUEST_OK = 'The request processed successfully.';
const REQUESTED_OK = 'The requested processed successfully.';

function ok(ctx: ActionContext, message: string, result: unknown): FakeResponse {
  return envelope(false, 0, ctx.successMessage ?? message, result);
}

const noRecords = () => envelope(false, 10, 'No records found.', '');

/** Accepts true/false as JSON booleans or strings in any case; anything else (or missing) is false. */
export function flag(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}

function idOf(ctx: ActionContext, p: SamplePerson): string {
  return ctx.renamed.get(p.seq) ?? ctx.employeeId(p);
}

function payloadContext(ctx: ActionContext, withHistory: boolean): PayloadContext {
  return {
    idOf: (p) => idOf(ctx, p),
    bySeq: new Map(ctx.people.map((p) => [p.seq, p])),
    apiColumns: ctx.apiColumns,
    companyName: ctx.companyName,
    withHistory,
  };
}

/** PeopleHR's EmployeeId checks, in its own words; returns the person or the refusal. */
function findEmployee(body: Record<string, unknown>, ctx: ActionContext): SamplePerson | FakeResponse {
  if (!('EmployeeId' in body) || body.EmployeeId === null || body.EmployeeId === undefined)
    return envelope(true, 5, 'EmployeeId is missing.', {});
  const id = String(body.EmployeeId).trim();
  if (id === '') return envelope(true, 5, 'EmployeeId cannot be empty.', {});
  if (id.length > 15) return envelope(true, 5, 'EmployeeId contains more than 15 characters.', {});
  const person = ctx.people.find((p) => idOf(ctx, p) === id);
  return person ?? envelope(true, 5, 'EmployeeId does not exists.', {});
}

function isPerson(x: SamplePerson | FakeResponse): x is SamplePerson {
  return 'seq' in x;
}

/** One person joins at the front and one leaves PeopleHR, as if someone edited it mid-sync. */
function changeStaff(ctx: ActionContext): void {
  const template = ctx.people[0];
  if (!template) return;
  const seq = Math.max(...ctx.people.map((p) => p.seq)) + 1;
  const newcomer: SamplePerson = {
    ...template,
    seq,
    employeeNumber: `E${String(seq).padStart(5, '0')}`,
    firstName: 'Nadia',
    lastName: 'Newstarter',
    email: `nadia.newstarter.${seq}@example.co.uk`,
    leaveDate: null,
    leavingReason: null,
    isLeaver: false,
  };
  ctx.people = [newcomer, ...ctx.people.slice(1)];
}

export const actionHandlers: Record<string, ActionHandler> = {
  GetAllEmployeeDetail(body, ctx) {
    const includeLeavers = flag(body.IncludeLeavers);
    const visible = ctx.people.filter((p) => {
      if (includeLeavers || !p.leaveDate) return true;
      return p.leaveDate > ctx.today && ctx.futureLeaversInActiveList;
    });
    const pc = payloadContext(ctx, false);
    // Not sorted by id, like the real list. Each key is worked out once: hashing inside the comparator
    // cost ~280 ms a call at 10,000 people, which the bench then counted as PeopleHR's reply time.
    const rows = visible
      .map((p) => ({ key: uniqueKeyOf(p), p }))
      .sort((a, b) => a.key.localeCompare(b.key))
      .map(({ p }) => employeeObject(p, pc));
    if (ctx.faults.changeBetweenPages && !ctx.changed) {
      ctx.changed = true;
      changeStaff(ctx);
    }
    if (rows.length === 0) return ctx.emptyTenantReply === 'status10' ? noRecords() : ok(ctx, REQUEST_OK, []);
    return ok(ctx, REQUEST_OK, rows);
  },

  GetEmployeeDetailById(body, ctx) {
    const found = findEmployee(body, ctx);
    return isPerson(found) ? ok(ctx, REQUEST_OK, employeeObject(found, payloadContext(ctx, true))) : found;
  },

  GetCompanyInformation(_body, ctx) {
    return ok(ctx, REQUEST_OK, { CompanyId: 66446, SubDomain: 'demo', CompanyName: ctx.companyName });
  },

  CheckAuthentication() {
    return envelope(true, 5, 'Invalid email address or password.', {});
  },

  GetSalaryDetail(body, ctx) {
    const found = findEmployee(body, ctx);
    if (!isPerson(found)) return found;
    const rows = salaryRows(found, ctx.today);
    const current = rows.filter((r) => r.EffectiveFrom <= ctx.today).slice(-1);
    const answer = flag(body.IsIncludeHistory) ? rows : current;
    return answer.length === 0 ? noRecords() : ok(ctx, REQUESTED_OK, answer);
  },

  GetAllDocument(body, ctx) {
    const found = findEmployee(body, ctx);
    return isPerson(found) ? noRecords() : found;
  },

  GetQueryResultByQueryName(body) {
    if (typeof body.QueryName !== 'string' || body.QueryName.trim() === '')
      return envelope(true, 5, 'QueryName is missing.', {});
    return envelope(true, 5, 'Invalid query name.', {});
  },

  GetHolidayDetail(body, ctx) {
    const found = findEmployee(body, ctx);
    return isPerson(found) ? noRecords() : found;
  },

  GetAbsenceDetail(body, ctx) {
    const found = findEmployee(body, ctx);
    return isPerson(found) ? noRecords() : found;
  },
};
