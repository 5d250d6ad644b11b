import { Alert } from 'antd';
import { usePlatform } from '../../api/platform.js';
import { useLocale } from '../locale/LocaleContext.js';
import { demoMessages } from '../locale/platform/demo.js';

/** The demo's own words in the current language (kept apart from the shared message table). */
export function useDemoText(key: keyof typeof demoMessages): string {
  const [zh, en] = demoMessages[key];
  return useLocale().lang === 'en' ? en : zh;
}

/** A strip at the top of every page of a demo deployment: its online payments take no money. */
export function DemoBanner() {
  const text = useDemoText('demo.banner');
  if (!usePlatform().data?.demo) return null;
  return <Alert banner type="warning" showIcon message={text} data-testid="demo-banner" style={{ justifyContent: 'center' }} />;
}
