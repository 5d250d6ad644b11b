import { App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Skeleton, Space, Table } from 'antd';
import { CheckOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { recallReportUrl, useCloseRecall, useRecall } from '../../../api/trace-recalls.js';
import { mayOpenRecall } from '../../../app/access.js';
import { formatDateTime, formatNumber } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { actorName } from '../shared/actorName.js';
import { useUser } from '../../../app/session.js';
import { errorText } from '../../../app/ui/errorText.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { mono } from '../batches/batchLabels.js';
import { RecallStatusTag } from '../recalls/RecallStatusTag.js';
import { NoticesTable } from './NoticesTable.js';
import { RecallCounts } from './RecallCounts.js';
import { ResponseChart } from './ResponseChart.js';

/** A recall: counts, the batches and their frozen stock, every buyer's notice and answer, the report, 结束召回. */
export function RecallDetailPage() {
  const t = useT();
  const user = useUser();
  const { id } = useParams<{ id: string }>();
  const recall = useRecall(id);
  const close = useCloseRecall();
  const { message } = App.useApp();
  const data = recall.data;
  const crumbs = [{ title: t('shell.menu.trace') }, { title: t('traceRecall.title'), to: '/trace/recalls' }, { title: data ? formatDateTime(data.openedAt) : '…' }];

  if (recall.isError || !data) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={t('traceRecall.detail.title')} />
        {recall.isError ? (
          <LoadError error={recall.error} onRetry={() => void recall.refetch()} />
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        )}
      </>
    );
  }

  const onClose = () =>
    close.mutate(data.id, {
      onSuccess: () => void message.success(t('traceRecall.detail.closed')),
      onError: (error) => void message.error(errorText(error, t)),
    });

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Space size={8} wrap>
            {t('traceRecall.detail.title')}
            <RecallStatusTag status={data.status} />
          </Space>
        }
        subtitle={data.reason}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<FileExcelOutlined />} href={recallReportUrl(data.id)} download data-testid="recall-export">
              {t('traceRecall.detail.export')}
            </Button>
            {data.status === 'open' && mayOpenRecall(user) && (
              <Popconfirm
                title={t('traceRecall.detail.closeConfirm')}
                description={data.counts.responded < data.counts.orders ? t('traceRecall.detail.closeUnanswered', { count: data.counts.orders - data.counts.responded }) : undefined}
                okText={t('traceRecall.detail.close')}
                cancelText={t('common.cancel')}
                okButtonProps={{ loading: close.isPending, 'data-testid': 'recall-close-confirm' }}
                onConfirm={onClose}
              >
                <Button type="primary" icon={<CheckOutlined />} loading={close.isPending} data-testid="recall-close">
                  {t('traceRecall.detail.close')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        }
      />
      <RecallCounts counts={data.counts} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('traceRecall.detail.facts')} style={{ height: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('traceRecall.col.openedBy')}>{actorName(t, data.openedBy)}</Descriptions.Item>
              <Descriptions.Item label={t('traceRecall.col.openedAt')}>{formatDateTime(data.openedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('traceRecall.detail.closedAt')}>{formatDateTime(data.closedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('traceRecall.col.reason')} span={2}>
                {data.reason}
              </Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.batches}
              data-testid="recall-batches"
              style={{ marginTop: 8 }}
              columns={[
                {
                  key: 'code',
                  title: t('traceBatch.col.code'),
                  render: (_: unknown, b) => (
                    <Link to={`/trace/batches/${b.id}`} style={mono}>
                      {b.code}
                    </Link>
                  ),
                },
                { key: 'product', title: t('traceBatch.col.product'), dataIndex: 'productName', render: (n: string | null) => n ?? '—' },
                { key: 'frozen', title: t('traceRecall.count.frozen'), dataIndex: 'frozen', align: 'right', render: (n: number) => formatNumber(n) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <ResponseChart recall={data} />
        </Col>
      </Row>
      <Card title={t('traceRecall.detail.notices')}>
        <NoticesTable notices={data.notices} />
      </Card>
    </>
  );
}
