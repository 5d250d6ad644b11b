import { describe, expect, it } from 'vitest';
import { checkinOpen, checkinToken, tokenAccepted, windowOf } from './checkin-token.js';

const secret = Buffer.alloc(32, 7).toString('base64url');

describe('check-in codes', () => {
  it('are 22 base64url characters, one per session and 30-second window', () => {
    const at = new Date('2026-06-01T02:00:10Z');
    const token = checkinToken(secret, 'tses_a', windowOf(at));
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(checkinToken(secret, 'tses_b', windowOf(at))).not.toBe(token);
    expect(checkinToken(secret, 'tses_a', windowOf(at) + 1)).not.toBe(token);
  });

  it('accept the current and the previous window, not older nor the next', () => {
    const at = new Date('2026-06-01T02:00:10Z');
    const token = checkinToken(secret, 'tses_a', windowOf(at));
    expect(tokenAccepted(secret, 'tses_a', token, at)).toBe(true);
    expect(tokenAccepted(secret, 'tses_a', token, new Date(at.getTime() + 30_000))).toBe(true);
    expect(tokenAccepted(secret, 'tses_a', token, new Date(at.getTime() + 60_000))).toBe(false);
    expect(tokenAccepted(secret, 'tses_a', token, new Date(at.getTime() - 30_000))).toBe(false);
    expect(tokenAccepted(secret, 'tses_b', token, at)).toBe(false);
    expect(tokenAccepted(secret, 'tses_a', 'short', at)).toBe(false);
  });

  it('open 30 minutes before the start until 30 minutes after the end', () => {
    const starts = '2026-06-01T01:00:00Z';
    const ends = '2026-06-01T03:00:00Z';
    expect(checkinOpen(starts, ends, new Date('2026-06-01T00:29:59Z'))).toBe(false);
    expect(checkinOpen(starts, ends, new Date('2026-06-01T00:30:00Z'))).toBe(true);
    expect(checkinOpen(starts, ends, new Date('2026-06-01T03:30:00Z'))).toBe(true);
    expect(checkinOpen(starts, ends, new Date('2026-06-01T03:30:01Z'))).toBe(false);
  });
});
