import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { COMMAND_NAMES, type CommandName } from '../contract/index';
import type { Core } from '../core/app';

/**
 * Browser mode: the same contract over loopback HTTP. Bound to 127.0.0.1 on a random port, every API
 * call must carry the per-launch secret, the Host header must be ours (DNS-rebinding defence), and no
 * CORS headers are ever sent, so other sites' pages cannot call in.
 *
 *   POST /api/<command>   body: JSON input      → Result envelope
 *   GET  /api/events      Server-Sent Events: push events
 *   GET  /*               the built renderer
 */
export interface WebServer {
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const MAX_BODY = 1024 * 1024;

export async function startWebServer(core: Core, opts: { rendererDir: string; port?: number }): Promise<WebServer> {
  const secret = randomBytes(24).toString('base64url');
  const names = new Set<string>(COMMAND_NAMES);
  let port = 0;

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(req, url)) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ok: false,
            error: {
              code: 'AUTH_FAILED',
              message: "Open Bureau Sync with the address printed when it started (it carries this launch's key).",
            },
          }),
        );
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res);
      const name = url.pathname.slice('/api/'.length);
      if (req.method !== 'POST' || !names.has(name)) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: `No such command: ${name}` } }));
        return;
      }
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The request body is not JSON.' } }));
        return;
      }
      const result = await core.invoke(name as CommandName, input);
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(result));
      return;
    }
    serveStatic(url.pathname, res);
  }

  function authorised(req: IncomingMessage, url: URL): boolean {
    const given = req.headers['x-bureau-key'] ?? url.searchParams.get('key') ?? '';
    const a = Buffer.from(String(given));
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const off = core.subscribe((event, payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      off();
      clearInterval(ping);
    });
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(opts.rendererDir, rel);
    if (!file.startsWith(opts.rendererDir + sep) && file !== opts.rendererDir) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(opts.rendererDir, 'index.html');
    if (!existsSync(file)) {
      res
        .writeHead(500, { 'content-type': 'text/plain' })
        .end('The app has not been built: run `npm run build` first.');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    secret,
    // The key travels in the fragment: never sent to the server in a Referer, never logged by proxies.
    url: `http://127.0.0.1:${port}/#key=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
