import type { AnyRecordHandler } from './types.js';
import { TILL_HANDLERS } from './till.js';
import { CONSIGNMENT_HANDLERS } from './consignment.js';
import { PROXY_BUY_HANDLERS } from './proxy-buy.js';
import { CONVENIENCE_HANDLERS } from './convenience.js';
import { FARM_INPUT_HANDLERS } from './farm-input.js';
import { purchaseReceipt } from './purchase.js';
import { providerRefund } from './provider-refund.js';

/**
 * Every record type the till takes, one handler each. Owners add theirs with one line (str_replace) below; the
 * batch's body schema (and the OpenAPI document) is built from this list.
 */
export const RECORD_HANDLERS: readonly AnyRecordHandler[] = [
  ...TILL_HANDLERS,
  // B services and providers
  ...PROXY_BUY_HANDLERS,
  ...CONVENIENCE_HANDLERS,
  providerRefund,
  // C produce intake and grading
  purchaseReceipt,
  // D consignment
  ...CONSIGNMENT_HANDLERS,
  // E farm inputs
  ...FARM_INPUT_HANDLERS,
];
