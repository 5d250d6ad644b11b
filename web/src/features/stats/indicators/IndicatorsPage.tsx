import { Card, Flex, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useIndicators, useTargets, type IndicatorDef, type Target } from '../../../api/stats.js';
import { mayRebuildStats } from '../../../app/access.js';
import { formatNumber } from '../../../app/format.js';
import { useLocale } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { formatWan } from '../figureFormat.js';
import { formulaText } from './formulaText.js';
import { RebuildPanel } from './RebuildPanel.js';

const DIM_NAMES: Record<string, [string, string]> = {
  township: ['乡镇', 'township'],
  village: ['村', 'village'],
  category: ['品类', 'category'],
  brand: ['品牌', 'brand'],
  pavilion: ['场馆', 'pavilion'],
  channel: ['渠道', 'channel'],
  source: ['来源', 'source'],
  platform: ['平台', 'platform'],
  kind: ['类型', 'kind'],
  product: ['商品', 'product'],
};

/** 指标说明: what each figure counts and where it comes from, the plan's targets, and (county office) 重建统计. */
export function IndicatorsPage() {
  const { t, lang } = useLocale();
  const user = useUser();
  const indicators = useIndicators();
  const targets = useTargets();
  const names = new Map((indicators.data ?? []).map((d) => [d.key, lang === 'zh' ? d.name : d.nameEn]));
  const dimName = (d: string) => DIM_NAMES[d]?.[lang === 'zh' ? 0 : 1] ?? d;
  const nameOf = (key: string) => names.get(key);

  const columns: TableColumnsType<IndicatorDef> = [
    {
      key: 'name',
      title: t('indicators.col.name'),
      width: 170,
      fixed: 'left',
      render: (_: unknown, d) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{lang === 'zh' ? d.name : d.nameEn}</Typography.Text>
          {d.status === 'awaiting_source' && (
            <Tag color="default" style={{ width: 'fit-content' }} data-testid="indicator-awaiting">
              {t('indicators.awaiting')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'unit', title: t('indicators.col.unit'), width: 80, render: (_: unknown, d) => t(`indicators.unit.${d.unit}`) },
    { key: 'definition', title: t('indicators.col.definition'), width: 360, render: (_: unknown, d) => <Typography.Paragraph style={{ margin: 0 }}>{d.definition}</Typography.Paragraph> },
    {
      key: 'formula',
      title: t('indicators.col.formula'),
      width: 280,
      render: (_: unknown, d) => (
        <Tooltip title={d.formula}>
          <Typography.Text code style={{ whiteSpace: 'normal' }}>
            {formulaText(d.formula, lang, nameOf)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    { key: 'dims', title: t('indicators.col.dimensions'), width: 160, render: (_: unknown, d) => (d.dims.length ? d.dims.map(dimName).join('、') : '—') },
    { key: 'sources', title: t('indicators.col.sources'), width: 220, render: (_: unknown, d) => <span style={{ fontSize: 12 }}>{d.sources.map((x) => formulaText(x, lang, nameOf)).join('，')}</span> },
    { key: 'owner', title: t('indicators.col.owner'), width: 170, dataIndex: 'owner' },
  ];

  const targetColumns: TableColumnsType<Target> = [
    { key: 'indicator', title: t('indicators.target.indicator'), width: 180, render: (_: unknown, r) => names.get(r.indicator) ?? r.indicator },
    { key: 'label', title: t('indicators.target.label'), dataIndex: 'label' },
    {
      key: 'value',
      title: t('indicators.target.value'),
      width: 140,
      align: 'right',
      render: (_: unknown, r) => {
        if (r.value === null) return '—';
        const unit = indicators.data?.find((d) => d.key === r.indicator)?.unit;
        return unit === 'fen' ? `${formatWan(r.value)} ${t('indicators.unit.fen')}` : unit === 'percent' ? `${r.value}%` : formatNumber(r.value);
      },
    },
    { key: 'growth', title: t('indicators.target.growth'), width: 110, align: 'right', render: (_: unknown, r) => (r.growthPct === null ? '—' : `${r.growthPct}%`) },
    { key: 'due', title: t('indicators.target.due'), width: 130, render: (_: unknown, r) => r.due ?? '—' },
  ];

  return (
    <>
      <PageHeader crumbs={[{ title: t('shell.menu.stats') }, { title: t('indicators.title') }]} title={t('indicators.title')} subtitle={t('indicators.subtitle')} />
      {mayRebuildStats(user) && <RebuildPanel />}
      <Card style={{ marginBottom: 16 }}>
        {indicators.isError ? (
          <LoadError error={indicators.error} onRetry={() => void indicators.refetch()} />
        ) : (
          <ResponsiveTable<IndicatorDef>
            data-testid="indicators-table"
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={(indicators.data ?? []).filter((d) => d.headline !== false)}
            loading={indicators.isPending}
            pagination={false}
            scroll={{ x: 1400 }}
          />
        )}
      </Card>
      <Card title={t('indicators.targets')}>
        {targets.isError ? (
          <LoadError error={targets.error} onRetry={() => void targets.refetch()} />
        ) : (
          <ResponsiveTable<Target> data-testid="targets-table" rowKey="id" size="small" columns={targetColumns} dataSource={targets.data ?? []} loading={targets.isPending} pagination={false} />
        )}
      </Card>
    </>
  );
}
