import { Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RecallNoticeView } from '../../../api/trace-recalls.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { orderNo } from '../../orders/shared/orderLabels.js';
import { mono, rowTestId } from '../batches/batchLabels.js';
import { ResponseTag } from './ResponseTag.js';

const small = { fontSize: 12 };

function columns(t: Translate): TableColumnsType<RecallNoticeView> {
  return [
    {
      key: 'buyer',
      title: t('traceBatch.flow.buyer'),
      width: 140,
      render: (_: unknown, n) => (
        <Flex vertical>
          <span>{n.buyer}</span>
          {n.buyerPhone && <Typography.Text type="secondary" style={{ ...small, ...mono }}>{n.buyerPhone}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'order', title: t('traceBatch.flow.order'), dataIndex: 'orderId', width: 170, render: (id: string) => <span style={mono}>{orderNo(id)}</span> },
    { key: 'batch', title: t('traceBatch.col.code'), dataIndex: 'batchCode', width: 180, render: (code: string) => <span style={mono}>{code}</span> },
    {
      key: 'notified',
      title: t('traceRecall.notices.notified'),
      width: 170,
      render: (_: unknown, n) =>
        n.notifiedAt ? (
          <Flex vertical align="flex-start">
            <Tag color="blue">{t('traceRecall.notices.notifiedTag')}</Tag>
            <Typography.Text type="secondary" style={small}>
              {formatDateTime(n.notifiedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          <Tag>{t('traceRecall.notices.notNotified')}</Tag>
        ),
    },
    {
      key: 'response',
      title: t('traceRecall.notices.response'),
      render: (_: unknown, n) => (
        <Flex vertical align="flex-start" gap={2}>
          <ResponseTag response={n.response} />
          {n.respondedAt && <Typography.Text type="secondary" style={small}>{formatDateTime(n.respondedAt)}</Typography.Text>}
          {n.responseNote && <Typography.Text style={small}>{n.responseNote}</Typography.Text>}
        </Flex>
      ),
    },
  ];
}

/** Each buyer's notice: masked buyer, order, batch, 已通知 when it went out, and the answer. */
export function NoticesTable({ notices }: { notices: RecallNoticeView[] }) {
  const t = useT();
  return (
    <Table
      data-testid="recall-notices"
      rowKey="id"
      size="middle"
      dataSource={notices}
      columns={columns(t)}
      pagination={notices.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 900 }}
      onRow={() => rowTestId('recall-notice-row')}
    />
  );
}
