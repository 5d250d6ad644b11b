import { Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import type { TableColumnsType } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { Coverage, Covered, TownshipCoverage } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { StatusBadge } from '../shared/siteLabels.js';
import { sharePercent, shareText } from './share.js';

/** covered / total, the share, and a thin bar coloured by whether the target is met. */
function CoveredCell({ c }: { c: Covered }) {
  const met = c.met;
  return (
    <Flex vertical gap={0} style={{ minWidth: 110 }}>
      <Flex justify="space-between" gap={8}>
        <span>
          {c.covered} / {c.total}
        </span>
        <Typography.Text type={met === false ? 'danger' : met ? 'success' : undefined}>{shareText(c.share)}</Typography.Text>
      </Flex>
      <Progress percent={sharePercent(c.share) ?? 0} showInfo={false} size="small" strokeColor={met === false ? '#faad14' : met ? '#52c41a' : undefined} />
    </Flex>
  );
}

export function TownshipTable({ coverage }: { coverage: Coverage }) {
  const t = useT();
  const reached = (ok: boolean) =>
    ok ? (
      <Tag color="success" icon={<CheckCircleFilled />}>
        {t('coverage.reached')}
      </Tag>
    ) : (
      <Tag color="error" icon={<CloseCircleFilled />}>
        {t('coverage.notReached')}
      </Tag>
    );

  const columns: TableColumnsType<TownshipCoverage> = [
    {
      key: 'name',
      title: t('coverage.col.township'),
      fixed: 'left',
      width: 130,
      render: (_: unknown, r) => (
        <Flex vertical gap={2} align="flex-start">
          <span>{r.name}</span>
          {r.isPoor && (
            <Tag color="orange" data-testid="poor-township" style={{ marginInlineEnd: 0 }}>
              {t('coverage.poorTownship')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'station', title: t('coverage.col.station'), width: 100, render: (_: unknown, r) => <StatusBadge status={r.stationStatus} /> },
    { key: 'transfer', title: t('coverage.col.transfer'), width: 110, render: (_: unknown, r) => <StatusBadge status={r.transferStatus} /> },
    { key: 'points', title: t('coverage.col.points'), width: 120, align: 'center', render: (_: unknown, r) => `${r.villagePoints.operating} / ${r.villagePoints.total}` },
    { key: 'villages', title: t('coverage.col.villages'), width: 150, render: (_: unknown, r) => <CoveredCell c={r.villages} /> },
    { key: 'poor', title: t('coverage.col.poor'), width: 150, render: (_: unknown, r) => <CoveredCell c={r.poorVillages} /> },
    { key: 'other', title: t('coverage.col.other'), width: 150, render: (_: unknown, r) => <CoveredCell c={r.otherVillages} /> },
    { key: 'logistics', title: t('coverage.col.logistics'), width: 100, render: (_: unknown, r) => reached(r.logisticsReached) },
    { key: 'withLogistics', title: t('coverage.col.pointsWithLogistics'), width: 110, align: 'center', dataIndex: 'villagePointsWithLogistics' },
  ];

  const countyWide = coverage.scope.kind === 'county';
  return (
    <Card title={t('coverage.table.title')}>
      <ResponsiveTable
        data-testid="coverage-table"
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={coverage.townships}
        pagination={false}
        scroll={{ x: 1000 }}
        summary={() =>
          countyWide && (
            <Table.Summary fixed="bottom">
              <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{t('coverage.county')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>
                  {coverage.townshipStations.operating} / {coverage.townshipStations.total}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2}>
                  {coverage.logistics.townships.covered} / {coverage.logistics.townships.total}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="center">
                  {coverage.villagePoints.operating} / {coverage.villagePoints.total}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4}>
                  <CoveredCell c={coverage.villages} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5}>
                  <CoveredCell c={coverage.poorVillages} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6}>
                  <CoveredCell c={coverage.otherVillages} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7}>{shareText(coverage.logistics.townships.share)}</Table.Summary.Cell>
                <Table.Summary.Cell index={8} align="center">
                  {coverage.logistics.villagePoints.covered}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </Card>
  );
}
