import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ListThread, listThreadReads } from '../../src-main/core/hr/peoplehr/list-thread';
import type { PieceRows } from '../../src-main/core/hr/peoplehr/list-pieces';
import { recordJson, sha1 } from '../../src-main/core/hr/record-json';
import type { Logger } from '../../src-main/core/ports';
import { generatePeople } from '../../src-main/fake-hr/sample-people';
import { TODAY, clientFor, listAll, readWhole, usePeopleHRFakes } from '../helpers/peoplehr';

// A PeopleHR staff list is read on the list thread, beside the core's thread, so that parsing 10,000 people
// there overlaps the sync's own work on the core's. These tests hold it to reading exactly what the core's
// thread reads, and to failing loudly, never silently, when the thread itself fails.

const startFake = usePeopleHRFakes();
const people = generatePeople({ count: 120, seed: 11, today: TODAY });

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, error() {}, warn: (msg: string) => void warnings.push(msg) };
}

describe('PeopleHR staff lists on the list thread', () => {
  it('reads the same records as the core thread, each already serialised and hashed as the sync would', async () => {
    const fake = await startFake({ people });
    const before = listThreadReads();
    const onThread = await listAll(clientFor(fake));
    expect(listThreadReads()).toBe(before + 1);
    const here = await listAll(clientFor(fake, { listThread: false }));
    expect(listThreadReads()).toBe(before + 1);

    expect(onThread.result).toEqual(readWhole(120));
    expect(onThread.result).toEqual(here.result);
    expect(onThread.records).toEqual(here.records);
    // Beside each page came every record's JSON and hash from the thread: exactly what the core would work out.
    expect(onThread.serialised).toHaveLength(onThread.records.length);
    onThread.records.forEach((r, i) => {
      expect(onThread.serialised[i]).toEqual(recordJson(r));
      expect(onThread.serialised[i]!.hash).toBe(sha1(JSON.stringify(r)));
    });
    // Read here, nothing comes with the pages: the sync works it out.
    expect(here.serialised).toEqual([]);
  });

  it('a salary run hands on no JSON with its pages: salary fields are added to its records after they are read', async () => {
    const fake = await startFake({ people: people.slice(0, 5) });
    const { records, serialised } = await listAll(clientFor(fake), true);
    expect(records).toHaveLength(5);
    expect(serialised).toEqual([]);
  });

  it('a thread that stops mid-read fails that read with a clear error, and delivers nothing after', async () => {
    const thread = new ListThread(recordingLogger());
    expect(await thread.ready).toBe(true);
    const delivered: PieceRows[] = [];
    const reader = thread.open('2026-11-01', true, async (rows) => void delivered.push(rows));
    await reader.write('{"isError":false,"Result":[');
    await thread.terminate();
    await expect(reader.write('{"EmployeeId":{"DisplayValue":"E1"}}')).rejects.toThrow(
      /staff list stopped part way \(exit code \d+\)\. Nothing was changed/,
    );
    await expect(reader.end()).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(delivered.flatMap((d) => d.records)).toEqual([]);
    expect(thread.broken).toMatch(/exit code/);
  });

  it('closing a reader waits for the delivery under way, and nothing is delivered after it', async () => {
    const thread = new ListThread(recordingLogger());
    expect(await thread.ready).toBe(true);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let entered: () => void = () => undefined;
    const inDelivery = new Promise<void>((resolve) => (entered = resolve));
    const delivered: string[] = [];
    const reader = thread.open('2026-11-01', false, async (rows) => {
      entered();
      await gate;
      delivered.push(...rows.records.map((r) => r.externalId));
    });
    const row = (id: string) => `{"EmployeeId":{"DisplayValue":"${id}"}}`;
    await reader.write(`{"isError":false,"Result":[${row('E1')},`);
    await reader.write(`${row('E2')},`);
    await inDelivery;
    let closed = false;
    const closing = reader.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    // The caller (say, about to ask for the reply again) is held until the delivery under way is done.
    expect(closed).toBe(false);
    open();
    await closing;
    // E1's delivery finished; E2's, queued behind it, never happens.
    expect(delivered).toEqual(['E1']);
    await thread.terminate();
  });

  it('a thread that cannot load says so once in the log and reports it is not ready', async () => {
    const script = join(tmpdir(), `bureau-sync-broken-worker-${process.pid}.js`);
    writeFileSync(script, 'throw new Error("cannot load");');
    const logger = recordingLogger();
    const thread = new ListThread(logger, script);
    expect(await thread.ready).toBe(false);
    expect(thread.broken).toMatch(/cannot load/);
    expect(logger.warnings).toEqual(['PeopleHR staff lists are read on the main thread: the list thread stopped']);
  });
});
