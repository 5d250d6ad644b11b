import { Button, Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { BatchView } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formatQuantity } from '../shared/traceLabels.js';

/** After a harvest: the new batch's trace code, big enough to copy onto a crate, and the way to its page. */
export function HarvestDone({ batch }: { batch: BatchView }) {
  const t = useT();
  return (
    <Result
      status="success"
      style={{ padding: '24px 0' }}
      title={t('trace.farm.harvest.done', { quantity: formatQuantity(t, batch.quantity, batch.unit) })}
      subTitle={
        <>
          <div>{t('trace.farm.harvest.code')}</div>
          <Typography.Text copyable={{ text: batch.code }} strong style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 1, wordBreak: 'break-all' }} data-testid="harvest-batch-code">
            {batch.code}
          </Typography.Text>
        </>
      }
      extra={
        <Link to={`/trace/batches/${encodeURIComponent(batch.id)}`} data-testid="harvest-batch-link">
          <Button type="primary" size="large">
            {t('trace.farm.harvest.viewBatch')}
          </Button>
        </Link>
      }
    />
  );
}
