import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { RefusalView } from '../../../api/trace-recalls.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { cropName, mono, quantityText } from '../batches/batchLabels.js';
import type { Outcome } from './DecisionModal.js';

const small = { fontSize: 12 };

/** What was broken, in Chinese first: each interval not kept (with its dates), each use over the label, each failed test. */
function Findings({ review, t }: { review: RefusalView; t: Translate }) {
  const intervals = new Set(review.breaches.map((b) => b.recordId));
  return (
    <Flex vertical gap={4}>
      {review.breaches.map((b) => (
        <Typography.Text key={`b-${b.recordId}`} type="danger" style={{ fontSize: 13 }} data-testid="refusal-breach">
          <WarningFilled /> {t('traceRecall.refusals.breach', { product: b.productName, applied: b.appliedOn, days: b.intervalDays, earliest: b.earliestOn })}
        </Typography.Text>
      ))}
      {review.findings
        .filter((f) => !(f.code === 'INTERVAL_NOT_KEPT' && intervals.has(f.recordId)))
        .map((f) => (
          <Tooltip key={`${f.code}-${f.recordId}`} title={f.text}>
            <Typography.Text type="danger" style={{ fontSize: 13 }} data-testid="refusal-finding">
              <WarningFilled /> {t(`traceRecall.refusals.finding.${f.code}`, { day: f.occurredOn })}
            </Typography.Text>
          </Tooltip>
        ))}
    </Flex>
  );
}

function Decision({ review, t }: { review: RefusalView; t: Translate }) {
  const d = review.decision;
  if (!d) return <Tag color="orange">{t('traceRecall.refusals.pending')}</Tag>;
  const label = d.outcome === 'upheld' ? t(`traceRecall.refusals.upheld.${review.kind}`) : review.kind === 'harvest' ? t('traceRecall.refusals.overridden') : t('traceRecall.refusals.released.hold');
  return (
    <Flex vertical gap={2} align="flex-start" data-testid="refusal-decision">
      <Tooltip title={d.reason}>
        <Tag color={d.outcome === 'upheld' ? 'red' : 'green'}>{label}</Tag>
      </Tooltip>
      <Typography.Text type="secondary" style={small}>
        {d.by}
      </Typography.Text>
      <Typography.Text type="secondary" style={small}>
        {formatDateTime(d.at)}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ ...small, margin: 0 }} ellipsis={{ rows: 2, tooltip: d.reason }}>
        {d.reason}
      </Typography.Paragraph>
      {review.kind === 'harvest' && review.batchId && (
        <Link to={`/trace/batches/${review.batchId}`} style={small}>
          {t('traceRecall.refusals.openBatch')}
        </Link>
      )}
    </Flex>
  );
}

/** The harvest, and for a hold every batch it holds, each with whether it is still off sale. */
function Harvest({ review, t }: { review: RefusalView; t: Translate }) {
  return (
    <Flex vertical gap={2}>
      <span>
        {cropName(t, review.crop)} {quantityText(t, review.quantity, review.unit)}
      </span>
      <Typography.Text type="secondary" style={small}>
        {review.occurredOn}
      </Typography.Text>
      {review.heldBatches.map((b) => (
        <Flex key={b.id} gap={4} align="center" wrap>
          <Link to={`/trace/batches/${b.id}`} style={{ ...mono, ...small }}>
            {b.code}
          </Link>
          <Tag color={b.held ? 'red' : 'default'} style={{ ...small, marginInlineEnd: 0 }}>
            {b.held ? t('traceRecall.refusals.batchHeld') : t('traceRecall.refusals.batchReleased')}
          </Tag>
        </Flex>
      ))}
    </Flex>
  );
}

/** The regulator's queue: what kind, where, what was broken, who recorded it, and the decision (or the buttons to make it). */
export function refusalColumns(t: Translate, onDecide: ((r: RefusalView, outcome: Outcome) => void) | null): TableColumnsType<RefusalView> {
  const columns: TableColumnsType<RefusalView> = [
    {
      key: 'kind',
      title: t('traceRecall.refusals.kind'),
      width: 92,
      render: (_: unknown, r) => <Tag color={r.kind === 'hold' ? 'volcano' : 'gold'}>{t(`traceRecall.refusals.kind.${r.kind}`)}</Tag>,
    },
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
    { key: 'harvest', title: t('traceRecall.refusals.harvest'), width: 185, render: (_: unknown, r) => <Harvest review={r} t={t} /> },
    { key: 'breaches', title: t('traceRecall.refusals.breaches'), render: (_: unknown, r) => <Findings review={r} t={t} /> },
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
    { key: 'decision', title: t('traceRecall.refusals.decision'), width: 220, render: (_: unknown, r) => <Decision review={r} t={t} /> },
  ];
  if (onDecide) {
    columns.push({
      key: 'action',
      title: t('traceRecall.refusals.action'),
      width: 130,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.decision ? null : (
          <Flex vertical gap={6} align="flex-start">
            <Button size="small" danger onClick={() => onDecide(r, 'uphold')} data-testid="refusal-uphold">
              {t(`traceRecall.refusals.uphold.${r.kind}`)}
            </Button>
            <Button size="small" type="primary" onClick={() => onDecide(r, 'release')} data-testid="refusal-release">
              {r.kind === 'harvest' ? t('traceRecall.refusals.override') : t('traceRecall.refusals.release.hold')}
            </Button>
          </Flex>
        ),
    });
  }
  return columns;
}
