import { Button, Result } from 'antd';
import { useT } from '../locale/LocaleContext.js';
import { errorText } from './errorText.js';

/** A failed load, with the reason and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorText(error, t)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
