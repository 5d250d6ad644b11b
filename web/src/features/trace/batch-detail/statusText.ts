import { messages, type MessageKey } from '../../../app/locale/messages.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';

type Prefix = 'orderStatus' | 'logistics.status';

/** A status from another module in the dictionary's words, trying each prefix in turn (`orderStatus.paid`), else as sent. */
export function statusText(t: Translate, prefixes: Prefix[], status: string): string {
  for (const prefix of prefixes) {
    const key = `${prefix}.${status}`;
    if (key in messages) return t(key as MessageKey);
  }
  return status;
}
