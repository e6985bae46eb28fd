import type { RealProvider } from '../src-main/contract/providers';
import type { RunningFake } from '../src-main/fake-hr/http-server';
import { startFakeHumaans, HUMAANS_DEMO_TOKEN } from '../src-main/fake-hr/humaans';
import { startFakePeopleHR } from '../src-main/fake-hr/peoplehr';
import { startFakePersonio, PERSONIO_FAKE_CREDENTIALS } from '../src-main/fake-hr/personio';
import { generatePeople, type SamplePerson } from '../src-main/fake-hr/sample-people';
import type { ChildReply, ChildRequest, FakeReady, LoggedRequest } from './protocol';

/**
 * A vendor fake in its own process, so the bench process's RSS is the app's alone and the fake's
 * JSON encoding does not compete with the sync for the same event loop.
 * Usage: tsx bench/fake-child.ts <vendor> <count>. Prints FakeReady as one JSON line on stdout.
 */
const TODAY = new Date('2026-11-01T12:00:00Z');
/** startFakeHttpServer stops logging silently at 20,000 entries; the bench must know when that happened. */
const LOG_CAP = 20_000;

type Fake = RunningFake & { setPeople(people: SamplePerson[]): void };

async function start(vendor: RealProvider, people: SamplePerson[]): Promise<{ fake: Fake; ready: FakeReady }> {
  switch (vendor) {
    case 'personio': {
      const fake = await startFakePersonio({ people });
      return {
        fake,
        ready: { baseUrl: fake.baseUrl, credentials: { provider: 'personio', ...PERSONIO_FAKE_CREDENTIALS } },
      };
    }
    case 'humaans': {
      const fake = await startFakeHumaans({ people, today: TODAY.toISOString().slice(0, 10) });
      return {
        fake,
        ready: { baseUrl: fake.baseUrl, credentials: { provider: 'humaans', token: HUMAANS_DEMO_TOKEN } },
      };
    }
    case 'peoplehr': {
      const fake = await startFakePeopleHR({ people, today: TODAY });
      return { fake, ready: { baseUrl: fake.baseUrl, credentials: { provider: 'peoplehr', apiKey: fake.fullApiKey } } };
    }
  }
}

/** Every `step`-th person gets a new job title and phone number, different on each round. */
function changed(people: SamplePerson[], fraction: number, round: number): { people: SamplePerson[]; changed: number } {
  const step = Math.max(1, Math.round(1 / fraction));
  let count = 0;
  const next = people.map((p) => {
    if (p.seq % step !== 0) return p;
    count += 1;
    return {
      ...p,
      jobTitle: `${p.jobTitle.replace(/ \(r\d+\)$/, '')} (r${round})`,
      phone: `07${String(700 + round).padStart(3, '0')} ${String(p.seq).padStart(6, '0')}`,
      // Edited now, as far as the HR system's change feed (Personio's updated_since) is concerned.
      updatedAt: new Date().toISOString(),
    };
  });
  return { people: next, changed: count };
}

function logged(fake: Fake, since: number): LoggedRequest[] {
  return fake.log.slice(since).map((e) => ({
    method: e.method,
    url: e.url,
    path: e.path,
    headers: e.headers,
    body: e.body,
    status: e.status,
    at: e.at,
  }));
}

async function main(): Promise<void> {
  const [vendorArg, countArg] = process.argv.slice(2);
  const vendor = vendorArg as RealProvider;
  if (!['personio', 'humaans', 'peoplehr'].includes(vendor)) throw new Error(`unknown vendor ${vendorArg}`);
  let people = generatePeople({ count: Number(countArg), seed: 42, today: TODAY });
  const { fake, ready } = await start(vendor, people);
  let round = 0;

  const answer = (req: ChildRequest): unknown => {
    switch (req.cmd) {
      case 'change': {
        round += 1;
        const r = changed(people, req.fraction, round);
        people = r.people;
        fake.setPeople(people);
        return { changed: r.changed };
      }
      case 'log':
        return { entries: logged(fake, req.since ?? 0), capped: fake.log.length >= LOG_CAP };
      case 'summary': {
        const statuses: Record<string, number> = {};
        for (const e of fake.log) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
        return { count: fake.log.length, statuses, capped: fake.log.length >= LOG_CAP };
      }
      case 'clearLog':
        fake.log.length = 0;
        return { cleared: true };
      case 'enforceRateLimit':
        fake.faults.enforceRateLimit = req.on;
        return { enforceRateLimit: req.on };
    }
  };

  process.on('message', (msg: ChildRequest) => {
    let reply: ChildReply;
    try {
      reply = { id: msg.id, ok: true, value: answer(msg) };
    } catch (err) {
      reply = { id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    process.send?.(reply);
  });
  process.on('disconnect', () => {
    void fake.close().then(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
