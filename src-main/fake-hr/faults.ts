/**
 * Fault switches every fake HR server understands, so integration tests (and curious users of the demo)
 * can make the "HR system" misbehave the way real ones do. Counts are consumed request by request;
 * `paths` limits a fault to requests whose path starts with one of them.
 */
export interface FaultSwitches {
  /** The next `count` requests answer `status` (default 503) with an HTML error page, as gateways do. */
  serverError?: { count: number; status?: number; paths?: string[] };
  /** The next `count` requests answer 200 with a body that is not JSON at all. */
  malformedJson?: { count: number; paths?: string[] };
  /** The next `count` requests answer 200 with JSON cut off half way. */
  truncatedJson?: { count: number; paths?: string[] };
  /** Every response waits this long before answering (ms). */
  slowMs?: number;
  /** The next `count` requests answer 429; with `retryAfterSeconds` a Retry-After header is sent. */
  rateLimit?: { count: number; retryAfterSeconds?: number; paths?: string[] };
  /** Enforce the vendor's documented rate limit and answer 429 past it (off unless set). */
  enforceRateLimit?: boolean;
  /** Tokens issued expire after this many authorised requests (vendors with tokens). */
  expireTokenAfterRequests?: number;
  /** Between the first and second page of a listing, a new person is inserted at the front and one is removed. */
  changeBetweenPages?: boolean;
  /** Vendor permission names the credential lacks (e.g. Personio attribute keys, Humaans scopes, PeopleHR actions). */
  missingPermissions?: string[];
  /** Drop the connection without answering for the next `count` requests. */
  dropConnection?: { count: number; paths?: string[] };
}

export interface RequestLogEntry {
  method: string;
  /** Path and query, exactly as received. */
  url: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Raw request body text (multipart bodies are kept as text too). */
  body: string;
  status: number;
  at: number;
}

/** Takes one from a counted fault if it applies to this path; returns whether it fired. */
export function consume(fault: { count: number; paths?: string[] } | undefined, path: string): boolean {
  if (!fault || fault.count <= 0) return false;
  if (fault.paths && !fault.paths.some((p) => path.startsWith(p))) return false;
  fault.count -= 1;
  return true;
}
