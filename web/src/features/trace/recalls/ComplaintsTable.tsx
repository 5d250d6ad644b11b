import { useMemo } from 'react';
import { Card, Empty, Flex, Grid, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useComplaints } from '../../../api/trace-recalls.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { mono, rowTestId } from '../batches/batchLabels.js';

/** 投诉: what people wrote on the public scan page, with the code they scanned. */
export function ComplaintsTable() {
  const t = useT();
  const complaints = useComplaints();
  const rows = useMemo(() => complaints.data?.pages.flatMap((p) => p.items) ?? [], [complaints.data]);
  // On a phone the table cuts off what was written: one card per complaint instead.
  const phone = !Grid.useBreakpoint().md;
  if (complaints.isError) return <LoadError error={complaints.error} onRetry={() => void complaints.refetch()} />;
  if (phone) {
    return (
      <Flex vertical gap={10} data-testid="complaints-cards">
        {rows.length === 0 && !complaints.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceRecall.complaints.empty')} />}
        {rows.map((c) => (
          <Card key={c.id} size="small" data-testid="complaint-row" styles={{ body: { padding: 12 } }}>
            <Flex justify="space-between" gap={8} style={{ fontSize: 13 }}>
              <Link to={`/trace/batches/${encodeURIComponent(c.batchId)}`} style={mono}>
                {c.batchCode}
              </Link>
              <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '6px 0 0' }} ellipsis={{ rows: 4, expandable: true }}>
              {c.text}
            </Typography.Paragraph>
            {(c.serial || c.phone) && (
              <Typography.Text type="secondary" style={{ ...mono, fontSize: 12 }}>
                {[c.serial, c.phone].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
          </Card>
        ))}
        <LoadMore query={complaints} />
      </Flex>
    );
  }
  return (
    <>
    <Table
      data-testid="complaints-table"
      rowKey="id"
      size="middle"
      dataSource={rows}
      loading={complaints.isFetching}
      pagination={false}
      scroll={{ x: 900 }}
      onRow={() => rowTestId('complaint-row')}
      locale={{ emptyText: complaints.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceRecall.complaints.empty')} /> }}
      columns={[
        { key: 'createdAt', title: t('traceRecall.complaints.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
        {
          key: 'batch',
          title: t('traceBatch.col.code'),
          dataIndex: 'batchCode',
          width: 190,
          render: (code: string, c) => (
            <Link to={`/trace/batches/${encodeURIComponent(c.batchId)}`} style={mono}>
              {code}
            </Link>
          ),
        },
        { key: 'serial', title: t('traceBatch.packages.serial'), dataIndex: 'serial', width: 200, render: (s: string | null) => (s ? <span style={mono}>{s}</span> : '—') },
        { key: 'text', title: t('traceRecall.complaints.text'), dataIndex: 'text', render: (text: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>{text}</Typography.Paragraph> },
        { key: 'phone', title: t('traceRecall.complaints.phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => (p ? <span style={mono}>{p}</span> : '—') },
      ]}
    />
    <LoadMore query={complaints} />
    </>
  );
}
