import { maskIdNumber, maskPhone } from './mask.js';

const PHONE_KEY = /phone|mobile|^tel$/i;
const ID_NUMBER_KEY = /id_?number|id_?card/i;
const MOBILE = /^1\d{10}$/;
/** A unified social credit code can look like an ID number, but it is public and names a business. */
const CREDIT_CODE_KEY = /credit_?code/i;
const ID_NUMBER = /^\d{17}[\dXx]$/;

/**
 * Audit details as they may be kept: phone numbers and ID numbers masked, whatever module wrote them and
 * however deep they sit. A value counts as one by its key (`phone`, `contactPhone`, `idNumber`…) or by its
 * shape (an 11-digit mobile, an 18-character ID number) under any key.
 */
export function maskPersonalData(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (CREDIT_CODE_KEY.test(key)) return value;
    if (ID_NUMBER_KEY.test(key) || ID_NUMBER.test(value)) return maskIdNumber(value);
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
