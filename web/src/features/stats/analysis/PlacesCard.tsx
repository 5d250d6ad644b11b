import { Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { usePlaces, type PlaceRow } from '../../../api/stats.js';
import { formatNumber } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { formatPercent, formatWan } from '../figureFormat.js';
import type { PeriodGrain } from '../period.js';

/** The townships of the county (or the villages of a township) with their headline figures; a row opens it. */
export function PlacesCard({ grain, period, township, onOpen }: { grain: PeriodGrain; period: string; township?: string; onOpen: (code: string) => void }) {
  const t = useT();
  const places = usePlaces(grain, period, township);
  const level = township ? 'villages' : 'townships';
  const columns: TableColumnsType<PlaceRow> = [
    { key: 'name', title: t('statsPage.col.name'), render: (_: unknown, r) => <Typography.Link onClick={() => onOpen(r.code)}>{r.name}</Typography.Link> },
    { key: 'points', title: t('statsPage.col.points'), align: 'right', render: (_: unknown, r) => formatNumber(r.points) },
    { key: 'retail', title: t('statsPage.col.retail'), align: 'right', render: (_: unknown, r) => formatWan(r.onlineRetailFen) },
    { key: 'down', title: t('statsPage.col.down'), align: 'right', render: (_: unknown, r) => formatNumber(r.parcelsDown) },
    { key: 'up', title: t('statsPage.col.up'), align: 'right', render: (_: unknown, r) => formatNumber(r.parcelsUp) },
    { key: 'onTime', title: t('statsPage.col.onTime'), align: 'right', render: (_: unknown, r) => formatPercent(r.onTimeShare) },
    { key: 'poor', title: t('statsPage.col.poor'), align: 'right', render: (_: unknown, r) => formatNumber(r.poorHouseholdsBenefiting) },
    { key: 'training', title: t('statsPage.col.training'), align: 'right', render: (_: unknown, r) => formatNumber(r.trainingPersonTimes) },
    { key: 'trainingPoor', title: t('statsPage.col.trainingPoor'), align: 'right', render: (_: unknown, r) => formatNumber(r.trainingPoorPersonTimes) },
  ];
  return (
    <Card title={t(`statsPage.children.${level}`)} extra={<Typography.Text type="secondary">{t('statsPage.children.hint')}</Typography.Text>} style={{ marginBottom: 16 }}>
      <ResponsiveTable<PlaceRow>
        data-testid="stats-places"
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={places.data ?? []}
        loading={places.isPending}
        locale={{ emptyText: t('statsPage.noChildren') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => onOpen(r.code), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}
