import { randomBytes } from 'node:crypto';

/**
 * Personio's token rules as the live API plays them: a "papi-" token that is stable for 24 h from first
 * issue (asking again returns the same token with the remaining lifetime), optionally expiring after a
 * number of requests (the fault switch), or the legacy one-time mode where each call rotates the token.
 */
interface TokenInfo {
  clientId: string;
  issuedAt: number;
  uses: number;
  dead: 'expired' | 'blacklisted' | null;
}

export type TokenCheck = 'ok' | 'unknown' | 'expired' | 'blacklisted';

export class FakeTokenStore {
  private readonly tokens = new Map<string, TokenInfo>();
  private readonly stable = new Map<string, string>();
  issued = 0;

  constructor(
    private readonly now: () => number,
    private readonly lifetimeSeconds: number,
    private readonly expireAfterRequests: () => number | undefined,
  ) {}

  /** The token for these credentials: the stable one while it lives, else a new one. */
  issue(clientId: string): { token: string; expiresIn: number } {
    const current = this.stable.get(clientId);
    const info = current ? this.tokens.get(current) : undefined;
    if (current && info && !info.dead && this.remaining(info) > 0)
      return { token: current, expiresIn: this.remaining(info) };
    const token = `papi-${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { clientId, issuedAt: this.now(), uses: 0, dead: null });
    this.stable.set(clientId, token);
    this.issued += 1;
    return { token, expiresIn: this.lifetimeSeconds };
  }

  /** Checks a bearer token and counts the use. */
  use(token: string): TokenCheck {
    const info = this.tokens.get(token);
    if (!info) return 'unknown';
    if (info.dead) return info.dead;
    if (this.remaining(info) <= 0) return this.kill(token, info, 'expired');
    const limit = this.expireAfterRequests();
    if (limit !== undefined && info.uses >= limit) return this.kill(token, info, 'expired');
    info.uses += 1;
    return 'ok';
  }

  /** Legacy one-time tokens: blacklist the used one and hand out a fresh one. */
  rotate(token: string): string {
    const info = this.tokens.get(token);
    if (!info) return token;
    this.kill(token, info, 'blacklisted');
    return this.issue(info.clientId).token;
  }

  revokeAll(): void {
    for (const [t, info] of this.tokens) this.kill(t, info, 'expired');
  }

  private remaining(info: TokenInfo): number {
    return Math.floor((info.issuedAt + this.lifetimeSeconds * 1000 - this.now()) / 1000);
  }

  private kill(token: string, info: TokenInfo, why: 'expired' | 'blacklisted'): TokenCheck {
    info.dead = why;
    if (this.stable.get(info.clientId) === token) this.stable.delete(info.clientId);
    return why;
  }
}

/** A sliding-window counter: allows `max` accepted events per `windowMs`. */
export class SlidingWindow {
  private readonly times: number[] = [];
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  wouldAllow(now: number): boolean {
    while (this.times.length > 0 && this.times[0]! <= now - this.windowMs) this.times.shift();
    return this.times.length < this.max;
  }

  record(now: number): void {
    this.times.push(now);
  }
}
