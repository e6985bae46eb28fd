import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderRecord } from '../../src-main/core/hr/types';
import { buildCatalogue } from '../../src-main/core/hr/peoplehr';
import { startFakePeopleHR } from '../../src-main/fake-hr/peoplehr';
import { generatePeople, type SamplePerson } from '../../src-main/fake-hr/sample-people';
import { FAST, TODAY, clientFor, listAll as listAllFake, readWhole } from '../helpers/peoplehr';

/** Resuming from a reply digest: PeopleHR's cursor (a roll call is not PeopleHR's to use). */
const sinceDigest = (cursor: string | undefined) =>
  cursor === undefined ? {} : { since: { cursor, lastRollCall: () => new Set<string>() } };

// The staff list is read as it arrives and handed to the sync a page at a time. These replies come from a
// bare HTTP server that sends the fake's real reply text the awkward ways a network can: in pieces, cut
// short, stalled, with the envelope after the list. A reply that fails after pages went out must fail the
// whole read and must not be asked for again (the same people would reach the sync twice).

type Respond = (res: ServerResponse, n: number) => unknown;

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server that answers every request with `respond` (n counts requests from 1). */
async function rawServer(respond: Respond) {
  let requests = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      void respond(res, requests);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(handle);
  return handle;
}

/** The fake PeopleHR's GetAllEmployeeDetail reply for these people, as text. */
async function replyText(people: SamplePerson[]): Promise<string> {
  const fake = await startFakePeopleHR({ people, today: TODAY });
  try {
    const res = await fetch(`${fake.baseUrl}/Employee`, {
      method: 'POST',
      body: JSON.stringify({ APIKey: fake.fullApiKey, Action: 'GetAllEmployeeDetail', IncludeLeavers: true }),
    });
    return await res.text();
  } finally {
    await fake.close();
  }
}

/** The same envelope with its members in another order (JSON keeps insertion order). */
function reorder(text: string, keys: string[], over: Record<string, unknown> = {}): string {
  const env = { ...(JSON.parse(text) as Record<string, unknown>), ...over };
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, env[k]])));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** Where the suite's clients read the reply: on the list thread (as the app does), or on the test's own thread. */
let onThread = true;

function client(baseUrl: string, over: Parameters<typeof clientFor>[1] = {}) {
  return clientFor({ baseUrl, fullApiKey: 'k' } as Parameters<typeof clientFor>[0], { listThread: onThread, ...over });
}

async function listAll(c: ReturnType<typeof client>, lastReply?: string) {
  const pages: ProviderRecord[][] = [];
  const result = await c.listEmployees({
    includeSalaries: false,
    ...sinceDigest(lastReply),
    onPage: (p) => void pages.push(p),
  });
  return { pages, records: pages.flat(), result };
}

/** A list read in pages of 5 that is expected to fail: its outcome, and the pages handed on before it failed. */
function readInPages(baseUrl: string) {
  const pages: ProviderRecord[][] = [];
  const read = client(baseUrl, { pageSize: 5 }).listEmployees({
    includeSalaries: false,
    onPage: (p) => void pages.push(p),
  });
  return { read, pages };
}

/**
 * Reads `text` in pages of 5 from a server that sends 70% of it, then the rest only once a page has reached
 * the sync (or after 3 s): when the first page went out, and when the rest was sent.
 */
async function readWhileArriving(text: string, over: Parameters<typeof clientFor>[1], lastReply?: string) {
  let firstPage: () => void = () => {};
  const sawPage = new Promise<void>((r) => (firstPage = r));
  let restSentAt = 0;
  const server = await rawServer(async (res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    const cut = Math.floor(text.length * 0.7);
    res.write(text.slice(0, cut));
    await Promise.race([sawPage, pause(3000)]);
    restSentAt = Date.now();
    res.end(text.slice(cut));
  });
  let firstPageAt = 0;
  const pages: number[] = [];
  const result = await client(server.baseUrl, { pageSize: 5, ...over }).listEmployees({
    includeSalaries: false,
    ...sinceDigest(lastReply),
    onPage: (page) => {
      firstPageAt ||= Date.now();
      pages.push(page.length);
      firstPage();
    },
  });
  return { result, pages, firstPageAt, restSentAt };
}

const people = (count: number) => generatePeople({ count, seed: 5, today: TODAY });

// Every behaviour holds whichever thread reads the reply: the list thread, or the core's own where it cannot run.
describe.each([
  ['on the list thread', true],
  ['on the core thread', false],
])('reading %s', (_, thread) => {
  beforeAll(() => {
    onThread = thread;
  });
  afterAll(() => {
    onThread = true;
  });

  describe('PeopleHR staff list read as a stream', () => {
    it('hands pages to the sync while the reply is still arriving', async () => {
      const text = await replyText(people(30));
      const { result, pages, firstPageAt, restSentAt } = await readWhileArriving(text, {});
      expect(result).toEqual(readWhole(30));
      expect(pages.reduce((a, b) => a + b)).toBe(30);
      expect(firstPageAt).toBeGreaterThan(0);
      expect(firstPageAt).toBeLessThanOrEqual(restSentAt);
    });

    it.each([
      ['as they arrive', undefined],
      ['held first, while they may be the last reply', 'a digest of some other reply'],
    ])('reads characters whose bytes arrive in different pieces, %s', async (_, lastReply) => {
      const names = ['Zoë', 'Ødegård £', 'Ana 😀 中文'];
      const staff = people(3).map((p, i) => ({ ...p, firstName: names[i]! }));
      const text = await replyText(staff);
      const bytes = Buffer.from(text, 'utf8');
      // Cut inside every multi-byte character: after the first byte of each.
      const cuts = [...bytes.keys()].filter((i) => bytes[i]! >= 0xc0).map((i) => i + 1);
      const server = await rawServer(async (res) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        let from = 0;
        for (const at of [...cuts, bytes.length]) {
          res.write(bytes.subarray(from, at));
          from = at;
          await pause(5);
        }
        res.end();
      });
      const { records, result } = await listAll(client(server.baseUrl), lastReply);
      expect(result.complete).toBe(true);
      expect(records.map((r) => r.fields.FirstName).sort()).toEqual([...names].sort());
      // The digest is the text's, whichever way its bytes came.
      expect(result).toMatchObject({ cursor: sha1(text), covers: 'all' });
    });

    it('the envelope may come after the list: a good reply is read in full', async () => {
      const text = reorder(await replyText(people(12)), ['Result', 'isError', 'Status', 'Message']);
      const server = await rawServer((res) => res.end(text));
      const { records, result } = await listAll(client(server.baseUrl, { pageSize: 5 }));
      expect(result).toEqual(readWhole(12));
      expect(new Set(records.map((r) => r.externalId)).size).toBe(12);
    });

    it('an error envelope after the list fails the read even though pages went out, and is not asked for again', async () => {
      const text = reorder(await replyText(people(12)), ['Result', 'isError', 'Status', 'Message'], {
        isError: true,
        Status: 2,
        Message: 'Invalid API Key.',
      });
      const server = await rawServer((res) => res.end(text));
      const { read, pages } = readInPages(server.baseUrl);
      await expect(read).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      expect(pages.length).toBeGreaterThan(0);
      expect(server.requests()).toBe(1);
    });

    it('an error envelope before the list: its rows never reach the sync, and a passing fault is asked again', async () => {
      const good = await replyText(people(12));
      const faulty = reorder(good, ['isError', 'Status', 'Message', 'Result'], {
        isError: true,
        Status: 6,
        Message: 'Oops! Something went wrong.',
      });
      const server = await rawServer((res, n) => res.end(n === 1 ? faulty : good));
      const { records, result } = await listAll(client(server.baseUrl, { pageSize: 5 }));
      expect(result).toEqual(readWhole(12));
      // Everyone exactly once: the faulty reply's rows were read but never handed on.
      expect(new Set(records.map((r) => r.externalId)).size).toBe(12);
      expect(server.requests()).toBe(2);
    });

    it('"no records" arriving after rows were handed on is a contradiction, never an empty success', async () => {
      const text = reorder(await replyText(people(12)), ['Result', 'isError', 'Status', 'Message'], {
        Status: 10,
        Message: 'No records found.',
      });
      const server = await rawServer((res) => res.end(text));
      await expect(listAll(client(server.baseUrl, { pageSize: 5 }))).rejects.toMatchObject({
        code: 'HR_ERROR',
        message: expect.stringMatching(/nothing was changed/),
      });
    });

    it('IsError overridden by a later isError: rows withheld from the sync mean the read fails', async () => {
      const text = await replyText(people(4));
      const env = JSON.parse(text) as { Result: unknown };
      const odd = `{"IsError":"true","Status":0,"Result":${JSON.stringify(env.Result)},"isError":false}`;
      const server = await rawServer((res) => res.end(odd));
      await expect(listAll(client(server.baseUrl))).rejects.toMatchObject({ code: 'HR_ERROR' });
    });

    it('a reply cut short after pages went out fails with HR_ERROR and is not asked for again', async () => {
      const text = await replyText(people(30));
      const server = await rawServer((res) => res.end(text.slice(0, Math.floor(text.length * 0.7))));
      const { read, pages } = readInPages(server.baseUrl);
      await expect(read).rejects.toMatchObject({ code: 'HR_ERROR', message: expect.stringMatching(/could not read/) });
      expect(pages.length).toBeGreaterThan(0);
      expect(server.requests()).toBe(1);
    });

    it('a connection dropped part way: asked again while nothing went out; after pages went out, the read fails', async () => {
      const text = await replyText(people(30));
      const dropAfter = (res: ServerResponse) => {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(text)),
        });
        res.write(text.slice(0, Math.floor(text.length * 0.7)), () => setTimeout(() => res.socket?.destroy(), 20));
      };
      const healing = await rawServer((res, n) => (n === 1 ? dropAfter(res) : res.end(text)));
      const healed = await listAll(client(healing.baseUrl));
      expect(healed.result).toEqual(readWhole(30));
      expect(healing.requests()).toBe(2);

      const dropping = await rawServer((res) => dropAfter(res));
      const { read, pages } = readInPages(dropping.baseUrl);
      await expect(read).rejects.toMatchObject({ code: 'HR_ERROR' });
      expect(pages.length).toBeGreaterThan(0);
      expect(dropping.requests()).toBe(1);
    });

    it('a reply that stalls part way times out as HR_UNREACHABLE after its retries', async () => {
      const text = await replyText(people(3));
      const server = await rawServer((res) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.write(text.slice(0, 200));
      });
      const c = client(server.baseUrl, { http: { ...FAST, timeoutMs: 150, retries: 1 } });
      await expect(listAll(c)).rejects.toMatchObject({
        code: 'HR_UNREACHABLE',
        message: expect.stringMatching(/too long/),
      });
      expect(server.requests()).toBe(2);
    });

    it('the catalogue kept from one streamed pass is the catalogue of everyone, with or without the credential check first', async () => {
      // Leavers first in the reply, and fields filled only by later people: the sample must still pick them up.
      const staff = people(40).map((p, i) => (i % 7 === 0 ? { ...p, leaveDate: '2025-01-31', isLeaver: true } : p));
      const fake = await startFakePeopleHR({ people: staff, today: TODAY });
      servers.push(fake);
      const { records } = await listAllFake(clientFor(fake));
      const expected = buildCatalogue(records).filter((f) => !f.key.startsWith('Salary.'));
      const bare = (await clientFor(fake).fieldCatalogue()).filter((f) => !f.key.startsWith('Salary.'));
      expect(bare).toEqual(expected);
      const checked = clientFor(fake);
      await checked.checkCredentials();
      expect((await checked.fieldCatalogue()).filter((f) => !f.key.startsWith('Salary.'))).toEqual(expected);
    });
  });

  // An hourly run passes the digest of the reply the last complete read took (since.cursor, its digest): a reply with exactly
  // that text is held, not read, and reported `same`; anything else is read in full, as ever.
  describe('PeopleHR staff list compared with the last one', () => {
    async function read(c: ReturnType<typeof client>, lastReply?: string) {
      const pages: ProviderRecord[][] = [];
      const result = await c.listEmployees({
        includeSalaries: false,
        ...sinceDigest(lastReply),
        onPage: (p) => void pages.push(p),
      });
      return { records: pages.flat(), result };
    }

    it('the reply the digest came from is not read: no page goes to the sync, and it says same', async () => {
      const text = await replyText(people(12));
      const server = await rawServer((res) => res.end(text));
      const first = await read(client(server.baseUrl));
      expect(first.result).toMatchObject({ cursor: sha1(text), covers: 'all' });

      const again = await read(client(server.baseUrl), first.result.cursor!);
      expect(again.result).toMatchObject({ complete: true, fetched: 0, covers: 'same', cursor: sha1(text) });
      expect(again.records).toEqual([]);
      expect(server.requests()).toBe(2);
    });

    it('a reply that differs by one character is read in full, and its own digest comes back', async () => {
      const staff = people(12);
      const before = await replyText(staff);
      const after = await replyText(staff.map((p, i) => (i === 4 ? { ...p, lastName: `${p.lastName}e` } : p)));
      const server = await rawServer((res) => res.end(after));
      const { records, result } = await read(client(server.baseUrl, { pageSize: 5 }), sha1(before));
      expect(result).toMatchObject({ complete: true, fetched: 12, covers: 'all', cursor: sha1(after) });
      expect(new Set(records.map((r) => r.externalId)).size).toBe(12);
    });

    it('a held reply cut short is asked for again (nothing went out), then found the same', async () => {
      const text = await replyText(people(30));
      const server = await rawServer((res, n) =>
        res.end(n === 1 ? text.slice(0, Math.floor(text.length * 0.7)) : text),
      );
      const { records, result } = await read(client(server.baseUrl), sha1(text));
      expect(result).toMatchObject({ cursor: sha1(text), covers: 'same' });
      expect(records).toEqual([]);
      expect(server.requests()).toBe(2);
    });

    it('a failing reply differs from the last good one, and fails as ever', async () => {
      const good = await replyText(people(5));
      const failing = reorder(good, ['isError', 'Status', 'Message', 'Result'], {
        isError: true,
        Status: 2,
        Message: 'Invalid API Key.',
      });
      const server = await rawServer((res) => res.end(failing));
      await expect(read(client(server.baseUrl), sha1(good))).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    });

    it('a reply longer than can be held is read as it arrives, and its end still shows it the same', async () => {
      const text = await replyText(people(30));
      const { result, pages, firstPageAt, restSentAt } = await readWhileArriving(
        text,
        { holdReplyBytes: 1000 },
        sha1(text),
      );
      // Pages went out before its end showed it the same. All of them do, so the caller may use them if it cannot repeat.
      expect(result).toMatchObject({ complete: true, fetched: 30, covers: 'same', cursor: sha1(text) });
      expect(pages.reduce((a, b) => a + b)).toBe(30);
      expect(firstPageAt).toBeGreaterThan(0);
      expect(firstPageAt).toBeLessThanOrEqual(restSentAt);
    });

    it('a reply longer than can be held that differs is read in full, and its own digest comes back', async () => {
      const staff = people(30);
      const before = await replyText(staff);
      const after = await replyText(staff.map((p, i) => (i === 25 ? { ...p, lastName: `${p.lastName}e` } : p)));
      const { result, pages } = await readWhileArriving(after, { holdReplyBytes: 1000 }, sha1(before));
      expect(result).toMatchObject({ complete: true, fetched: 30, covers: 'all', cursor: sha1(after) });
      expect(pages.reduce((a, b) => a + b)).toBe(30);
    });

    it('a salary run reads everyone whatever the digest, and names no reply (salaries come from other calls)', async () => {
      const staff = people(6);
      const fake = await startFakePeopleHR({ people: staff, today: TODAY });
      servers.push(fake);
      const first = await read(clientFor(fake));
      const pages: ProviderRecord[][] = [];
      const withSalaries = await clientFor(fake).listEmployees({
        includeSalaries: true,
        ...sinceDigest(first.result.cursor!),
        onPage: (p) => void pages.push(p),
      });
      expect(withSalaries).toMatchObject({ complete: true, fetched: 6, covers: 'all', cursor: null });
      expect(pages.flat()).toHaveLength(6);
    });
  });
});
