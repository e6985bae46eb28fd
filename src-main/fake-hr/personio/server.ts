import type { FaultSwitches } from '../faults';
import { startFakeHttpServer, type FakeRequest, type FakeResponse, type RunningFake } from '../http-server';
import type { SamplePerson } from '../sample-people';
import { authorise, handleV1Auth, handleV2Token } from './auth-routes';
import { createFakePersonioDocuments, type FakePersonioDocuments } from './document-routes';
import { forbiddenEmployees, getEmployee, listAttributes, listEmployees } from './employee-routes';
import {
  createState,
  header,
  rowsFor,
  v1Error,
  type FakePersonioCredentials,
  type FakePersonioOptions,
  type FakeState,
} from './state';

/**
 * A fake Personio on 127.0.0.1 that plays the v1 public API the way docs and live reports describe it
 * (docs/hris/personio.md, "what the fake server must reproduce"), with the generic fault switches on top.
 */
export interface RunningFakePersonio extends RunningFake {
  /** Replaces everyone in the account (ids follow SamplePerson.seq, so the same person keeps their id). */
  /** Replaces the account; `touch: false` keeps every modified time as given (a restore Personio does not stamp). */
  setPeople(people: SamplePerson[], opts?: { touch?: boolean }): void;
  /** The Personio ids of the people currently in the account, in list order. */
  ids(): number[];
  /** How many distinct tokens /v1/auth (or /v2/auth/token) has issued. */
  tokensIssued(): number;
  /** Changes the accepted credentials and invalidates every token (a credential revoked in Personio). */
  setCredentials(c: FakePersonioCredentials): void;
  /** The documents API: categories, and every upload as received. */
  readonly documents: FakePersonioDocuments;
}

function route(state: FakeState, req: FakeRequest): FakeResponse {
  if (state.opts.requireAppIdHeader && !header(req.headers, 'x-personio-app-id')) {
    return v1Error(403, 'The X-Personio-App-ID header is required.', 0);
  }
  if (req.method === 'POST' && req.path === '/v1/auth') return handleV1Auth(state, req);
  if (req.method === 'POST' && req.path === '/v2/auth/token') return handleV2Token(state, req);
  if (!req.path.startsWith('/v1/company/employees')) return v1Error(404, 'Not found', 0);
  if (req.method !== 'GET') return v1Error(405, 'Method not allowed', 0);

  const auth = authorise(state, req);
  if ('error' in auth) return auth.error;
  const forbidden = forbiddenEmployees(state);
  if (forbidden) return forbidden;

  const rest = req.path.slice('/v1/company/employees'.length).replace(/\/+$/, '');
  if (rest === '') return listEmployees(state, req, auth.headers);
  if (rest === '/attributes' || rest === '/custom-attributes') return listAttributes(state, auth.headers);
  const one = /^\/([^/]+)$/.exec(rest);
  if (one?.[1] !== undefined) return getEmployee(state, decodeURIComponent(one[1]), auth.headers);
  return v1Error(404, 'Not found', 0);
}

export async function startFakePersonio(opts: FakePersonioOptions): Promise<RunningFakePersonio> {
  const faults: FaultSwitches = opts.faults ?? {};
  const state = createState(opts, faults);
  const documents = createFakePersonioDocuments(state);
  const running = await startFakeHttpServer((req) => documents.handle(req) ?? route(state, req), {
    port: opts.port,
    faults,
  });
  state.baseUrl = running.baseUrl;
  return {
    ...running,
    documents,
    setPeople(people, { touch = true } = {}) {
      // Personio moves last_modified_at whenever a record changes or appears (what `updated_since` reads);
      // a test that edits or adds someone need not stamp it by hand. An explicit new updatedAt is kept.
      const before = new Map(state.rows.map((r) => [r.person.seq, r.person]));
      const stamp = new Date(state.now()).toISOString();
      const edited = (p: SamplePerson) => {
        const old = before.get(p.seq);
        if (old === p || !touch) return false;
        return !old || (old.updatedAt === p.updatedAt && JSON.stringify(old) !== JSON.stringify(p));
      };
      state.rows = rowsFor(people.map((p) => (edited(p) ? { ...p, updatedAt: stamp } : p)));
      state.nextId = Math.max(state.nextId, ...state.rows.map((r) => r.id + 1));
    },
    ids: () => state.rows.map((r) => r.id),
    tokensIssued: () => state.tokens.issued,
    setCredentials(c) {
      state.credentials = c;
      state.tokens.revokeAll();
    },
  };
}
