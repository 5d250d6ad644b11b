import { Card, Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { RecallView } from '../../../api/trace-recalls.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { mono } from '../batches/batchLabels.js';
import { actorName } from '../shared/actorName.js';
import { RecallStatusTag } from './RecallStatusTag.js';

/** One recall on a phone: when (to its page) and its status, why, its batches, and how many buyers have answered. */
export function RecallCard({ recall: r, t }: { recall: RecallView; t: Translate }) {
  return (
    <Card size="small" data-testid="recall-row" styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Link to={`/trace/recalls/${r.id}`} data-testid="recall-link">
          {formatDateTime(r.openedAt)}
        </Link>
        <RecallStatusTag status={r.status} />
      </Flex>
      <Typography.Paragraph style={{ margin: '6px 0' }} ellipsis={{ rows: 2 }}>
        {r.reason}
      </Typography.Paragraph>
      <Flex wrap gap={8} style={{ fontSize: 13 }}>
        {r.batches.map((b) => (
          <span key={b.id} style={mono}>
            {b.code}
          </span>
        ))}
      </Flex>
      <Flex align="center" gap={8} style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13, flex: 'none' }}>
          {t('traceRecall.col.progress')}
        </Typography.Text>
        <Progress size="small" style={{ margin: 0 }} percent={r.counts.orders ? Math.round((r.counts.responded / r.counts.orders) * 100) : 0} format={() => `${r.counts.responded}/${r.counts.orders}`} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {actorName(t, r.openedBy)}
      </Typography.Text>
    </Card>
  );
}
