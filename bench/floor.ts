import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RealProvider } from '../src-main/contract/providers';
import type { LoggedRequest } from './protocol';

/**
 * The physical floor of a sync: the exact requests the client made (from the fake's log), replayed
 * with bare node:http at the same concurrency, then JSON.parse and one transaction inserting one raw
 * JSON row per person into a fresh better-sqlite3 file (WAL, synchronous=NORMAL, as the app opens it).
 * For Humaans the replay reads each collection's pages one after another, collections side by side:
 * humaans.md asks clients not to fetch pages of one list in parallel, and the client does not, so a
 * floor that did would be a speed no client may reach.
 */
export interface FloorResult {
  requests: number;
  /** Replies whose status differed from what the client got (should be 0). */
  statusMismatches: number;
  httpMs: number;
  parseMs: number;
  insertMs: number;
  people: number;
  totalMs: number;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

function send(agent: Agent, origin: URL, r: LoggedRequest): Promise<{ status: number; body: string }> {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(r.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: origin.hostname, port: origin.port, method: r.method, path: r.url, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (r.body) req.end(r.body);
    else req.end();
  });
}

/**
 * Replays in log order with at most `concurrency` requests in flight. Requests with the same `laneOf` key
 * go one after another, each once the one before it has answered, as a client reading a collection page by
 * page sends them; without `laneOf` any request may overlap any other.
 */
export async function replay(
  baseUrl: string,
  log: LoggedRequest[],
  concurrency: number,
  laneOf?: (r: LoggedRequest) => string,
): Promise<{ ms: number; replies: Array<{ status: number; body: string }> }> {
  const origin = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const replies: Array<{ status: number; body: string }> = new Array(log.length);
  // Each lane's requests in log order; a lane is free when none of its requests is in flight.
  const lanes = new Map<string, number[]>();
  log.forEach((r, i) => {
    const key = laneOf ? laneOf(r) : String(i);
    const lane = lanes.get(key);
    if (lane) lane.push(i);
    else lanes.set(key, [i]);
  });
  const queues = [...lanes.values()];
  const busy = new Set<number[]>();
  let inFlight = 0;
  let done = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (done === log.length) return resolve();
      // The free lane whose next request comes first in the log goes next.
      while (inFlight < Math.max(1, concurrency)) {
        let pick: number[] | null = null;
        for (const q of queues) if (q.length > 0 && !busy.has(q) && (pick === null || q[0]! < pick[0]!)) pick = q;
        if (!pick) return;
        const lane = pick;
        const i = lane.shift()!;
        busy.add(lane);
        inFlight += 1;
        send(agent, origin, log[i]!).then((reply) => {
          replies[i] = reply;
          busy.delete(lane);
          inFlight -= 1;
          done += 1;
          pump();
        }, reject);
      }
    };
    pump();
  });
  const ms = performance.now() - t0;
  agent.destroy();
  return { ms, replies };
}

/** The person records in one reply, each with a key that identifies the person, or null if none. */
function peopleIn(vendor: RealProvider, r: LoggedRequest, body: unknown): Array<[string, unknown]> | null {
  const obj = body as Record<string, unknown> | null;
  if (!obj || typeof obj !== 'object') return null;
  switch (vendor) {
    case 'personio':
      if (r.method !== 'GET' || r.path.replace(/\/+$/, '') !== '/v1/company/employees' || !Array.isArray(obj.data))
        return null;
      return (obj.data as Array<{ attributes?: { id?: { value?: unknown } } }>).map((row) => [
        String(row.attributes?.id?.value),
        row,
      ]);
    case 'humaans':
      if (r.method !== 'GET' || r.path.replace(/\/+$/, '') !== '/api/people' || !Array.isArray(obj.data)) return null;
      return (obj.data as Array<{ id?: unknown }>).map((row) => [String(row.id), row]);
    case 'peoplehr':
      if (!/"Action"\s*:\s*"GetAllEmployeeDetail"/.test(r.body) || !Array.isArray(obj.Result)) return null;
      return (obj.Result as Array<{ EmployeeId?: unknown }>).map((row) => [JSON.stringify(row.EmployeeId), row]);
  }
}

export async function measureFloor(
  vendor: RealProvider,
  baseUrl: string,
  log: LoggedRequest[],
  concurrency: number,
): Promise<FloorResult> {
  const { ms: httpMs, replies } = await replay(
    baseUrl,
    log,
    concurrency,
    vendor === 'humaans' ? (r) => r.path : undefined,
  );
  let statusMismatches = 0;

  const t1 = performance.now();
  const people = new Map<string, unknown>();
  replies.forEach((reply, i) => {
    const req = log[i]!;
    if (reply.status !== req.status) statusMismatches += 1;
    let body: unknown;
    try {
      body = reply.body ? JSON.parse(reply.body) : null;
    } catch {
      return;
    }
    for (const [key, row] of peopleIn(vendor, req, body) ?? []) people.set(key, row);
  });
  const parseMs = performance.now() - t1;

  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const t2 = performance.now();
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, person_key TEXT NOT NULL, raw TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO people (person_key, raw) VALUES (?, ?)');
  db.transaction(() => {
    for (const [key, row] of people) insert.run(key, JSON.stringify(row));
  })();
  db.close();
  const insertMs = performance.now() - t2;
  rmSync(dir, { recursive: true, force: true });

  return {
    requests: log.length,
    statusMismatches,
    httpMs,
    parseMs,
    insertMs,
    people: people.size,
    totalMs: httpMs + parseMs + insertMs,
  };
}
