import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/** How a push is signed: HMAC-SHA256 with a shared secret, or SM2 over the SM3 digest (GB/T 32918, GB/T 35276). */
export const ALGORITHMS = ['hmac-sha256', 'sm2-sm3'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** GB/T 35276's default signer id, used in the SM3 digest (Z value) of an SM2 signature. */
export const SM2_USER_ID = '1234567812345678';

/** The headers a push carries (lower case as Node hands them over). */
export const HEADERS = {
  algorithm: 'x-countyhub-algorithm',
  timestamp: 'x-countyhub-timestamp',
  signature: 'x-countyhub-signature',
  idempotencyKey: 'idempotency-key',
} as const;

/** How far a push's timestamp may be from the receiver's clock. */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

/**
 * What is signed: the timestamp header, a line feed, then the body's exact bytes. Binding the timestamp stops an
 * old message being replayed with a fresh timestamp.
 */
export const signedText = (timestamp: string, body: string) => `${timestamp}\n${body}`;

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A new HMAC secret (256 bits, base64url), shown once to the county admin to hand to the receiver. */
export const newHmacSecret = () => randomBytes(32).toString('base64url');

/** A new SM2 key pair (hex; the public key uncompressed, 04‖x‖y). */
export function newSm2KeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}

/** The signature of a message: hex HMAC-SHA256, or hex r‖s of SM2 with SM3 and the default user id. */
export function sign(algorithm: Algorithm, key: { secret: string; publicKey?: string | null }, timestamp: string, body: string): string {
  const text = signedText(timestamp, body);
  if (algorithm === 'hmac-sha256') return createHmac('sha256', key.secret).update(text, 'utf8').digest('hex');
  return sm2.doSignature(text, key.secret, { hash: true, der: false, userId: SM2_USER_ID, publicKey: key.publicKey ?? undefined });
}

/** Whether a signature is the sender's: HMAC compared in constant time; SM2 verified with the sender's public key. */
export function verify(algorithm: Algorithm, key: { secret?: string | null; publicKey?: string | null }, timestamp: string, body: string, signature: string): boolean {
  if (!/^[0-9a-f]+$/i.test(signature)) return false;
  const text = signedText(timestamp, body);
  if (algorithm === 'hmac-sha256') {
    if (!key.secret) return false;
    const expected = Buffer.from(createHmac('sha256', key.secret).update(text, 'utf8').digest('hex'), 'hex');
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  if (!key.publicKey || signature.length !== 128) return false;
  try {
    return sm2.doVerifySignature(text, signature.toLowerCase(), key.publicKey, { hash: true, der: false, userId: SM2_USER_ID });
  } catch {
    return false;
  }
}

/** Whether an SM2 public key (hex) is a point on the curve; for a sender's key typed in by an admin. */
export function isSm2PublicKey(hex: string): boolean {
  if (!/^04[0-9a-f]{128}$/i.test(hex)) return false;
  try {
    return sm2.verifyPublicKey(hex.toLowerCase());
  } catch {
    return false;
  }
}
