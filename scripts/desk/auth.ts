/**
 * The 编辑台 on an office network (`--host`): one password check, then a signed session cookie;
 * requests without a session limited per client and in all. The same approach as the internal
 * edition's nginx (docs/security.md, scripts/deploy/nginx/snippets/session.js): the cookie is
 * `desk_session=<expiry>.<editor's name, base64url>.<HMAC-SHA256>` under a random key made
 * when the desk starts (restarting the desk ends every session), HttpOnly, SameSite=Strict, for
 * 12 hours; the limits are nginx's limit_req figures there (1 a second per client, a burst of
 * 20; 10 a second from all clients together).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'desk_session';
export const SESSION_SECONDS = 12 * 3600;

export class Sessions {
  readonly #key: Buffer;
  readonly #password: Buffer;

  constructor(password: string, key: Buffer = randomBytes(32)) {
    this.#key = key;
    this.#password = createHash('sha256').update(password).digest();
  }

  /** Whether `password` is the desk's, compared in time that does not depend on where it differs. */
  passwordMatches(password: string): boolean {
    return timingSafeEqual(createHash('sha256').update(password).digest(), this.#password);
  }

  #sign(text: string): string {
    return createHmac('sha256', this.#key).update(text).digest('base64url');
  }

  /** A session's cookie value for `editor`, from `now` (ms). */
  issue(editor: string, now = Date.now()): string {
    const head = `${Math.floor(now / 1000) + SESSION_SECONDS}.${Buffer.from(editor).toString('base64url')}`;
    return `${head}.${this.#sign(head)}`;
  }

  /** The editor of a valid, unexpired session cookie, or null. */
  editorOf(cookie: string | undefined, now = Date.now()): string | null {
    const parts = (cookie ?? '').split('.');
    if (parts.length !== 3 || !/^\d{1,12}$/.test(parts[0]!) || !/^[A-Za-z0-9_-]{1,400}$/.test(parts[1]!)) return null;
    if (Number(parts[0]) * 1000 <= now) return null;
    const expected = Buffer.from(this.#sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]!);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return Buffer.from(parts[1]!, 'base64url').toString();
  }
}

/** Token buckets: `rate` a second, `burst` more at once; per client and for all clients together. */
export class RateLimit {
  readonly #clients = new Map<string, { tokens: number; at: number }>();
  #all: { tokens: number; at: number };

  readonly limits: { perClient: number; burst: number; all: number };

  constructor(limits = { perClient: 1, burst: 20, all: 10 }, now = Date.now()) {
    this.limits = limits;
    this.#all = { tokens: limits.burst, at: now };
  }

  #take(bucket: { tokens: number; at: number }, rate: number, now: number): boolean {
    bucket.tokens = Math.min(this.limits.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Whether a request from `client` may go on now; false: answer 429 without checking anything. */
  allow(client: string, now = Date.now()): boolean {
    let bucket = this.#clients.get(client);
    if (!bucket) {
      // Forget clients whose buckets are full again, so that the map stays small under a flood of addresses.
      if (this.#clients.size > 10_000) for (const [k, b] of this.#clients) if (now - b.at > this.limits.burst * 1000) this.#clients.delete(k);
      bucket = { tokens: this.limits.burst, at: now };
      this.#clients.set(client, bucket);
    }
    if (!this.#take(bucket, this.limits.perClient, now)) return false;
    return this.#take(this.#all, this.limits.all, now);
  }
}
