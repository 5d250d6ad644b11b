import { randomBytes } from 'node:crypto';

const RANDOM_SPACE = 1n << 64n;
let lastTime = -1;
let lastRandom = 0n;

/**
 * Prefixed, time-ordered text ids such as `site_0mh3k2x9a7f3q1c8r2`: the prefix names the kind,
 * the first 9 characters are the creation time in base 36, so ids sort by creation and work as cursors.
 * Ids made in the same millisecond by this process follow each other (the random part counts up), so "newest
 * first" holds for records written one after the other.
 */
export function newId(prefix: string, now = Date.now()): string {
  let random = BigInt('0x' + randomBytes(8).toString('hex'));
  if (now === lastTime && lastRandom + 1n < RANDOM_SPACE) random = lastRandom + 1n + (random % 1024n);
  if (random >= RANDOM_SPACE) random = lastRandom + 1n;
  lastTime = now;
  lastRandom = random;
  return `${prefix}_${now.toString(36).padStart(9, '0')}${random.toString(36).padStart(13, '0')}`;
}

/** A random secret for tokens and session cookies (256 bits, URL-safe). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Request ids: unique across processes (a random prefix per process) and cheap (a counter). */
export function requestIds(): () => string {
  const prefix = `req_${randomBytes(4).toString('hex')}_`;
  let counter = 0;
  return () => prefix + (++counter).toString(36);
}
