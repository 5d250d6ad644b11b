import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Spin } from 'antd';
import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useScreen } from '../../../api/stats.js';
import { formatDateTime } from '../../../app/format.js';
import { useLocale } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { StatsChart, type StatsChartOption } from '../StatsChart.js';
import { changeColor, formatChange, formatWan } from '../figureFormat.js';
import { gaugeOption, networkOption, pavilionOption, rankingOption, SCREEN, townshipSalesOption, trainingGaugeOption, trendOption } from './screenCharts.js';
import { toScreenModel } from './toScreenModel.js';
import { periodOf } from '../period.js';
import { useTownshipScreen } from './townshipScreen.js';
import { isTownshipOperator } from '../../../app/access.js';
import { useUser } from '../../../app/session.js';
import { useCountyName } from '../../../app/shell/useCountyName.js';
import type { Headline, ScreenModel, TrainingGauge } from './screenModel.js';

const W = 1920;
const H = 1080;

/** The factor that fits the 1920×1080 board into the window, and the offset that centres it. */
function useFit() {
  const measure = () => {
    const scale = Math.min(window.innerWidth / W, window.innerHeight / H);
    return { scale, left: (window.innerWidth - W * scale) / 2, top: (window.innerHeight - H * scale) / 2 };
  };
  const [fit, setFit] = useState(measure);
  useLayoutEffect(() => {
    const onResize = () => setFit(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return fit;
}

/** The wall clock in the title bar: ticks on its own so the charts never re-render with it. */
function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(id);
  }, []);
  return <span data-testid="screen-clock">{formatDateTime(now.toISOString())}</span>;
}

function Panel({ title, children, style, testId, extra }: { title: ReactNode; children: ReactNode; style?: React.CSSProperties; testId?: string; extra?: ReactNode }) {
  return (
    <section
      data-testid={testId}
      style={{
        background: SCREEN.panel,
        border: `1px solid ${SCREEN.border}`,
        borderRadius: 4,
        boxShadow: 'inset 0 0 24px rgba(64,158,255,0.12)',
        padding: '10px 14px',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        ...style,
      }}
    >
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', borderLeft: `4px solid ${SCREEN.cyan}`, paddingLeft: 10, marginBottom: 6 }}>
        <h2 style={{ margin: 0, fontSize: 20, fontWeight: 600, color: SCREEN.text, letterSpacing: 1 }}>{title}</h2>
        {extra && <span style={{ fontSize: 13, color: SCREEN.dim }}>{extra}</span>}
      </header>
      <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>{children}</div>
    </section>
  );
}

const big: React.CSSProperties = { fontSize: 40, fontWeight: 700, color: SCREEN.gold, fontVariantNumeric: 'tabular-nums', lineHeight: 1.1, fontFamily: "'DIN Alternate', 'Roboto Mono', 'Noto Sans SC', monospace" };

/** 11月 / Nov; with its year (2026年11月) when it is not this year's. */
function monthName(month: string, lang: 'zh' | 'en', thisYear: string): string {
  const [y, m] = month.split('-');
  if (lang === 'en') return `${new Date(Date.UTC(Number(y), Number(m) - 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })}${y === thisYear ? '' : ` ${y}`}`;
  return `${y === thisYear ? '' : `${y}年`}${Number(m)}月`;
}

/** The headline cards' titles: 今日, the last closed month by its name (11月), the year's closed months (1–11月). */
function headlineTitle(h: Headline, model: ScreenModel, t: ReturnType<typeof useLocale>['t'], lang: 'zh' | 'en'): string {
  const thisYear = periodOf('year');
  const month = monthName(model.periods.lastMonth, lang, thisYear);
  const { from, to } = model.periods.yearToDate;
  const range = from === to ? monthName(to, lang, thisYear) : lang === 'zh' ? `${to.slice(0, 4) === thisYear ? '' : `${to.slice(0, 4)}年`}1–${Number(to.slice(5))}月` : `${monthName(from, lang, to.slice(0, 4))}–${monthName(to, lang, thisYear)}`;
  if (h.key === 'today') return t('screen.today');
  if (h.key === 'lastMonth' || h.key === 'activeShops') return t(`screen.${h.key}`, { month });
  return t(`screen.${h.key}`, { range });
}

function Headlines({ model }: { model: ScreenModel }) {
  const { t, lang } = useLocale();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, 1fr)', gap: 16 }}>
      {model.headlines.map((h) => (
        <div key={h.key} data-testid={`screen-${h.key}`} style={{ background: SCREEN.panel, border: `1px solid ${SCREEN.border}`, borderRadius: 4, padding: '12px 18px' }}>
          <div data-testid={`screen-${h.key}-title`} style={{ fontSize: 17, color: SCREEN.dim, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {headlineTitle(h, model, t, lang)}
            {h.unit === 'fen' && <span style={{ marginLeft: 6, fontSize: 14 }}>（{t('screen.wan')}）</span>}
          </div>
          <div style={big}>
            {h.unit === 'fen' && <span style={{ fontSize: 26, marginRight: 4 }}>¥</span>}
            <span data-testid={`screen-${h.key}-value`}>{h.unit === 'fen' ? formatWan(h.value) : h.value === null ? '—' : h.value.toLocaleString('zh-CN')}</span>
          </div>
          <div data-testid={`screen-${h.key}-change`} style={{ fontSize: 15, color: SCREEN.dim, whiteSpace: 'nowrap' }}>
            {h.changes === 'none' ? (
              t('screen.notCompared')
            ) : (
              <>
                {t('screen.yoy')} <span style={{ color: changeColor(h.yoyPct, true) ?? SCREEN.text }}>{formatChange(h.yoyPct)}</span>
                {h.changes === 'yoyMom' && (
                  <span style={{ marginLeft: 12 }}>
                    {t('screen.mom')} <span style={{ color: changeColor(h.momPct, true) ?? SCREEN.text }}>{formatChange(h.momPct)}</span>
                  </span>
                )}
              </>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

function ParcelsToday({ model }: { model: ScreenModel }) {
  const { t } = useLocale();
  const cells = [
    { key: 'down', label: t('screen.parcelsDown'), value: model.parcelsToday.down, color: SCREEN.cyan },
    { key: 'up', label: t('screen.parcelsUp'), value: model.parcelsToday.up, color: SCREEN.gold },
    { key: 'arrived', label: t('screen.parcelsArrived'), value: model.parcelsToday.arrived, color: SCREEN.green },
    { key: 'inTransit', label: t('screen.parcelsInTransit'), value: model.parcelsToday.inTransit, color: SCREEN.orange },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 10, height: '100%', alignItems: 'center' }}>
      {cells.map((c) => (
        <div key={c.key} data-testid={`screen-parcels-${c.key}`} style={{ textAlign: 'center' }}>
          <div data-testid="screen-number" style={{ ...big, fontSize: 38, color: c.color }}>{c.value ?? '—'}</div>
          <div style={{ fontSize: 15, color: SCREEN.dim }}>{c.label}</div>
        </div>
      ))}
    </div>
  );
}

const GAUGE_COLORS = [SCREEN.cyan, SCREEN.green, SCREEN.purple, SCREEN.gold];

function Gauges({ model }: { model: ScreenModel }) {
  const { t } = useLocale();
  const options = useMemo(() => model.coverage.map((g, i) => gaugeOption(g, GAUGE_COLORS[i % GAUGE_COLORS.length])), [model.coverage]);
  const trainingOptions = useMemo(
    () => model.training.map((g, i) => (g.total !== null && g.target ? trainingGaugeOption(g.key, g.total, g.target, [SCREEN.gold, SCREEN.green][i % 2]) : null)),
    [model.training],
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 8 }}>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${Math.max(1, model.coverage.length)}, 1fr)`, flex: 1, minHeight: 0 }}>
        {model.coverage.map((g, i) => (
          <div key={g.key} data-testid={`screen-gauge-${g.key}`} style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
            <StatsChart theme="dark" option={options[i]} height={118} />
            <div style={{ textAlign: 'center', color: SCREEN.text, fontSize: 14, lineHeight: 1.25, minHeight: 36, padding: '0 4px' }}>{g.label}</div>
            {g.target !== null && (
              <div style={{ textAlign: 'center', color: SCREEN.dim, fontSize: 13 }}>
                {t('screen.target')} {g.target}%
              </div>
            )}
          </div>
        ))}
      </div>
      <div data-testid="screen-training" style={{ display: 'flex', alignItems: 'center', gap: 12, borderTop: `1px solid ${SCREEN.border}`, paddingTop: 6, height: 70 }}>
        <div style={{ color: SCREEN.text, fontSize: 17, fontWeight: 600, flex: 'none' }}>{t('screen.training')}</div>
        <div style={{ display: 'grid', gridTemplateColumns: `repeat(${model.training.length}, 1fr)`, gap: 8, flex: 1, minWidth: 0 }}>
          {model.training.map((g, i) => (
            <TrainingGaugeCell key={g.key} gauge={g} option={trainingOptions[i]} />
          ))}
        </div>
      </div>
    </div>
  );
}

/** One training count since the programme began: its ring against the target (the county's), the figure, this month's. */
function TrainingGaugeCell({ gauge, option }: { gauge: TrainingGauge; option: StatsChartOption | null }) {
  const { t } = useLocale();
  return (
    <div data-testid={`screen-training-${gauge.key}`} style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }}>
      {option && (
        <div style={{ width: 62, flex: 'none' }}>
          <StatsChart theme="dark" option={option} height={62} />
        </div>
      )}
      <div style={{ minWidth: 0, lineHeight: 1.25 }}>
        <div style={{ fontSize: 13, color: SCREEN.dim, whiteSpace: 'nowrap' }}>{t(gauge.key === 'all' ? 'screen.trainingTotal' : 'screen.trainingPoorTotal')}</div>
        <div style={{ whiteSpace: 'nowrap' }}>
          <span data-testid={`screen-training-${gauge.key}-value`} style={{ ...big, fontSize: 24 }}>
            {gauge.total === null ? '—' : gauge.total.toLocaleString('zh-CN')}
          </span>
          <span style={{ fontSize: 13, color: SCREEN.dim }}>
            {gauge.target !== null ? ` / ${gauge.target.toLocaleString('zh-CN')} ` : ' '}
            {t('screen.personTimes')}
          </span>
        </div>
        <div data-testid={`screen-training-${gauge.key}-month`} style={{ fontSize: 13, color: SCREEN.dim, whiteSpace: 'nowrap' }}>
          {t('screen.trainingMonth', { n: gauge.month === null ? '—' : gauge.month.toLocaleString('zh-CN') })}
        </div>
      </div>
    </div>
  );
}

function Board({ model }: { model: ScreenModel }) {
  const { t, lang } = useLocale();
  const trend = useMemo(() => trendOption(model, t, lang), [model, t, lang]);
  const network = useMemo(() => networkOption(model, t), [model, t]);
  const towns = useMemo(() => townshipSalesOption(model, t), [model, t]);
  const products = useMemo(() => rankingOption(model.topProducts, SCREEN.cyan, t), [model.topProducts, t]);
  const county = model.level === 'county';
  const brands = useMemo(() => rankingOption(model.topBrands, SCREEN.purple, t, county ? 'fen' : 'count'), [model.topBrands, t, county]);
  const pavilions = useMemo(() => pavilionOption(model.pavilions, t), [model.pavilions, t]);
  const empty = (rows: unknown[]) => rows.length === 0 && <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', color: SCREEN.dim, fontSize: 16 }}>{t('screen.noData')}</div>;

  return (
    <>
      <Headlines model={model} />
      <div style={{ display: 'grid', gridTemplateColumns: '540px 1fr 540px', gap: 16, flex: 1, minHeight: 0 }}>
        <div style={{ display: 'grid', gridTemplateRows: '340px 1fr 1fr', gap: 16, minHeight: 0 }}>
          <Panel title={t('screen.trend')} testId="screen-trend">
            <StatsChart theme="dark" option={trend} height="100%" testId="screen-trend-chart" />
          </Panel>
          <Panel title={county ? t('screen.topProducts') : t('screen.topVillages')} testId="screen-top-products">
            <StatsChart theme="dark" option={products} height="100%" />
            {empty(model.topProducts)}
          </Panel>
          <Panel title={county ? t('screen.topBrands') : t('screen.villageParcels')} testId="screen-top-brands">
            <StatsChart theme="dark" option={brands} height="100%" />
            {empty(model.topBrands)}
          </Panel>
        </div>
        <div style={{ display: 'grid', gridTemplateRows: '1fr 300px', gap: 16, minHeight: 0 }}>
          <Panel title={county ? t('screen.network') : t('screen.villageNetwork')} extra={t('screen.networkHint')} testId="screen-network">
            <StatsChart theme="dark" option={network} height="100%" testId="screen-network-chart" />
          </Panel>
          <Panel title={county ? t('screen.townships') : t('screen.villages')} testId="screen-townships">
            <StatsChart theme="dark" option={towns} height="100%" />
          </Panel>
        </div>
        <div style={{ display: 'grid', gridTemplateRows: '150px 290px 1fr', gap: 16, minHeight: 0 }}>
          <Panel title={t('screen.parcelsToday')} testId="screen-parcels">
            <ParcelsToday model={model} />
          </Panel>
          <Panel title={`${t('screen.coverage')} · ${t('screen.training')}`} testId="screen-gauges">
            <Gauges model={model} />
          </Panel>
          <Panel title={county ? t('screen.pavilions') : t('screen.poverty')} testId="screen-pavilions">
            <div style={{ display: 'grid', gridTemplateColumns: county ? '1fr 170px' : '1fr', height: '100%' }}>
              <div style={{ position: 'relative', minHeight: 0, display: county ? undefined : 'none' }}>
                <StatsChart theme="dark" option={pavilions} height="100%" />
                {empty(model.pavilions)}
              </div>
              <div
                data-testid="screen-poverty"
                style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', gap: 18, paddingLeft: 14, ...(county ? { borderLeft: `1px solid ${SCREEN.border}` } : { alignItems: 'center' }) }}
              >
                {county && <div style={{ color: SCREEN.text, fontSize: 17, fontWeight: 600 }}>{t('screen.poverty')}</div>}
                <div>
                  <div style={{ color: SCREEN.dim, fontSize: 14 }}>{t('screen.poorHouseholds')}</div>
                  <div style={{ ...big, fontSize: 32 }}>
                    {model.poorHouseholds === null ? '—' : model.poorHouseholds.toLocaleString('zh-CN')}
                    <span style={{ fontSize: 14, color: SCREEN.dim, marginLeft: 4 }}>{t('screen.households')}</span>
                  </div>
                </div>
                <div>
                  <div style={{ color: SCREEN.dim, fontSize: 14 }}>{t('screen.poorIncome')}</div>
                  <div style={{ ...big, fontSize: 32 }}>{formatWan(model.poorIncomeFen)}</div>
                </div>
              </div>
            </div>
          </Panel>
        </div>
      </div>
    </>
  );
}

/**
 * 数据大屏: the county's figures on a 1920×1080 board for the wall and the projector, scaled to fit any window,
 * read again every 30 s without a flash (the last answer stays until the next one is drawn).
 */
export function ScreenPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const fit = useFit();
  const user = useUser();
  const countyName = useCountyName();
  // A township operator's wall shows its own township; the county office's and the regulator's the county.
  const township = isTownshipOperator(user) && user.scope.kind === 'township' ? user.scope.id : null;
  const countyScreen = useScreen(!township);
  const townshipScreen = useTownshipScreen(township, countyName);
  const screen = township ? townshipScreen : countyScreen;
  const model = useMemo(() => (township ? (townshipScreen.data ?? null) : countyScreen.data ? toScreenModel(countyScreen.data) : null), [township, townshipScreen.data, countyScreen.data]);

  useEffect(() => {
    if (model) document.title = model.townshipName ? t('screen.titleTownship', { county: model.countyName, township: model.townshipName }) : t('screen.title', { county: model.countyName });
  }, [model, t]);

  const title = model ? (model.townshipName ? t('screen.titleTownship', { county: model.countyName, township: model.townshipName }) : t('screen.title', { county: model.countyName })) : '';

  return (
    <div style={{ position: 'fixed', inset: 0, background: SCREEN.bg, overflow: 'hidden' }}>
      <div
        data-testid="screen-board"
        style={{
          position: 'absolute',
          left: fit.left,
          top: fit.top,
          width: W,
          height: H,
          transform: `scale(${fit.scale})`,
          transformOrigin: '0 0',
          padding: '0 16px 16px',
          boxSizing: 'border-box',
          display: 'flex',
          flexDirection: 'column',
          gap: 14,
          color: SCREEN.text,
          background: `radial-gradient(ellipse at 50% 0%, rgba(22,119,255,0.25), transparent 60%), ${SCREEN.bg}`,
          fontFamily: "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
        }}
      >
        <header style={{ height: 76, display: 'grid', gridTemplateColumns: '1fr auto 1fr', alignItems: 'center', borderBottom: `2px solid ${SCREEN.border}` }}>
          <div style={{ fontSize: 20, color: SCREEN.dim, display: 'flex', gap: 16, alignItems: 'center' }}>
            <Button ghost size="small" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/stats')}>
              {t('screen.back')}
            </Button>
            <Clock />
          </div>
          <h1 data-testid="screen-title" style={{ margin: 0, fontSize: 34, fontWeight: 700, letterSpacing: 4, color: '#e6f4ff', textShadow: '0 0 18px rgba(64,158,255,0.8)' }}>
            {title}
          </h1>
          <div style={{ fontSize: 16, color: SCREEN.dim, display: 'flex', gap: 16, justifyContent: 'flex-end', alignItems: 'center' }}>
            {model && (
              <span data-testid="screen-updated" style={{ color: screen.isError ? SCREEN.orange : SCREEN.dim }}>
                {screen.isError ? t('screen.stale', { time: formatDateTime(model.asOf) }) : t('screen.updated', { time: formatDateTime(model.asOf) })}
              </span>
            )}
            <Button ghost size="small" icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
              {t('screen.fullscreen')}
            </Button>
          </div>
        </header>
        {model ? (
          <Board model={model} />
        ) : screen.isError ? (
          <div role="alert" style={{ flex: 1, display: 'grid', placeItems: 'center', fontSize: 24, color: SCREEN.orange }}>
            {errorText(screen.error, t)}
          </div>
        ) : (
          <div style={{ flex: 1, display: 'grid', placeItems: 'center' }}>
            <Spin size="large" />
          </div>
        )}
      </div>
    </div>
  );
}
