import { Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { BatchView } from '../../../api/trace-batches.js';
import { formatDateTime, formatNumber } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { BatchStatusTag, cropName, mono, OriginTag, quantityText } from '../batches/batchLabels.js';

const codes = (list: { id: string; code: string }[]) =>
  list.length === 0 ? (
    '—'
  ) : (
    <Flex vertical gap={2}>
      {list.map((b) => (
        <Link key={b.id} to={`/trace/batches/${b.id}`} style={mono}>
          {b.code}
        </Link>
      ))}
    </Flex>
  );

/** What a batch is: where and when it was harvested, how much, what it became. */
export function BatchFacts({ batch }: { batch: BatchView }) {
  const t = useT();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="batch-facts">
      <Descriptions.Item label={t('traceBatch.col.code')}>
        <Typography.Text copyable style={mono}>
          {batch.code}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.field.origin')}>
        <OriginTag origin={batch.origin} />
      </Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.col.status')}>
        <BatchStatusTag batch={batch} />
        {batch.recallId && (
          <Link to={`/trace/recalls/${batch.recallId}`} style={{ marginLeft: 4 }}>
            {t('traceBatch.field.recall')}
          </Link>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.col.crop')}>
        {cropName(t, batch.crop)}
        {batch.variety ? ` · ${batch.variety}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.col.producer')}>{batch.producerName}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.col.place')}>
        {batch.place}
        {batch.plotName ? ` · ${batch.plotName}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.col.harvestedOn')}>{batch.harvestedOn}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.col.quantity')}>{quantityText(t, batch.quantity, batch.unit)}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.field.quantityLeft')}>{quantityText(t, batch.quantityLeft, batch.unit)}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.field.parents')}>{codes(batch.parents)}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.field.children')}>{codes(batch.children)}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.field.packed')}>{t('traceBatch.field.packedValue', { cartons: formatNumber(batch.cartons), units: formatNumber(batch.units) })}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.col.product')}>{batch.productName ?? t('traceBatch.notStocked')}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.field.gtin')}>{batch.gtin ? <span style={mono}>{batch.gtin}</span> : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.col.stockedSold')}>{`${formatNumber(batch.stocked)} / ${formatNumber(batch.sold)}`}</Descriptions.Item>
      <Descriptions.Item label={t('traceBatch.field.createdAt')}>{formatDateTime(batch.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}
