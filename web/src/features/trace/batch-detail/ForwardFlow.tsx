import { Flex, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Genealogy } from '../../../api/trace-batches.js';
import { formatNumber } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { mono, OriginTag } from '../batches/batchLabels.js';

type Forward = Genealogy['forward'];

/** Where it went: batches made from it and the stock it became (the orders are ForwardOrders). */
export function ForwardFlow({ forward, batchId }: { forward: Forward; batchId: string }) {
  const t = useT();
  const made = forward.batches.filter((b) => b.id !== batchId);
  const stocked = forward.stock.reduce((n, s) => n + s.stocked, 0);
  const sold = forward.stock.reduce((n, s) => n + s.sold, 0);
  return (
    <Flex vertical gap={16} data-testid="genealogy-forward">
      <Flex gap={40} wrap>
        <Statistic title={t('traceBatch.flow.stocked')} value={stocked} />
        <Statistic title={t('traceBatch.flow.sold')} value={sold} />
        <Statistic title={t('traceBatch.flow.orderCount')} value={forward.orderCount} />
        <Statistic title={t('traceBatch.flow.buyerCount')} value={forward.buyerCount} />
      </Flex>
      {made.length > 0 && (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('traceBatch.flow.batches')}</Typography.Text>
          {made.map((b) => (
            <Flex key={b.id} gap={4} align="center">
              <Link to={`/trace/batches/${b.id}`} style={mono}>
                {b.code}
              </Link>
              <OriginTag origin={b.origin} />
            </Flex>
          ))}
        </Flex>
      )}
      {forward.stock.length > 0 && (
        <Table
          size="small"
          rowKey={(s) => `${s.batchCode}-${s.skuId}`}
          pagination={false}
          dataSource={forward.stock}
          columns={[
            { key: 'batch', title: t('traceBatch.col.code'), dataIndex: 'batchCode', render: (code: string) => <span style={mono}>{code}</span> },
            { key: 'product', title: t('traceBatch.col.product'), dataIndex: 'productName', render: (name: string | null) => name ?? '—' },
            { key: 'stocked', title: t('traceBatch.flow.stocked'), dataIndex: 'stocked', align: 'right', render: (n: number) => formatNumber(n) },
            { key: 'sold', title: t('traceBatch.flow.sold'), dataIndex: 'sold', align: 'right', render: (n: number) => formatNumber(n) },
          ]}
        />
      )}
    </Flex>
  );
}
