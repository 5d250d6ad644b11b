import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { RefusalView } from '../../../api/trace-recalls.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { cropName, quantityText } from '../batches/batchLabels.js';

const small = { fontSize: 12 };

function Breaches({ refusal, t }: { refusal: RefusalView; t: Translate }) {
  return (
    <Flex vertical gap={4}>
      {refusal.breaches.map((b) => (
        <Typography.Text key={b.recordId} type="danger" style={{ fontSize: 13 }} data-testid="refusal-breach">
          <WarningFilled /> {t('traceRecall.refusals.breach', { product: b.productName, applied: b.appliedOn, days: b.intervalDays, earliest: b.earliestOn })}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function Decision({ refusal, t }: { refusal: RefusalView; t: Translate }) {
  if (!refusal.override) return <Tag color="orange">{t('traceRecall.refusals.pending')}</Tag>;
  return (
    <Flex vertical gap={2} align="flex-start">
      <Tooltip title={refusal.override.reason}>
        <Tag color="blue">{t('traceRecall.refusals.overridden')}</Tag>
      </Tooltip>
      <Typography.Text type="secondary" style={small}>
        {refusal.override.by} · {formatDateTime(refusal.override.at)}
      </Typography.Text>
      <Typography.Text type="secondary" style={small} ellipsis={{ tooltip: refusal.override.reason }}>
        {refusal.override.reason}
      </Typography.Text>
      {refusal.batchId && (
        <Link to={`/trace/batches/${refusal.batchId}`} style={small}>
          {t('traceRecall.refusals.openBatch')}
        </Link>
      )}
    </Flex>
  );
}

/** Refused harvests: where and what, the broken intervals, who tried, and the regulator's decision. */
export function refusalColumns(t: Translate, onOverride: ((r: RefusalView) => void) | null): TableColumnsType<RefusalView> {
  const columns: TableColumnsType<RefusalView> = [
    {
      key: 'plot',
      title: t('traceRecall.refusals.plot'),
      width: 190,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{r.producerName}</span>
          <Typography.Text type="secondary" style={small}>
            {r.place} · {r.plotName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'harvest',
      title: t('traceRecall.refusals.harvest'),
      width: 120,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>
            {cropName(t, r.crop)} {quantityText(t, r.quantity, r.unit)}
          </span>
          <Typography.Text type="secondary" style={small}>
            {r.occurredOn}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'breaches', title: t('traceRecall.refusals.breaches'), render: (_: unknown, r) => <Breaches refusal={r} t={t} /> },
    {
      key: 'attempted',
      title: t('traceRecall.refusals.attempted'),
      width: 140,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{r.attemptedBy}</span>
          <Typography.Text type="secondary" style={small}>
            {formatDateTime(r.attemptedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'decision', title: t('traceRecall.refusals.decision'), width: 185, render: (_: unknown, r) => <Decision refusal={r} t={t} /> },
  ];
  if (onOverride) {
    columns.push({
      key: 'action',
      title: t('traceRecall.refusals.action'),
      width: 100,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.override ? null : (
          <Button size="small" type="primary" onClick={() => onOverride(r)} data-testid="refusal-override">
            {t('traceRecall.refusals.override')}
          </Button>
        ),
    });
  }
  return columns;
}
