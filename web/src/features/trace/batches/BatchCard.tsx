import { Card, Checkbox, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { BatchView } from '../../../api/trace-batches.js';
import { formatNumber } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { BatchStatusTag, cropName, mono, quantityText } from './batchLabels.js';

const secondary = { fontSize: 13 };

interface Props {
  batch: BatchView;
  t: Translate;
  /** For those who merge batches: whether it is picked, and the way to pick it (absent for readers). */
  selected?: boolean;
  onSelect?: (batch: BatchView, on: boolean) => void;
}

/** One batch on a phone: its code (to its page) and status, what and whose it is, when, how much, and its stock. */
export function BatchCard({ batch: b, t, selected = false, onSelect }: Props) {
  return (
    <Card size="small" data-testid="batch-row" styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {onSelect && <Checkbox checked={selected} disabled={b.status === 'recalled' || b.held} onChange={(e) => onSelect(b, e.target.checked)} aria-label={b.code} />}
          <Link to={`/trace/batches/${b.id}`} style={{ ...mono, fontSize: 14 }} data-testid="batch-code-link">
            {b.code}
          </Link>
        </Flex>
        <span style={{ flex: 'none' }}>
          <BatchStatusTag batch={b} />
        </span>
      </Flex>
      <Flex justify="space-between" gap={8} style={{ marginTop: 6 }}>
        <span>
          {cropName(t, b.crop)}
          {b.variety ? ` · ${b.variety}` : ''}
        </span>
        <span style={{ flex: 'none' }}>{quantityText(t, b.quantity, b.unit)}</span>
      </Flex>
      <Typography.Text type="secondary" style={{ ...secondary, display: 'block' }}>
        {b.producerName}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ ...secondary, display: 'block' }}>
        {b.place}
        {b.plotName ? ` · ${b.plotName}` : ''} · {b.harvestedOn}
      </Typography.Text>
      {b.quantityLeft !== b.quantity && (
        <Typography.Text type="secondary" style={{ ...secondary, display: 'block' }}>
          {t('traceBatch.left', { quantity: quantityText(t, b.quantityLeft, b.unit) })}
        </Typography.Text>
      )}
      <Flex justify="space-between" gap={8} style={{ marginTop: 4, fontSize: 13 }}>
        {b.productName ? <span>{b.productName}</span> : <Typography.Text type="secondary">{t('traceBatch.notStocked')}</Typography.Text>}
        <Typography.Text type="secondary" style={{ flex: 'none' }}>
          {t('traceBatch.col.stockedSold')} {formatNumber(b.stocked)} / {formatNumber(b.sold)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
