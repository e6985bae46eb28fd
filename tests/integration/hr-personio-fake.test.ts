import { afterEach, describe, expect, it } from 'vitest';
import {
  startFakePersonio,
  PERSONIO_FAKE_CREDENTIALS,
  type RunningFakePersonio,
} from '../../src-main/fake-hr/personio';
import { generatePeople } from '../../src-main/fake-hr/sample-people';

/**
 * The fake Personio plays parts of the API the client does not lean on in its own tests (v2 sign-in,
 * limits past the maximum, reading past the end), so the demo and future clients meet Personio's rules.
 */

let fake: RunningFakePersonio | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const { clientId, clientSecret } = PERSONIO_FAKE_CREDENTIALS;

async function token(f: RunningFakePersonio): Promise<string> {
  const res = await fetch(`${f.baseUrl}/v1/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret }).toString(),
  });
  const body = (await res.json()) as { data: { token: string; expires_in: number } };
  expect(body.data.token).toMatch(/^papi-/);
  return body.data.token;
}

async function get(f: RunningFakePersonio, path: string, t: string) {
  const res = await fetch(`${f.baseUrl}${path}`, { headers: { authorization: `Bearer ${t}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('fake Personio', () => {
  it('issues the same token for the same credentials, with the remaining lifetime', async () => {
    let now = 1_800_000_000_000;
    fake = await startFakePersonio({ people: generatePeople({ count: 2 }), now: () => now });
    const first = await token(fake);
    now += 3600_000;
    const again = await fetch(`${fake.baseUrl}/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: clientId, client_secret: clientSecret }),
    });
    expect(((await again.json()) as { data: unknown }).data).toMatchObject({ token: first, expires_in: 86_400 - 3600 });
    expect(fake.tokensIssued()).toBe(1);
  });

  it('v2 /auth/token wants a form body and client_credentials, and answers problems as OAuth2 errors', async () => {
    fake = await startFakePersonio({ people: generatePeople({ count: 2 }) });
    const post = (type: string, body: string) =>
      fetch(`${fake!.baseUrl}/v2/auth/token`, { method: 'POST', headers: { 'content-type': type }, body });
    const asJson = await post(
      'application/json',
      JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    );
    expect(asJson.status).toBe(400);
    expect(await asJson.json()).toMatchObject({ error: 'invalid_request' });
    const wrong = await post(
      'application/x-www-form-urlencoded',
      `grant_type=client_credentials&client_id=${clientId}&client_secret=nope`,
    );
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const ok = await post(
      'application/x-www-form-urlencoded',
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
    );
    expect(await ok.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.stringMatching(/^papi-/) });
  });

  it('pages by row offset: limit over 100 is refused, past the end is an empty page, metadata counts pages from 0', async () => {
    fake = await startFakePersonio({ people: generatePeople({ count: 25 }) });
    const t = await token(fake);
    expect((await get(fake, '/v1/company/employees?limit=101', t)).status).toBe(400);
    const page = await get(fake, '/v1/company/employees?limit=10&offset=20', t);
    expect(page.body).toMatchObject({
      success: true,
      offset: 20,
      limit: 10,
      metadata: { total_elements: 25, current_page: 2, total_pages: 3 },
    });
    expect(page.body['data']).toHaveLength(5);
    const past = await get(fake, '/v1/company/employees?limit=10&offset=40', t);
    expect(past.body).toMatchObject({ success: true, data: [] });
  });

  it('answers without a token, or with an unknown employee id, in Personio v1 error envelopes', async () => {
    fake = await startFakePersonio({ people: generatePeople({ count: 2 }) });
    const none = await fetch(`${fake.baseUrl}/v1/company/employees`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({
      success: false,
      error: { code: 401, message: 'Authorization is not provided' },
    });
    const missing = await get(fake, '/v1/company/employees/42', await token(fake));
    expect(missing).toEqual({
      status: 404,
      body: { success: false, error: { code: 404, message: 'Es ist ein Problem aufgetreten ' } },
    });
  });

  it('supports the email filter and the attributes[] projection (id always kept)', async () => {
    const people = generatePeople({ count: 12 });
    fake = await startFakePersonio({ people });
    const t = await token(fake);
    const target = people[4]!;
    const one = await get(
      fake,
      `/v1/company/employees?email=${encodeURIComponent(target.email)}&attributes[]=first_name`,
      t,
    );
    const data = one.body['data'] as Array<{ attributes: Record<string, { value: unknown }> }>;
    expect(data).toHaveLength(1);
    expect(Object.keys(data[0]!.attributes).sort()).toEqual(['first_name', 'id']);
    expect(data[0]!.attributes['first_name']?.value).toBe(target.firstName);
  });

  it('setPeople replaces the account; the same person keeps the same Personio id', async () => {
    const people = generatePeople({ count: 5 });
    fake = await startFakePersonio({ people });
    const before = fake.ids();
    fake.setPeople(people.map((p) => (p.seq === 2 ? { ...p, lastName: 'Renamed' } : p)).slice(0, 4));
    expect(fake.ids()).toEqual(before.slice(0, 4));
    const rec = await get(fake, `/v1/company/employees/${before[1]}`, await token(fake));
    expect(
      (rec.body['data'] as { attributes: Record<string, { value: unknown }> }).attributes['last_name']?.value,
    ).toBe('Renamed');
  });
});
