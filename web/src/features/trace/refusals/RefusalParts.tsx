import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { FileSearchOutlined, WarningFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { RefusalView } from '../../../api/trace-recalls.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { cropName, mono, quantityText } from '../batches/batchLabels.js';
import { actorName } from '../shared/actorName.js';
import type { Outcome } from './DecisionModal.js';
import { plotRecordsPath } from './plotRecordsPath.js';

const small = { fontSize: 12 };

/**
 * What was broken, in Chinese first: each interval not kept (with its dates), each use over the label, each failed
 * test. Each line opens the plot's records at the record that broke the rule.
 */
export function Findings({ review, t }: { review: RefusalView; t: Translate }) {
  const intervals = new Set(review.breaches.map((b) => b.recordId));
  return (
    <Flex vertical gap={4}>
      {review.breaches.length > 0 && (
        <Typography.Text type="secondary" style={small} data-testid="refusal-rule">
          {t('traceReview.rule')}
        </Typography.Text>
      )}
      {review.breaches.map((b) => (
        <Link key={`b-${b.recordId}`} to={plotRecordsPath(review, b.recordId)} data-testid="refusal-breach">
          <Typography.Text type="danger" style={{ fontSize: 13 }}>
            <WarningFilled /> {t('traceRecall.refusals.breach', { product: b.productName, applied: b.appliedOn, days: b.intervalDays, earliest: b.earliestOn })}
          </Typography.Text>
        </Link>
      ))}
      {review.findings
        .filter((f) => !(f.code === 'INTERVAL_NOT_KEPT' && intervals.has(f.recordId)))
        .map((f) => (
          <Link key={`${f.code}-${f.recordId}`} to={plotRecordsPath(review, f.recordId)} data-testid="refusal-finding">
            <Typography.Text type="danger" style={{ fontSize: 13 }}>
              <WarningFilled /> {t(`traceRecall.refusals.finding.${f.code}`, { day: f.occurredOn })}
            </Typography.Text>
          </Link>
        ))}
    </Flex>
  );
}

/** Who and where: the producer, the village and the plot, with the way to the plot's farm records. */
export function PlotCell({ review, t }: { review: RefusalView; t: Translate }) {
  return (
    <Flex vertical gap={2} align="flex-start">
      <span>{review.producerName}</span>
      <Typography.Text type="secondary" style={small}>
        {review.place} · {review.plotName}
      </Typography.Text>
      <Link to={plotRecordsPath(review)} style={small} data-testid="refusal-plot-records">
        <FileSearchOutlined /> {t('traceReview.plotRecords')}
      </Link>
    </Flex>
  );
}

export function Decision({ review, t }: { review: RefusalView; t: Translate }) {
  const d = review.decision;
  if (!d) return <Tag color="orange">{t('traceRecall.refusals.pending')}</Tag>;
  const label = d.outcome === 'upheld' ? t(`traceRecall.refusals.upheld.${review.kind}`) : review.kind === 'harvest' ? t('traceRecall.refusals.overridden') : t('traceRecall.refusals.released.hold');
  return (
    <Flex vertical gap={2} align="flex-start" data-testid="refusal-decision">
      <Tooltip title={d.reason}>
        <Tag color={d.outcome === 'upheld' ? 'red' : 'green'}>{label}</Tag>
      </Tooltip>
      <Typography.Text type="secondary" style={small}>
        {actorName(t, d.by)} · {formatDateTime(d.at)}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ ...small, margin: 0 }} ellipsis={{ rows: 2, tooltip: d.reason }}>
        {d.reason}
      </Typography.Paragraph>
      {review.kind === 'harvest' && review.batchId && (
        <Link to={`/trace/batches/${review.batchId}`} style={small} data-testid="refusal-open-batch">
          {t('traceRecall.refusals.openBatch')}
        </Link>
      )}
    </Flex>
  );
}

/** The harvest, and for a hold every batch it holds, each with whether it is still off sale. */
export function Harvest({ review, t }: { review: RefusalView; t: Translate }) {
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

/** Who recorded the harvest or the later record, and when. */
export function Attempted({ review, t }: { review: RefusalView; t: Translate }) {
  return (
    <Flex vertical>
      <span>{actorName(t, review.attemptedBy)}</span>
      <Typography.Text type="secondary" style={small}>
        {formatDateTime(review.attemptedAt)}
      </Typography.Text>
    </Flex>
  );
}

export const KindTag = ({ review, t }: { review: RefusalView; t: Translate }) => <Tag color={review.kind === 'hold' ? 'volcano' : 'gold'}>{t(`traceRecall.refusals.kind.${review.kind}`)}</Tag>;

/** 维持 and 放行 / 准予采收, for what is not decided yet. */
export function DecideButtons({ review, t, onDecide, block = false }: { review: RefusalView; t: Translate; onDecide: (r: RefusalView, outcome: Outcome) => void; block?: boolean }) {
  if (review.decision) return null;
  const size = block ? 'middle' : 'small';
  return (
    <Flex vertical={!block} gap={block ? 8 : 6} align={block ? 'stretch' : 'flex-start'}>
      <Button size={size} block={block} danger onClick={() => onDecide(review, 'uphold')} data-testid="refusal-uphold" style={block ? { flex: 1, minHeight: 40 } : undefined}>
        {t(`traceRecall.refusals.uphold.${review.kind}`)}
      </Button>
      <Button size={size} block={block} type="primary" onClick={() => onDecide(review, 'release')} data-testid="refusal-release" style={block ? { flex: 1, minHeight: 40 } : undefined}>
        {review.kind === 'harvest' ? t('traceRecall.refusals.override') : t('traceRecall.refusals.release.hold')}
      </Button>
    </Flex>
  );
}
