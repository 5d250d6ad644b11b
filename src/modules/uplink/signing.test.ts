import { describe, expect, it } from 'vitest';
import { sm2 } from 'sm-crypto-v2';
import { isSm2PublicKey, newSm2KeyPair, sign, SM2_USER_ID, verify } from './signing.js';

const body = JSON.stringify({ county: { code: '530621', name: '鲁甸县' }, grain: 'month', period: '2026-11', indicator: 'orders', value: 42, version: 1 });
const at = '2026-12-01T01:00:00.000Z';
/** The body with one byte changed (42 → 43). */
const changed = body.replace('42', '43');

describe('HMAC-SHA256', () => {
  const key = { secret: 'a-shared-secret-of-the-city' };
  it('verifies with the secret, and fails when one byte, the timestamp or the secret differs', () => {
    const signature = sign('hmac-sha256', key, at, body);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verify('hmac-sha256', key, at, body, signature)).toBe(true);
    expect(verify('hmac-sha256', key, at, changed, signature)).toBe(false);
    expect(verify('hmac-sha256', key, '2026-12-01T01:00:01.000Z', body, signature)).toBe(false);
    expect(verify('hmac-sha256', { secret: 'another-secret-entirely' }, at, body, signature)).toBe(false);
    expect(verify('hmac-sha256', key, at, body, 'not hex')).toBe(false);
  });
});

describe('SM2 over SM3 (GB/T 32918, user id 1234567812345678)', () => {
  const pair = newSm2KeyPair();
  it('verifies with the public key, and fails when one byte or the key differs', () => {
    const signature = sign('sm2-sm3', { secret: pair.privateKey, publicKey: pair.publicKey }, at, body);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(verify('sm2-sm3', { publicKey: pair.publicKey }, at, body, signature)).toBe(true);
    expect(verify('sm2-sm3', { publicKey: pair.publicKey }, at, changed, signature)).toBe(false);
    expect(verify('sm2-sm3', { publicKey: newSm2KeyPair().publicKey }, at, body, signature)).toBe(false);
    // One hex digit of the signature changed.
    const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    expect(verify('sm2-sm3', { publicKey: pair.publicKey }, at, body, flipped)).toBe(false);
  });
  it('is the standard signature: the library verifies it independently with the default user id', () => {
    const signature = sign('sm2-sm3', { secret: pair.privateKey }, at, body);
    expect(sm2.doVerifySignature(`${at}\n${body}`, signature, pair.publicKey, { hash: true, userId: SM2_USER_ID })).toBe(true);
  });
  it('tells a public key on the curve', () => {
    expect(isSm2PublicKey(pair.publicKey)).toBe(true);
    expect(isSm2PublicKey('04' + '1'.repeat(128))).toBe(false);
    expect(isSm2PublicKey('hello')).toBe(false);
  });
});
