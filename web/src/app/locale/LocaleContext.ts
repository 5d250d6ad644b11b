import { createContext, useContext } from 'react';
import type { MessageKey } from './messages.js';

export type Lang = 'zh' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface LocaleValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const LocaleContext = createContext<LocaleValue | null>(null);

/** The current language and the translate function `t('sites.title')`. */
export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale needs a <LocaleProvider> above it');
  return value;
}

export const useT = (): Translate => useLocale().t;
