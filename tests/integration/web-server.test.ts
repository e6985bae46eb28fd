import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCore } from '../helpers/core';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import type { Core } from '../../src-main/core/app';

let core: Core | null = null;
let web: WebServer | null = null;
afterEach(async () => {
  await web?.close();
  await core?.close();
  web = null;
  core = null;
});

async function start() {
  const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Bureau Sync</title>');
  core = makeCore();
  web = await startWebServer(core, { rendererDir });
  return web;
}

/** Raw HTTP so the Host header can be set freely (fetch forbids changing it). */
function raw(
  port: number,
  path: string,
  opts: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: opts.host ?? `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 with a random port and prints an address carrying the per-launch key', async () => {
    const w = await start();
    expect(w.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${w.port}/#key=`));
    expect(w.port).toBeGreaterThan(0);
    expect(w.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('answers contract commands with the launch key and a Result envelope, and sends no CORS headers', async () => {
    const w = await start();
    const res = await raw(w.port, '/api/companies.list', {
      method: 'POST',
      headers: { 'x-bureau-key': w.secret, 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
    expect(Object.keys(res.headers).some((h) => h.startsWith('access-control-'))).toBe(false);
  });

  it('refuses API calls without the launch key or with a wrong one', async () => {
    const w = await start();
    expect((await raw(w.port, '/api/companies.list', { method: 'POST', body: '{}' })).status).toBe(401);
    expect(
      (
        await raw(w.port, '/api/companies.list', {
          method: 'POST',
          body: '{}',
          headers: { 'x-bureau-key': 'x'.repeat(w.secret.length) },
        })
      ).status,
    ).toBe(401);
  });

  it('refuses requests whose Host header is not ours (DNS rebinding)', async () => {
    const w = await start();
    const res = await raw(w.port, '/api/companies.list', {
      method: 'POST',
      host: `attacker.example:${w.port}`,
      headers: { 'x-bureau-key': w.secret },
      body: '{}',
    });
    expect(res.status).toBe(421);
    expect((await raw(w.port, '/', { host: 'attacker.example' })).status).toBe(421);
  });

  it('validates input at the boundary and says what is wrong', async () => {
    const w = await start();
    const res = await raw(w.port, '/api/employees.list', {
      method: 'POST',
      headers: { 'x-bureau-key': w.secret },
      body: '{"companyId": 5}',
    });
    const body = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toMatch(/companyId/);
    const bad = await raw(w.port, '/api/companies.list', {
      method: 'POST',
      headers: { 'x-bureau-key': w.secret },
      body: 'not json',
    });
    expect(bad.status).toBe(400);
  });

  it('streams push events to the browser over Server-Sent Events', async () => {
    const w = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: w.port,
          path: `/api/events?key=${w.secret}`,
          headers: { host: `127.0.0.1:${w.port}` },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
            if (text.includes('event: companies.changed')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    await raw(w.port, '/api/companies.addDemo', { method: 'POST', headers: { 'x-bureau-key': w.secret }, body: '{}' });
    expect(await received).toContain('event: companies.changed');
  });

  it('serves the renderer and never files outside its folder', async () => {
    const w = await start();
    expect((await raw(w.port, '/')).body).toContain('Bureau Sync');
    const escape = await raw(w.port, '/../../etc/passwd');
    expect(escape.body).not.toContain('root:');
  });
});
