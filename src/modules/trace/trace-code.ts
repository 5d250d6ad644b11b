import { randomInt } from 'node:crypto';

/**
 * A batch's trace code, 20 digits: the planting site's township division code (9), the producer's number in the
 * township (3), the harvest or packing date YYMMDD (6) and a serial for that producer and day (2). Twenty
 * characters is also the most a GS1 batch/lot (AI 10) may hold, so the code is the lot in a Digital Link.
 */
export function traceCode(townshipCode: string, producerNumber: string, day: string, serial: number): string {
  if (!/^\d{9}$/.test(townshipCode) || !/^\d{3}$/.test(producerNumber) || serial < 1 || serial > 99) throw new Error('trace code out of range');
  return `${townshipCode}${producerNumber}${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}${String(serial).padStart(2, '0')}`;
}

export const TRACE_CODE = /^\d{20}$/;

/** GS1 mod-10 check digit over the digits before it. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** A GTIN-8/12/13/14 with a right check digit, left-padded to 14 digits; null otherwise. */
export function gtin14(gtin: string): string | null {
  if (!/^(\d{8}|\d{12,14})$/.test(gtin)) return null;
  if (gs1CheckDigit(gtin.slice(0, -1)) !== Number(gtin.at(-1))) return null;
  return gtin.padStart(14, '0');
}

/** What a batch's or a unit's QR code holds: a GS1 Digital Link with a GTIN, else the platform's short path. */
export function traceUrl(origin: string, batch: { code: string; gtin: string | null }, serial?: string): string {
  if (batch.gtin) return `${origin}/01/${batch.gtin}/10/${batch.code}${serial ? `/21/${serial}` : ''}`;
  return `${origin}/t/${batch.code}${serial ? `/${serial}` : ''}`;
}

// No 0/O, 1/I/L or U: read aloud or typed from a label without doubt.
const SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A serial nobody can guess, so a copied label is the only way to fake one. */
export function newSerial(length = 10): string {
  let serial = '';
  for (let i = 0; i < length; i++) serial += SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)];
  return serial;
}
