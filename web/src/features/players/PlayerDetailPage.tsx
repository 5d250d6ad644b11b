import { useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useCloseShop, usePlayer, usePlayerMonths, usePlayerReports, type Shop } from '../../api/players.js';
import { todayInShanghai } from '../../app/format.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { FullPageSpin } from '../../app/ui/FullPageSpin.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { errorText } from '../../app/ui/errorText.js';
import { mayReportShops } from './access.js';
import { PlayerKindTag } from './labels.js';
import { ReportDrawer } from './ReportDrawer.js';
import { reportColumns } from './reportColumns.js';
import { SalesChart } from './SalesChart.js';
import { ShopDrawer } from './ShopDrawer.js';

/** One player: who and where, its shops (add, report, close), its monthly sales chart and every report with versions. */
export function PlayerDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const player = usePlayer(id);
  const months = usePlayerMonths(id);
  const reports = usePlayerReports(id);
  const close = useCloseShop();
  const [addingShop, setAddingShop] = useState(false);
  const [reporting, setReporting] = useState<{ shopId?: string } | null>(null);
  const mayReport = mayReportShops(user);
  const reportCols = useMemo(() => reportColumns(t), [t]);

  if (player.isPending) return <FullPageSpin />;
  if (player.isError) return <LoadError error={player.error} onRetry={() => void player.refetch()} />;
  const p = player.data;

  const shopColumns: TableColumnsType<Shop> = [
    { key: 'name', title: t('shop.col.name'), dataIndex: 'name', width: 220, render: (name: string, s) => (s.url ? <a href={s.url} target="_blank" rel="noreferrer noopener">{name}</a> : name) },
    { key: 'platform', title: t('shop.col.platform'), dataIndex: 'platform', width: 100, render: (platform: Shop['platform']) => <Tag>{t(`platform.${platform}`)}</Tag> },
    { key: 'openedOn', title: t('shop.col.openedOn'), dataIndex: 'openedOn', width: 120 },
    { key: 'status', title: t('shop.col.status'), width: 150, render: (_: unknown, s) => (s.status === 'operating' ? <Tag color="success">{t('shop.status.operating')}</Tag> : <Tag>{t('shop.status.closed', { date: s.closedOn ?? '' })}</Tag>) },
    { key: 'lastMonth', title: t('shop.col.lastMonth'), dataIndex: 'lastReportedMonth', width: 110, render: (m: string | null) => m ?? '—' },
    ...(mayReport
      ? [
          {
            key: 'actions',
            title: '',
            width: 160,
            render: (_: unknown, s: Shop) =>
              s.status === 'operating' && (
                <Flex gap={8}>
                  <Button size="small" type="primary" onClick={() => setReporting({ shopId: s.id })} data-testid="shop-report">
                    {t('shop.report')}
                  </Button>
                  <Popconfirm
                    title={t('shop.closeConfirm')}
                    onConfirm={() =>
                      close.mutateAsync({ shopId: s.id, closedOn: todayInShanghai() }).then(
                        () => void message.success(t('common.saved')),
                        (error: unknown) => void message.error(errorText(error, t)),
                      )
                    }
                  >
                    <Button size="small">{t('shop.close')}</Button>
                  </Popconfirm>
                </Flex>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={p.name}
        subtitle={<PlayerKindTag kind={p.kind} />}
        crumbs={[{ title: t('shell.menu.stats') }, { title: t('players.title'), to: '/stats/players' }, { title: p.name }]}
        extra={
          mayReport && (
            <Button type="primary" onClick={() => setReporting({})} disabled={p.shops.every((s) => s.status !== 'operating')} data-testid="player-report">
              {t('report.form.title')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="player-descriptions">
            <Descriptions.Item label={t('players.col.creditCode')}>
              <span style={{ fontFamily: 'monospace' }}>{p.creditCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('players.col.place')}>{[p.townshipName, p.villageName].filter(Boolean).join(' ')}</Descriptions.Item>
            <Descriptions.Item label={t('players.col.contact')}>{`${p.contactName} ${p.contactPhone}`}</Descriptions.Item>
            {p.notes && <Descriptions.Item label={t('player.detail.notes')}>{p.notes}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card title={t('player.detail.chart')}>{months.data ? <SalesChart months={months.data.months} /> : months.isError ? <LoadError error={months.error} onRetry={() => void months.refetch()} /> : null}</Card>
        <Card
          title={t('player.detail.shops')}
          extra={
            mayReport && (
              <Button icon={<PlusOutlined />} onClick={() => setAddingShop(true)} data-testid="add-shop">
                {t('shop.add')}
              </Button>
            )
          }
        >
          <ResponsiveTable<Shop> data-testid="shops-table" rowKey="id" size="small" columns={shopColumns} dataSource={p.shops} pagination={false} scroll={{ x: 1100 }} />
        </Card>
        <Card title={t('player.detail.reports')}>
          <ResponsiveTable
            data-testid="player-reports"
            rowKey="id"
            size="small"
            columns={reportCols}
            dataSource={reports.data ?? []}
            loading={reports.isPending}
            pagination={{ pageSize: 24, hideOnSinglePage: true }}
            scroll={{ x: 1300 }}
          />
        </Card>
      </Flex>
      {mayReport && (
        <>
          <ShopDrawer playerId={p.id} open={addingShop} onClose={() => setAddingShop(false)} />
          <ReportDrawer shops={p.shops} shopId={reporting?.shopId} open={!!reporting} onClose={() => setReporting(null)} />
        </>
      )}
    </>
  );
}
