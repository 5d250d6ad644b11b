import type { RecordType, ServiceKind } from '../../../api/station-phone.js';
import type { MessageKey } from '../../../app/locale/messages.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';

export const typeLabel = (t: Translate, type: RecordType | string) => {
  const key = `station.type.${type}` as MessageKey;
  const text = t(key);
  return text === key ? type : text;
};

export const serviceLabel = (t: Translate, kind: ServiceKind | 'stock_in') => t(`station.service.${kind}` as MessageKey);

/** The buttons at the till, in the order the operator reads them, with the network's site service each needs. */
export const BUTTONS: { key: ServiceKind | 'stock_in'; needs: string }[] = [
  { key: 'proxy_buy', needs: 'buy_for' },
  { key: 'consignment', needs: 'sell_for' },
  { key: 'purchase', needs: 'produce_collection' },
  { key: 'bill', needs: 'bill_payment' },
  { key: 'ticket', needs: 'tickets' },
  { key: 'cash_withdrawal', needs: 'cash' },
  { key: 'loan_referral', needs: 'cash' },
  { key: 'farm_input', needs: 'farm_inputs' },
  { key: 'stock_in', needs: 'farm_inputs' },
];
