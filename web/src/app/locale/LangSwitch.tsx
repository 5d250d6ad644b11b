import { Segmented } from 'antd';
import { useLocale, type Lang } from './LocaleContext.js';

/** 中文 / English, remembered in localStorage. */
export function LangSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { lang, setLang, t } = useLocale();
  return (
    <Segmented<Lang>
      size={size}
      aria-label={t('lang.switch')}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
