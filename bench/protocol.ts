import type { Credentials } from '../src-main/contract/providers';

/** The messages between the bench and its fake-server child (bench/fake-child.ts). */

/** The one JSON line the child prints on stdout once its fake is listening. */
export interface FakeReady {
  baseUrl: string;
  credentials: Credentials;
}

export type ChildRequest = { id: number } & (
  | { cmd: 'change'; fraction: number }
  | { cmd: 'log'; since?: number }
  | { cmd: 'summary' }
  | { cmd: 'clearLog' }
  | { cmd: 'enforceRateLimit'; on: boolean }
);

export type ChildReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** A request as the fake received it: enough to replay it byte for byte. */
export interface LoggedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  status: number;
  at: number;
}

export interface LogSummary {
  count: number;
  statuses: Record<string, number>;
  capped: boolean;
}
