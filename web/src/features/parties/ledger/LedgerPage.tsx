import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Empty, Flex, Grid, Segmented, Table, Tooltip } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { LEDGER_GROUPS, ledgerExportUrl, type LedgerGroup } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { EChart } from '../../../app/ui/EChart.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { HouseholdLedgerDrawer } from './HouseholdLedgerDrawer.js';
import { ledgerChartOption } from './ledgerChartOption.js';
import { ledgerColumns } from './ledgerColumns.js';
import { LedgerSummary } from './LedgerSummary.js';
import { useLedgerRows, type NamedLedgerRow } from './useLedgerRows.js';

const KEYS = ['by', 'from', 'to'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 扶贫台账: what registered poor households earned from paid sales, by township, village or household, over a period
 * of entry dates; a household opens its entries sale by sale over the same period, so its panel shows the figures
 * of its row and of the chart. A refund is taken back on its own day. The cards are the server's totals over the
 * whole period; the rows page in (most income first); 导出 Excel downloads the period for auditors.
 */
export function LedgerPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(KEYS);
  const by: LedgerGroup = (LEDGER_GROUPS as readonly string[]).includes(params.by ?? '') ? (params.by as LedgerGroup) : 'township';
  const from = DATE.test(params.from ?? '') ? params.from : undefined;
  const to = DATE.test(params.to ?? '') ? params.to : undefined;
  const { ledger, rows, totals } = useLedgerRows(by, from, to);
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const [opened, setOpened] = useState<NamedLedgerRow | null>(null);
  const columns = useMemo(() => ledgerColumns(t, by, setOpened), [t, by]);
  const option = useMemo(() => ledgerChartOption(rows, t, compact), [rows, t, compact]);

  return (
    <>
      <PageHeader
        title={t('ledger.title')}
        subtitle={t('ledger.subtitle')}
        crumbs={[{ title: t('shell.menu.parties') }, { title: t('ledger.title') }]}
        extra={
          <Flex gap={8} wrap>
            <Segmented<LedgerGroup>
              value={by}
              onChange={(next) => setParams({ by: next, from, to })}
              options={LEDGER_GROUPS.map((g) => ({ value: g, label: t(`ledger.by.${g}`) }))}
              data-testid="ledger-by"
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              onChange={(range) => setParams({ by, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            />
            <Tooltip title={t('ledger.exportHint')}>
              <Button icon={<FileExcelOutlined />} href={ledgerExportUrl(by, from, to)} download data-testid="ledger-export">
                {t('ledger.export')}
              </Button>
            </Tooltip>
          </Flex>
        }
      />
      {ledger.isError ? (
        <LoadError error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : (
        <>
          <LedgerSummary totals={totals} top={rows[0]} by={by} />
          <Card size="small" title={t('ledger.chart.title', { top: Math.min(15, rows.length) })} style={{ marginBottom: 16 }}>
            {rows.length === 0 && !ledger.isPending ? <Empty description={t('ledger.empty')} /> : <EChart option={option} height={compact ? 300 : 360} testId="ledger-chart" />}
          </Card>
          <Card size="small" title={t('ledger.table.title')} extra={totals ? t('common.total', { count: totals.groups }) : null}>
            <Table
              data-testid="ledger-table"
              rowKey="key"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={ledger.isFetching}
              pagination={false}
              scroll={{ x: 860 }}
              locale={{ emptyText: ledger.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledger.empty')} /> }}
            />
            <LoadMore query={ledger} />
          </Card>
        </>
      )}
      <HouseholdLedgerDrawer row={opened} from={from} to={to} onClose={() => setOpened(null)} />
    </>
  );
}
