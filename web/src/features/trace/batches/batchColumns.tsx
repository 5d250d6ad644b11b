import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { BatchView } from '../../../api/trace-batches.js';
import { formatNumber } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { BatchStatusTag, cropName, mono, quantityText } from './batchLabels.js';

const secondary = { fontSize: 12 };

/** The batch list: code, crop, producer, place, harvest day, quantity, product, stocked / sold, status. */
export function batchColumns(t: Translate, phone: boolean): TableColumnsType<BatchView> {
  const columns: TableColumnsType<BatchView> = [
    {
      key: 'code',
      title: t('traceBatch.col.code'),
      fixed: 'left',
      width: 200,
      render: (_: unknown, b) => (
        <Link to={`/trace/batches/${b.id}`} style={{ ...mono, whiteSpace: 'nowrap' }} data-testid="batch-code-link">
          {b.code}
        </Link>
      ),
    },
    {
      key: 'crop',
      title: t('traceBatch.col.crop'),
      width: 80,
      render: (_: unknown, b) => (
        <Flex vertical>
          <span>{cropName(t, b.crop)}</span>
          {b.variety && (
            <Typography.Text type="secondary" style={secondary}>
              {b.variety}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'producer',
      title: t('traceBatch.col.producerPlace'),
      render: (_: unknown, b) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: b.producerName }}>{b.producerName}</Typography.Text>
          <Typography.Text type="secondary" style={secondary} ellipsis={{ tooltip: b.place }}>
            {b.place}
            {b.plotName ? ` · ${b.plotName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'harvestedOn', title: t('traceBatch.col.harvestedOn'), dataIndex: 'harvestedOn', width: 105 },
    {
      key: 'quantity',
      title: t('traceBatch.col.quantity'),
      width: 115,
      align: 'right',
      render: (_: unknown, b) => (
        <Flex vertical align="flex-end">
          <span>{quantityText(t, b.quantity, b.unit)}</span>
          {b.quantityLeft !== b.quantity && (
            <Typography.Text type="secondary" style={secondary}>
              {t('traceBatch.left', { quantity: quantityText(t, b.quantityLeft, b.unit) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'product',
      title: t('traceBatch.col.product'),
      width: 150,
      render: (_: unknown, b) => (b.productName ? <Typography.Text ellipsis={{ tooltip: b.productName }}>{b.productName}</Typography.Text> : <Typography.Text type="secondary">{t('traceBatch.notStocked')}</Typography.Text>),
    },
    {
      key: 'stockedSold',
      title: t('traceBatch.col.stockedSold'),
      width: 95,
      align: 'right',
      render: (_: unknown, b) => `${formatNumber(b.stocked)} / ${formatNumber(b.sold)}`,
    },
    { key: 'status', title: t('traceBatch.col.status'), width: 100, fixed: 'right', render: (_: unknown, b) => <BatchStatusTag batch={b} /> },
  ];
  return phone ? columns.map((c) => ({ ...c, fixed: undefined })) : columns;
}
