import { describe, expect, it } from 'vitest';
import { BadJsonError, readJsonText } from '../../src-main/core/hr/reply-body';

// Personio and Humaans list pages are read as text as they arrive (http.jsonPage) instead of through
// axios' buffered json(): a client must get exactly what JSON.parse of the whole body gives, and a
// reply JSON.parse rejects must fail as the same retryable "could not read" fault json() raises.

async function* pieces(...parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}

function chunked(text: string, size: number): AsyncGenerator<string> {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return pieces(...parts);
}

const page = {
  success: true,
  metadata: { total_elements: 2 },
  limit: 100,
  offset: 0,
  data: [
    { type: 'Employee', attributes: { id: { value: 1 }, first_name: { value: 'Zoë "Jo"' } } },
    { type: 'Employee', attributes: { id: { value: 2 }, last_name: { value: 'O\\Brien [x]' } } },
  ],
};

describe('readJsonText: a JSON reply from the pieces it arrived in', () => {
  it('gives what JSON.parse gives, however the text is cut', async () => {
    const text = JSON.stringify(page, null, 1);
    for (const size of [1, 7, 64, text.length]) expect(await readJsonText(chunked(text, size))).toEqual(page);
  });

  it('drops a leading byte-order mark and reads an empty body as null, as json() does', async () => {
    expect(await readJsonText(pieces('\ufeff{"data":', '[1]}'))).toEqual({ data: [1] });
    expect(await readJsonText(pieces('', '  \n'))).toBeNull();
    expect(await readJsonText(pieces())).toBeNull();
  });

  it('rejects an HTML error page, a cut-off page and broken JSON as a reply it could not read', async () => {
    const text = JSON.stringify(page);
    for (const bad of [
      pieces('<html><body>502 Bad Gateway</body></html>'),
      chunked(text.slice(0, text.length / 2), 16),
      pieces('{"data":[{"id":1},', '{"id":2,,}]}'),
    ]) {
      const err = await readJsonText(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadJsonError);
      expect((err as Error).message).toMatch(/^not JSON \(starts with "/);
    }
  });
});
