import { Button, Space, Tag } from 'antd';
import { DownloadOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useDivisionNames } from '../../../api/network.js';
import { exportUrl, useFigures, useOwnSite, type Place } from '../../../api/stats.js';
import { isCountyWide, isTownshipOperator, isVillageOperator, mayOpenScreen, ownSiteId } from '../../../app/access.js';
import { useLocale } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { useCountyName } from '../../../app/shell/useCountyName.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader, type Crumb } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { isPeriod, lastClosedPeriod, periodLabel, PERIOD_GRAINS, type PeriodGrain } from '../period.js';
import { BreakdownCard } from './BreakdownCard.js';
import { FigureCards } from './FigureCards.js';
import { PeriodPicker } from './PeriodPicker.js';
import { PlacesCard } from './PlacesCard.js';
import { TrendCard } from './TrendCard.js';

const KEYS = ['grain', 'period', 'township', 'village'] as const;

/**
 * The place a user may read: the county's staff any, a township operator its township (and its villages), a village
 * operator its own village. What the URL asks for outside that is replaced by the user's own place.
 */
function useAllowedPlace(asked: Place): { place: Place; fixedTownship: boolean; fixedVillage: boolean; ready: boolean } {
  const user = useUser();
  const siteId = isVillageOperator(user) ? ownSiteId(user) : null;
  const site = useOwnSite(siteId);
  if (isCountyWide(user)) return { place: asked, fixedTownship: false, fixedVillage: false, ready: true };
  if (isTownshipOperator(user) && user.scope.kind === 'township') {
    const township = user.scope.id;
    const village = asked.village?.startsWith(township) ? asked.village : undefined;
    return { place: { township, village }, fixedTownship: true, fixedVillage: false, ready: true };
  }
  if (siteId) {
    const d = site.data;
    return { place: d ? { township: d.townshipCode ?? undefined, village: d.divisionCode } : {}, fixedTownship: true, fixedVillage: true, ready: !!d };
  }
  return { place: asked, fixedTownship: false, fixedVillage: false, ready: true };
}

/** 统计分析: county → township → village, a period of months, quarters or years, shareable by its URL. */
export function StatsPage() {
  const { t, lang } = useLocale();
  const user = useUser();
  const county = useCountyName();
  const names = useDivisionNames();
  const [params, setParams] = useUrlParams(KEYS);
  const grain: PeriodGrain = (PERIOD_GRAINS as readonly string[]).includes(params.grain ?? '') ? (params.grain as PeriodGrain) : 'month';
  // Opens on the last closed period (a month not yet over is not compared with whole ones); the URL overrides.
  const period = isPeriod(grain, params.period) ? params.period : lastClosedPeriod(grain);
  const { place, fixedTownship, fixedVillage, ready } = useAllowedPlace({ township: params.township, village: params.village?.startsWith(params.township ?? '') ? params.village : undefined });
  const figures = useFigures(grain, period, place, ready);

  const go = (next: { grain?: PeriodGrain; period?: string; township?: string; village?: string }) =>
    setParams({ grain: next.grain ?? grain, period: next.period ?? period, township: 'township' in next ? next.township : place.township, village: 'village' in next ? next.village : place.village });

  const countyName = county ?? t('statsPage.county');
  const crumbs: Crumb[] = [{ title: t('shell.menu.stats') }];
  const at = (p: Place) => `/stats?${new URLSearchParams({ grain, period, ...(p.township && { township: p.township }), ...(p.village && { village: p.village }) }).toString()}`;
  crumbs.push({ title: countyName, to: !fixedTownship && place.township ? at({}) : undefined });
  if (place.township) crumbs.push({ title: names.name(place.township) ?? place.township, to: !fixedVillage && place.village ? at({ township: place.township }) : undefined });
  if (place.village) crumbs.push({ title: names.name(place.village) ?? place.village });

  const shown = figures.data && !figures.isPlaceholderData ? figures.data.place.name : undefined;
  const here = shown ?? (place.village ? names.name(place.village) : place.township ? names.name(place.township) : countyName);

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Space size={8} wrap>
            {t('statsPage.title')}
            {here && (
              <Tag color="blue" data-testid="stats-place">
                {here}
              </Tag>
            )}
            <Tag>{periodLabel(grain, period, lang)}</Tag>
          </Space>
        }
        subtitle={t('statsPage.subtitle')}
        extra={
          <Space wrap>
            {mayOpenScreen(user) && (
              <Link to="/screen">
                <Button icon={<FundProjectionScreenOutlined />}>{t('shell.menu.screen')}</Button>
              </Link>
            )}
            <Button data-testid="stats-export" type="primary" icon={<DownloadOutlined />} href={exportUrl(grain, period, place)} download>
              {t('statsPage.export')}
            </Button>
          </Space>
        }
      />
      <div style={{ marginBottom: 16 }}>
        <PeriodPicker grain={grain} period={period} onChange={(g, p) => go({ grain: g, period: p })} />
      </div>
      {!ready ? null : figures.isError ? (
        <LoadError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          <FigureCards figures={figures.data?.figures} loading={figures.isFetching && figures.isPlaceholderData} />
          {figures.data && <TrendCard grain={grain} period={period} place={place} figures={figures.data.figures} />}
          {/* The API breaks the county's figures down (a township's only by village, which the table below shows). */}
          {!place.township && <BreakdownCard grain={grain} period={period} />}
          {!place.village && <PlacesCard grain={grain} period={period} township={place.township} onOpen={(code) => go(place.township ? { village: code } : { township: code, village: undefined })} />}
        </>
      )}
    </>
  );
}
