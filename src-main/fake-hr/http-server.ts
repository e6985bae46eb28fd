import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consume, type FaultSwitches, type RequestLogEntry } from './faults';

/**
 * The plumbing every fake HR server shares: a real HTTP server on 127.0.0.1 (port 0 unless given),
 * a request log tests assert on, and the generic fault switches (5xx HTML, malformed / truncated JSON,
 * slow answers, 429s, dropped connections). Vendor-specific behaviour lives in each vendor's handler.
 */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body's exact bytes (uploads carry binary files). */
  rawBody: Buffer;
}

export interface FakeResponse {
  status: number;
  /** Serialised as JSON unless `raw` is set. */
  json?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface RunningFake {
  baseUrl: string;
  port: number;
  log: RequestLogEntry[];
  faults: FaultSwitches;
  close(): Promise<void>;
}

export async function startFakeHttpServer(
  handler: FakeHandler,
  opts: { port?: number; faults?: FaultSwitches; maxLog?: number } = {},
): Promise<RunningFake> {
  const log: RequestLogEntry[] = [];
  const faults: FaultSwitches = opts.faults ?? {};
  const maxLog = opts.maxLog ?? 20_000;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void answer(req, Buffer.concat(chunks), res);
    });
  });

  async function answer(req: IncomingMessage, rawBody: Buffer, res: ServerResponse): Promise<void> {
    const body = rawBody.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      status: 0,
      at: Date.now(),
    };
    if (log.length < maxLog) log.push(entry);
    if (faults.slowMs) await new Promise((r) => setTimeout(r, faults.slowMs));

    if (consume(faults.dropConnection, path)) {
      entry.status = -1;
      req.socket.destroy();
      return;
    }
    if (consume(faults.serverError, path)) {
      const status = faults.serverError?.status ?? 503;
      entry.status = status;
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(
        `<html><head><title>${status} Service Temporarily Unavailable</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`,
      );
      return;
    }
    if (consume(faults.rateLimit, path)) {
      entry.status = 429;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (faults.rateLimit?.retryAfterSeconds !== undefined)
        headers['retry-after'] = String(faults.rateLimit.retryAfterSeconds);
      res.writeHead(429, headers);
      res.end(JSON.stringify({ message: 'Too Many Requests' }));
      return;
    }
    if (consume(faults.malformedJson, path)) {
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<!DOCTYPE html><html><body>Maintenance in progress</body></html>');
      return;
    }
    const truncate = consume(faults.truncatedJson, path);

    let out: FakeResponse;
    try {
      out = await handler({ method: entry.method, path, query: url.searchParams, headers: req.headers, body, rawBody });
    } catch (err) {
      out = { status: 500, json: { error: err instanceof Error ? err.message : String(err) } };
    }
    entry.status = out.status;
    let text = out.raw ?? (out.json === undefined ? '' : JSON.stringify(out.json));
    if (truncate && text.length > 2) text = text.slice(0, Math.floor(text.length / 2));
    res.writeHead(out.status, {
      'content-type': out.raw !== undefined ? 'text/plain' : 'application/json',
      ...out.headers,
    });
    res.end(text);
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    log,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
