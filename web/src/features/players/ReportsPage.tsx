import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useMissingReports, useReports, useReviewReport, type Report, type Shop } from '../../api/players.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { LoadMore } from '../../app/ui/LoadMore.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { errorText } from '../../app/ui/errorText.js';
import { useUrlParams } from '../../app/useUrlParams.js';
import { mayReportShops, mayReviewReports } from './access.js';
import { ImportPanel } from './ImportPanel.js';
import { lastMonth } from './money.js';
import { reportColumns } from './reportColumns.js';

const KEYS = ['tab', 'month'] as const;
const TABS = ['flagged', 'missing', 'import'] as const;
type TabKey = (typeof TABS)[number];

function Flagged() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const reports = useReports({ flagged: true, reviewed: false });
  const review = useReviewReport();
  const [reviewing, setReviewing] = useState<Report | null>(null);
  const [note, setNote] = useState('');
  const rows = reports.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useMemo<TableColumnsType<Report>>(() => {
    // What to review first: the month, the shop, why it is flagged; then the figures and who sent them.
    const all = reportColumns(t, { player: true, reasons: true });
    const byKey = (key: string) => all.find((c) => c.key === key)!;
    const base = ['month', 'shop', 'flags', 'sales', 'orders', 'reported'].map(byKey);
    if (!mayReviewReports(user)) return base;
    return [
      ...base,
      {
        key: 'actions',
        title: '',
        width: 90,
        render: (_: unknown, r: Report) => (
          <Button size="small" onClick={() => { setReviewing(r); setNote(''); }} data-testid="report-review">
            {t('report.review')}
          </Button>
        ),
      },
    ];
  }, [t, user]);

  const submit = async () => {
    if (!reviewing || !note.trim()) return;
    try {
      await review.mutateAsync({ id: reviewing.id, note: note.trim() });
      void message.success(t('report.reviewDone'));
      setReviewing(null);
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  if (reports.isError) return <LoadError error={reports.error} onRetry={() => void reports.refetch()} />;
  return (
    <>
      <ResponsiveTable<Report>
        data-testid="flagged-reports"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={reports.isFetching && !reports.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1080 }}
        locale={{ emptyText: reports.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.flaggedEmpty')} /> }}
      />
      <LoadMore query={reports} />
      <Modal open={!!reviewing} title={t('report.review')} onCancel={() => setReviewing(null)} onOk={() => void submit()} okButtonProps={{ disabled: !note.trim(), loading: review.isPending, ...({ 'data-testid': 'review-save' } as Record<string, string>) }}>
        {reviewing && (
          <Form layout="vertical">
            <Typography.Paragraph>{`${reviewing.playerName} · ${reviewing.shopName} · ${reviewing.month}`}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{reviewing.flags.map((f) => f.message).join('；')}</Typography.Paragraph>
            <Form.Item label={t('report.reviewNote')} required>
              <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="review-note" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}

function Missing({ month, onMonth }: { month: string; onMonth: (month: string) => void }) {
  const t = useT();
  const missing = useMissingReports(month);
  const rows = missing.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<Shop> = [
    { key: 'player', title: t('shop.col.player'), dataIndex: 'playerName', width: 240, render: (name: string, s) => <Link to={`/stats/players/${s.playerId}`}>{name}</Link> },
    { key: 'name', title: t('shop.col.name'), dataIndex: 'name', width: 200 },
    { key: 'platform', title: t('shop.col.platform'), dataIndex: 'platform', width: 100, render: (p: Shop['platform']) => <Tag>{t(`platform.${p}`)}</Tag> },
    { key: 'lastMonth', title: t('shop.col.lastMonth'), dataIndex: 'lastReportedMonth', width: 110, render: (m: string | null) => m ?? '—' },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('reports.missingOf', { month })}</Typography.Text>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && onMonth(d.format('YYYY-MM'))} disabledDate={(d) => d.format('YYYY-MM') > lastMonth()} />
      </Flex>
      {missing.isError ? (
        <LoadError error={missing.error} onRetry={() => void missing.refetch()} />
      ) : (
        <ResponsiveTable<Shop>
          data-testid="missing-reports"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={missing.isFetching && !missing.isFetchingNextPage}
          pagination={false}
          locale={{ emptyText: missing.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.missingEmpty')} /> }}
        />
      )}
      <LoadMore query={missing} />
    </Flex>
  );
}

/** 站外月报: flagged reports to review, shops that have not reported a month, and the Excel import. */
export function ReportsPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const tabs = TABS.filter((k) => k !== 'import' || mayReportShops(user));
  const tab: TabKey = (tabs as readonly string[]).includes(params.tab ?? '') ? (params.tab as TabKey) : 'flagged';
  const month = /^\d{4}-\d{2}$/.test(params.month ?? '') ? params.month! : lastMonth();
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} crumbs={[{ title: t('shell.menu.stats') }, { title: t('reports.title') }]} />
      <Card data-testid="reports-tabs" tabList={tabs.map((k) => ({ key: k, label: t(`reports.tab.${k}`) }))} activeTabKey={tab} onTabChange={(key) => setParams({ ...params, tab: key })}>
        {tab === 'flagged' && <Flagged />}
        {tab === 'missing' && <Missing month={month} onMonth={(m) => setParams({ ...params, month: m })} />}
        {tab === 'import' && <ImportPanel />}
      </Card>
    </>
  );
}
