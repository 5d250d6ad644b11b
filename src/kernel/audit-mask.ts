import { maskIdNumber, maskPhone } from './mask.js';

const PHONE_KEY = /phone|mobile|^tel$/i;
const ID_NUMBER_KEY = /id_?number|id_?card/i;
const MOBILE = /^1[3-9]\d{9}$/;
/** A unified social credit code can look like an ID number, but it is public and names a business. */
const CREDIT_CODE_KEY = /credit_?code/i;
/** Area, birth date, sequence and check character: the shape alone, without its key. */
const ID_NUMBER = /^\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A mainland ID number, check character included (GB 11643), so an 18-digit SSCC is not taken for one. */
function isIdNumber(value: string): boolean {
  if (!ID_NUMBER.test(value)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17].toUpperCase();
}

/**
 * Audit details as they may be kept: phone numbers and ID numbers masked, whatever module wrote them and
 * however deep they sit. A value counts as one by its key (`phone`, `contactPhone`, `idNumber`…) or by its
 * shape (an 11-digit mobile, an 18-character ID number) under any key.
 */
export function maskPersonalData(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (CREDIT_CODE_KEY.test(key)) return value;
    if (ID_NUMBER_KEY.test(key) || isIdNumber(value)) return maskIdNumber(value);
    if (PHONE_KEY.test(key) || MOBILE.test(value)) return maskPhone(value);
    return value;
  }
  if (typeof value === 'number' && PHONE_KEY.test(key)) return maskPhone(String(value));
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonalData(v, k)]));
  }
  return value;
}
