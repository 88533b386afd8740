import { describe, expect, it } from 'vitest';
import { RateLimit, SESSION_SECONDS, Sessions } from '../../../scripts/desk/auth.ts';

const key = Buffer.alloc(32, 7);

describe('the desk’s session cookie', () => {
  const sessions = new Sessions('correct horse', key);
  const now = Date.UTC(2026, 11, 8);

  it('checks the password', () => {
    expect(sessions.passwordMatches('correct horse')).toBe(true);
    expect(sessions.passwordMatches('correct hors')).toBe(false);
  });

  it('names the editor of a valid cookie until it expires', () => {
    const cookie = sessions.issue('王五', now);
    expect(sessions.editorOf(cookie, now + 1000)).toBe('王五');
    expect(sessions.editorOf(cookie, now + SESSION_SECONDS * 1000)).toBeNull();
  });

  it('refuses a forged, tampered or foreign cookie', () => {
    const cookie = sessions.issue('王五', now);
    const [expiry, user, signature] = cookie.split('.');
    expect(sessions.editorOf(`${Number(expiry) + 3600}.${user}.${signature}`, now)).toBeNull();
    expect(sessions.editorOf(`${expiry}.${Buffer.from('赵六').toString('base64url')}.${signature}`, now)).toBeNull();
    expect(sessions.editorOf(new Sessions('correct horse', Buffer.alloc(32, 8)).issue('王五', now), now)).toBeNull();
    expect(sessions.editorOf('', now)).toBeNull();
    expect(sessions.editorOf('a.b', now)).toBeNull();
  });
});

describe('the limit on requests without a session', () => {
  it('lets a burst of 20 through, then 1 a second per client', () => {
    const limit = new RateLimit({ perClient: 1, burst: 20, all: 1000 }, 0);
    const first = Array.from({ length: 25 }, () => limit.allow('10.0.0.1', 0));
    expect(first.filter(Boolean)).toHaveLength(20);
    expect(limit.allow('10.0.0.1', 500)).toBe(false);
    expect(limit.allow('10.0.0.1', 1000)).toBe(true);
    // Another client has its own burst.
    expect(limit.allow('10.0.0.2', 1000)).toBe(true);
  });

  it('limits all clients together', () => {
    const limit = new RateLimit({ perClient: 1, burst: 20, all: 10 }, 0);
    const answers = Array.from({ length: 40 }, (_, i) => limit.allow(`10.0.1.${i}`, 0));
    expect(answers.filter(Boolean)).toHaveLength(20);
    expect(limit.allow('10.0.2.1', 100)).toBe(true);
    expect(limit.allow('10.0.2.2', 100)).toBe(false);
  });
});
