import { messages, type MessageKey } from './messages.js';
import type { Lang } from './LocaleContext.js';

const STORAGE_KEY = 'countyhub.lang';

/** Looks a key up in the dictionary and fills in `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const entry = messages[key] as readonly [string, string] | undefined;
  let text = entry ? entry[lang === 'zh' ? 0 : 1] : key;
  if (vars) for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** Chinese unless the user chose English before (kept in localStorage). */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}
