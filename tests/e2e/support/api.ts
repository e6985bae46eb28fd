import type { CommandInput, CommandName, CommandOutputs } from '../../../src-main/contract/index';

/**
 * Calls the browser-mode HTTP API directly, with the launch key from the printed address: for setting up
 * a company faster than the wizard would, when the wizard is not what the test is about.
 */
export async function callApi<K extends CommandName>(
  serverUrl: string,
  name: K,
  input: CommandInput<K>,
): Promise<CommandOutputs[K]> {
  const url = new URL(serverUrl);
  const key = new URLSearchParams(url.hash.slice(1)).get('key') ?? '';
  const res = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bureau-key': key },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as
    { ok: true; value: CommandOutputs[K] } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${name} failed: ${body.error.code} ${body.error.message}`);
  return body.value;
}

/** The number in a count's text ("1,234 employees" → 1234). */
export const num = (s: string | null): number => Number((s ?? '').replace(/[^\d]/g, ''));
