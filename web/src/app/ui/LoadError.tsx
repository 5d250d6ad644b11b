import { lazy, Suspense } from 'react';
import { Button } from 'antd';
import { useT } from '../locale/LocaleContext.js';
import { errorText } from './errorText.js';

// antd's Result carries three large illustrations; a page that loads fine never needs them.
// The typings describe this file as CommonJS under NodeNext; the bundler hands over its ES default, the component.
const Result = lazy(() => import('antd/es/result/index.js') as unknown as Promise<{ default: typeof import('antd').Result }>);

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
