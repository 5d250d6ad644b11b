import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { antdLocales } from './antdLocales.js';
import { LocaleContext, type Lang, type LocaleValue } from './LocaleContext.js';
import { storedLang, storeLang, translate } from './translate.js';
import { theme } from '../theme.js';

/** Language state, Ant Design's locale and theme, and antd's App context (message, notification, modal). */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);

  const value = useMemo<LocaleValue>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang]);

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[lang]} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
