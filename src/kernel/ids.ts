import { randomBytes } from 'node:crypto';

/**
 * Prefixed, time-ordered text ids such as `site_0mh3k2x9a7f3q1c8r2`: the prefix names the kind,
 * the first 9 characters are the creation time in base 36, so ids sort by creation and work as cursors.
 */
export function newId(prefix: string, now = Date.now()): string {
  const time = now.toString(36).padStart(9, '0');
  const random = BigInt('0x' + randomBytes(8).toString('hex')).toString(36).padStart(13, '0');
  return `${prefix}_${time}${random}`;
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
