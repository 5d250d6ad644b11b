import { Card, Col, Flex, Progress, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import type { FigureValue } from '../../../api/stats.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { changeColor, figureNumber, formatChange, formatPercent } from '../figureFormat.js';

/** The figures a county office reads first, in this order; the rest are in the catalogue and the export. */
export const HEADLINE_ORDER = [
  'online_retail_fen',
  'produce_online_retail_fen',
  'platform_sales_fen',
  'external_sales_fen',
  'orders',
  'buyers',
  'active_shops',
  'sellers',
  'parcels_down',
  'parcels_up',
  'on_time_share',
  'traced_produce_share',
  'poor_households_benefiting',
  'poor_household_income_fen',
  'complaints',
  'training_person_times',
  'training_person_times_total',
  'training_poor_person_times_total',
] as const;

export function headlineFigures(figures: FigureValue[]): FigureValue[] {
  const byKey = new Map(figures.map((f) => [f.indicator, f]));
  return HEADLINE_ORDER.flatMap((key) => byKey.get(key) ?? []);
}

function Change({ label, pct }: { label: string; pct: number | null }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary">{label} </Typography.Text>
      <span style={{ color: changeColor(pct) }}>{formatChange(pct)}</span>
    </span>
  );
}

/** How far the figure is towards its target: a level against a value, or this year's growth against the plan's. */
function TargetLine({ f }: { f: FigureValue }) {
  const t = useT();
  const target = f.target;
  if (!target || f.value === null) return null;
  if (target.value !== null && target.value > 0) {
    const pct = Math.round((f.value / target.value) * 1000) / 10;
    return (
      <Tooltip title={`${target.label}${target.due ? ` · ${target.due}` : ''}`}>
        <div data-testid={`figure-${f.indicator}-target`}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(f.open ? 'statsPage.targetProgressSoFar' : 'statsPage.targetProgress', { pct: formatPercent(pct) })}
          </Typography.Text>
          <Progress percent={Math.min(100, pct)} showInfo={false} size="small" status={pct >= 100 ? 'success' : 'normal'} />
        </div>
      </Tooltip>
    );
  }
  if (target.growthPct !== null) {
    const met = f.yoyPct !== null && f.yoyPct >= target.growthPct;
    return (
      <Tooltip title={target.label}>
        <Tag data-testid={`figure-${f.indicator}-target`} color={f.yoyPct === null ? 'default' : met ? 'success' : 'warning'} style={{ marginTop: 4 }}>
          {t('statsPage.targetGrowth', { pct: `${target.growthPct}%` })}
        </Tag>
      </Tooltip>
    );
  }
  return null;
}

/** One card a figure: its name, the value (万元 for money), 同比 and 环比, and the target. */
export function FigureCards({ figures, loading }: { figures: FigureValue[] | undefined; loading: boolean }) {
  const t = useT();
  if (!figures) {
    return (
      <Card style={{ marginBottom: 16 }}>
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16, opacity: loading ? 0.6 : 1, transition: 'opacity 0.2s' }} data-testid="stats-figures">
      {headlineFigures(figures).map((f) => (
        <Col key={f.indicator} xs={12} sm={12} md={8} lg={6} xxl={4}>
          <Card size="small" style={{ height: '100%' }} data-testid={`figure-${f.indicator}`} styles={{ body: { padding: '12px 14px' } }}>
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', lineHeight: 1.3, minHeight: 34 }}>
              {f.name}
              {f.unit === 'fen' && `（${t('statsPage.wan')}）`}
            </Typography.Text>
            {f.status === 'awaiting_source' ? (
              <Tooltip title={t('statsPage.awaitingHint')}>
                <Tag style={{ marginTop: 8 }}>{t('statsPage.awaiting')}</Tag>
              </Tooltip>
            ) : (
              <>
                <div data-testid={`figure-${f.indicator}-value`} style={{ fontSize: 24, fontWeight: 600, fontVariantNumeric: 'tabular-nums', lineHeight: 1.3 }}>
                  {figureNumber(f.unit, f.value)}
                </div>
                {f.open ? (
                  <Tooltip title={t('statsPage.openHint')}>
                    <Typography.Text data-testid={`figure-${f.indicator}-open`} type="secondary" style={{ fontSize: 12 }}>
                      {t('statsPage.open')}
                    </Typography.Text>
                  </Tooltip>
                ) : (
                  <Flex gap={10} wrap style={{ fontSize: 12 }}>
                    <Change label={t('statsPage.yoy')} pct={f.yoyPct} />
                    <Change label={t('statsPage.mom')} pct={f.momPct} />
                  </Flex>
                )}
                <TargetLine f={f} />
              </>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
