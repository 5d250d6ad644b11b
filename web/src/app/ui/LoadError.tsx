import { lazy, Suspense } from 'react';
import { Button } from 'antd';
import { useT } from '../locale/LocaleContext.js';
import { errorText } from './errorText.js';

// antd's Result carries three large illustrations; a page that loads fine never needs them.
const Result = lazy(() => import('antd/es/result/index.js'));

/** A failed load, with the reason and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Suspense fallback={<div role="alert">{t('common.loadFailed')}</div>}>
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorText(error, t)}
        extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      />
    </Suspense>
  );
}
