import type { ApiError } from '../../api/http.js';
import type { Translate } from '../locale/LocaleContext.js';

/**
 * The server's verdict on a credit code or ID number in our words, saying which part failed its check; undefined
 * leaves it to errorText (the dictionary's general wording for the code).
 */
export function identifierVerdict(error: ApiError, t: Translate): string | undefined {
  if (error.code !== 'CREDIT_CODE_INVALID' && error.code !== 'ID_NUMBER_INVALID') return undefined;
  if (/check character \(18th\)/.test(error.message)) return t('identifier.checkCharacter');
  if (/organisation code/.test(error.message)) return t('identifier.orgCode');
  if (/birth date/.test(error.message)) return t('identifier.birthDate');
  return undefined;
}
