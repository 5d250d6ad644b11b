import { Flex, Progress, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { RecallView } from '../../../api/trace-recalls.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { actorName } from '../shared/actorName.js';
import { mono } from '../batches/batchLabels.js';
import { RecallStatusTag } from './RecallStatusTag.js';

/** Recalls: when and why, which batches, how far the notices got, status. */
export function recallColumns(t: Translate): TableColumnsType<RecallView> {
  return [
    {
      key: 'openedAt',
      title: t('traceRecall.col.openedAt'),
      width: 170,
      render: (_: unknown, r) => (
        <Link to={`/trace/recalls/${r.id}`} data-testid="recall-link">
          {formatDateTime(r.openedAt)}
        </Link>
      ),
    },
    { key: 'reason', title: t('traceRecall.col.reason'), dataIndex: 'reason', ellipsis: true },
    {
      key: 'batches',
      title: t('traceRecall.col.batches'),
      width: 200,
      render: (_: unknown, r) => (
        <Flex vertical>
          {r.batches.slice(0, 3).map((b) => (
            <span key={b.id} style={mono}>
              {b.code}
            </span>
          ))}
          {r.batches.length > 3 && <Typography.Text type="secondary">{t('traceRecall.col.moreBatches', { count: r.batches.length - 3 })}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'orders', title: t('traceRecall.count.orders'), width: 80, align: 'right', render: (_: unknown, r) => r.counts.orders },
    {
      key: 'responded',
      title: t('traceRecall.col.progress'),
      width: 170,
      render: (_: unknown, r) => (
        <Progress
          size="small"
          percent={r.counts.orders ? Math.round((r.counts.responded / r.counts.orders) * 100) : 0}
          format={() => `${r.counts.responded}/${r.counts.orders}`}
        />
      ),
    },
    { key: 'openedBy', title: t('traceRecall.col.openedBy'), dataIndex: 'openedBy', width: 120, ellipsis: true, render: (name: string) => actorName(t, name) },
    { key: 'status', title: t('traceRecall.col.status'), width: 90, render: (_: unknown, r) => <RecallStatusTag status={r.status} /> },
  ];
}
