import { useState } from 'react';
import { App, Button, Card, Flex, Form, Progress, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { reportFileUrl, useReports, useRequestReport, type Report, type ReportKind, type ReportStatus } from '../../api/reports.js';
import { isCountyAdmin } from '../../app/access.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { errorText } from '../../app/ui/errorText.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { defaultPeriod, periodChoices } from './periods.js';
import { useReportsText, type ReportsText } from './reports.messages.js';

const KINDS: ReportKind[] = ['month', 'quarter', 'year', 'self_evaluation'];
const STATUS_COLORS: Record<ReportStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

/** Shanghai time, minutes. */
const when = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function StatusCell({ report, text }: { report: Report; text: ReportsText }) {
  const working = report.status === 'queued' || report.status === 'running';
  return (
    <div data-testid="report-status" style={{ minWidth: 160 }}>
      <Tag color={STATUS_COLORS[report.status]}>{text(`reports.status.${report.status}`)}</Tag>
      {working && <Progress percent={report.progress} size="small" status="active" />}
      {working && <Typography.Text type="secondary">{report.step}</Typography.Text>}
      {report.status === 'failed' && report.error && <Typography.Text type="danger">{report.error}</Typography.Text>}
    </div>
  );
}

function Downloads({ report, text }: { report: Report; text: ReportsText }) {
  if (report.status !== 'done') return null;
  return (
    <Space wrap>
      <Button data-testid="report-xlsx" icon={<FileExcelOutlined />} href={reportFileUrl(report.id, 'xlsx')} download>
        {text('reports.download.xlsx')}
      </Button>
      <Button data-testid="report-pdf" icon={<FilePdfOutlined />} href={reportFileUrl(report.id, 'pdf')} download>
        {text('reports.download.pdf')}
      </Button>
    </Space>
  );
}

/** 生成新报表: kind and period (begun periods only), then the job runs; the list shows its progress. */
function GenerateCard({ text }: { text: ReportsText }) {
  const t = useT();
  const { message } = App.useApp();
  const request = useRequestReport();
  const [kind, setKind] = useState<ReportKind>('month');
  const [period, setPeriod] = useState(defaultPeriod('month'));
  return (
    <Card title={text('reports.generate.title')} style={{ marginBottom: 16 }}>
      <Form layout="inline" style={{ rowGap: 12 }}>
        <Form.Item label={text('reports.kind')}>
          <Select
            data-testid="report-kind"
            style={{ width: 140 }}
            value={kind}
            options={KINDS.map((k) => ({ value: k, label: text(`reports.kind.${k}`) }))}
            onChange={(k: ReportKind) => {
              setKind(k);
              setPeriod(defaultPeriod(k));
            }}
          />
        </Form.Item>
        <Form.Item label={text('reports.period')}>
          <Select data-testid="report-period" style={{ width: 170 }} value={period} options={periodChoices(kind === 'self_evaluation' ? 'year' : kind, text)} onChange={setPeriod} />
        </Form.Item>
        <Form.Item>
          <Button
            data-testid="report-generate"
            type="primary"
            icon={<PlusOutlined />}
            loading={request.isPending}
            onClick={() =>
              request.mutate(
                { kind, period },
                { onSuccess: () => void message.success(text('reports.queued')), onError: (err) => void message.error(errorText(err, t)) },
              )
            }
          >
            {text('reports.generate')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/**
 * 统计报表: reports made by the background job, newest first, with their progress while they are made (the list is
 * polled then) and the two downloads once done; the county office generates new ones.
 */
export function ReportsPage() {
  const text = useReportsText();
  const user = useUser();
  const reports = useReports();
  const columns: TableColumnType<Report>[] = [
    {
      key: 'title',
      title: text('reports.col.title'),
      render: (_v, r) => (
        <div style={{ maxWidth: 520 }}>
          <Typography.Text strong>{r.title}</Typography.Text>
          {r.summary && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} ellipsis={{ rows: 2, expandable: true, symbol: text('reports.summary') }}>
              {r.summary}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { key: 'version', title: text('reports.col.version'), render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{text('reports.version', { n: r.version })}</span> },
    { key: 'status', title: text('reports.col.status'), render: (_v, r) => <StatusCell report={r} text={text} /> },
    { key: 'by', title: text('reports.col.by'), dataIndex: 'requestedByName' },
    { key: 'at', title: text('reports.col.at'), render: (_v, r) => <span style={{ whiteSpace: 'nowrap' }}>{when(r.createdAt)}</span> },
    { key: 'actions', title: text('reports.col.actions'), render: (_v, r) => <Downloads report={r} text={text} /> },
  ];
  return (
    <>
      <PageHeader title={text('reports.title')} subtitle={text('reports.subtitle')} crumbs={[{ title: text('reports.stats') }, { title: text('reports.title') }]} />
      {isCountyAdmin(user) && <GenerateCard text={text} />}
      <Card>
        {reports.isError ? (
          <LoadError error={reports.error} onRetry={() => void reports.refetch()} />
        ) : (
          <Flex vertical>
            <ResponsiveTable<Report>
              data-testid="reports-table"
              rowKey="id"
              columns={columns}
              dataSource={reports.data?.items ?? []}
              loading={reports.isLoading}
              pagination={false}
              locale={{ emptyText: text('reports.empty') }}
              cardTitle={(r) => <Typography.Text strong>{r.title}</Typography.Text>}
              cardHides={['title']}
            />
          </Flex>
        )}
      </Card>
    </>
  );
}
