import { ApiError } from '../../api/http.js';
import type { MessageKey } from '../locale/messages.js';
import { messages } from '../locale/messages.js';
import type { Translate } from '../locale/LocaleContext.js';

/** What to tell the user about a failed call: our own words for known codes, else the server's message. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.networkError');
    const key = `error.${error.code}`;
    if (key in messages) return t(key as MessageKey);
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
