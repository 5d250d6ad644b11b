import { ApartmentOutlined, CarOutlined, FlagOutlined, HeartOutlined, HomeOutlined, ShopOutlined } from '@ant-design/icons';
import type { Covered, Coverage, Progress } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { sharePercent, targetText } from './share.js';
import { TargetCard, type TargetCardProps } from './TargetCard.js';

/** A count against a count target (12 township stations, 49 village points). */
function countCard(p: Progress, t: ReturnType<typeof useT>): Pick<TargetCardProps, 'value' | 'suffix' | 'percent' | 'met' | 'target' | 'footer'> {
  // The server sends no count target for a single township: show operating / built there instead.
  const target = p.target;
  const of = target ?? p.total;
  return {
    value: p.operating,
    suffix: `/ ${of}`,
    percent: of > 0 ? (p.operating / of) * 100 : null,
    met: target === null ? null : p.operating >= target,
    target: target === null ? undefined : t('coverage.target', { value: target }),
    footer: target === null ? t('coverage.operatingOfTotal') : t('coverage.built', { total: p.total }),
  };
}

/** A share against a share target (100 % of poor townships, 50 % of villages, 80 % of townships): the server's figure and verdict. */
function shareCard(c: Covered, footer: string, t: ReturnType<typeof useT>): Pick<TargetCardProps, 'value' | 'suffix' | 'percent' | 'precision' | 'met' | 'target' | 'footer'> {
  return {
    value: sharePercent(c.share),
    precision: 1,
    suffix: c.share === null ? undefined : '%',
    percent: sharePercent(c.share),
    met: c.met,
    target: c.target === null ? undefined : t('coverage.target', { value: targetText(c.target) }),
    footer,
  };
}

export function CoverageCards({ coverage }: { coverage: Coverage }) {
  const t = useT();
  const cards: TargetCardProps[] = [
    { testId: 'card-stations', title: t('coverage.card.stations'), icon: <ApartmentOutlined />, ...countCard(coverage.townshipStations, t) },
    { testId: 'card-points', title: t('coverage.card.points'), icon: <ShopOutlined />, ...countCard(coverage.villagePoints, t) },
    {
      testId: 'card-poor-townships',
      title: t('coverage.card.poorTownships'),
      icon: <FlagOutlined />,
      ...shareCard(coverage.poorTownships, t('coverage.stationsOf', { covered: coverage.poorTownships.covered, total: coverage.poorTownships.total }), t),
    },
    {
      testId: 'card-poor',
      title: t('coverage.card.poor'),
      icon: <HeartOutlined />,
      ...shareCard(coverage.poorVillages, t('coverage.coveredOf', { covered: coverage.poorVillages.covered, total: coverage.poorVillages.total }), t),
    },
    {
      testId: 'card-other',
      title: t('coverage.card.other'),
      icon: <HomeOutlined />,
      ...shareCard(coverage.otherVillages, t('coverage.coveredOf', { covered: coverage.otherVillages.covered, total: coverage.otherVillages.total }), t),
    },
    {
      testId: 'card-logistics',
      title: t('coverage.card.logistics'),
      icon: <CarOutlined />,
      ...shareCard(coverage.logistics.townships, t('coverage.reachedOf', { covered: coverage.logistics.townships.covered, total: coverage.logistics.townships.total }), t),
    },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: 12, marginBottom: 16 }}>
      {cards.map((card) => (
        <TargetCard key={card.testId} {...card} />
      ))}
    </div>
  );
}
