import type { DivisionRow, SiteKind, SiteStatus } from './network.tables.js';
import type { CoverageView, Targets, TownshipCoverage } from './network.schema.js';

export interface SiteFootprint {
  kind: SiteKind;
  status: SiteStatus;
  division_code: string;
  township_code: string | null;
}

const share = (covered: number, total: number) => (total === 0 ? null : covered / total);

/**
 * Coverage as the plan measures it: a village is covered when it has an operating village point; a township
 * is reached by logistics when its transfer station operates; a village point is reached when its village also
 * has an operating delivery point. Pure: takes the rows, returns the figures.
 */
export function computeCoverage(input: {
  county: DivisionRow;
  townships: DivisionRow[];
  villages: DivisionRow[];
  sites: SiteFootprint[];
  targets: Targets;
  asOf: string;
  scope: { kind: 'county' | 'township'; code: string };
}): CoverageView {
  const { targets } = input;
  // The plan's counts (12 stations, 49 points) are county totals; a township's share of them is not set.
  const countTarget = (target: number | undefined) => (input.scope.kind === 'county' ? (target ?? null) : null);
  const operating = (kind: SiteKind) =>
    new Set(input.sites.filter((s) => s.kind === kind && s.status === 'operating').map((s) => s.division_code));
  const pointVillages = operating('village_point');
  const deliveryVillages = operating('village_delivery');
  const statusAt = (kind: SiteKind, code: string) => input.sites.find((s) => s.kind === kind && s.division_code === code)?.status ?? null;

  const rows: TownshipCoverage[] = input.townships.map((t) => {
    const villages = input.villages.filter((v) => v.parent_code === t.code);
    const poor = villages.filter((v) => v.is_poor_village === 1);
    const other = villages.filter((v) => v.is_poor_village !== 1);
    const covered = (list: DivisionRow[]) => list.filter((v) => pointVillages.has(v.code)).length;
    const points = input.sites.filter((s) => s.kind === 'village_point' && s.township_code === t.code);
    const transferStatus = statusAt('township_transfer', t.code);
    return {
      code: t.code,
      name: t.name,
      stationStatus: statusAt('township_station', t.code),
      transferStatus,
      villagePoints: { operating: points.filter((p) => p.status === 'operating').length, total: points.length, target: null },
      villages: { total: villages.length, covered: covered(villages), share: share(covered(villages), villages.length), target: null },
      poorVillages: { total: poor.length, covered: covered(poor), share: share(covered(poor), poor.length), target: targets.poorVillageCoverage ?? null },
      otherVillages: { total: other.length, covered: covered(other), share: share(covered(other), other.length), target: targets.otherVillageCoverage ?? null },
      logisticsReached: transferStatus === 'operating',
      villagePointsWithLogistics: villages.filter((v) => pointVillages.has(v.code) && deliveryVillages.has(v.code)).length,
    };
  });

  const sum = (pick: (r: TownshipCoverage) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const covered = (pick: (r: TownshipCoverage) => { total: number; covered: number }, target: number | undefined) => {
    const total = sum((r) => pick(r).total);
    const c = sum((r) => pick(r).covered);
    return { total, covered: c, share: share(c, total), target: target ?? null };
  };
  const stations = input.sites.filter((s) => s.kind === 'township_station');
  const villagePointsOperating = sum((r) => r.villagePoints.operating);
  const reachedTownships = rows.filter((r) => r.logisticsReached).length;
  const reachedPoints = sum((r) => r.villagePointsWithLogistics);

  return {
    county: { code: input.county.code, name: input.county.name },
    scope: input.scope,
    asOf: input.asOf,
    townshipStations: { operating: stations.filter((s) => s.status === 'operating').length, total: stations.length, target: countTarget(targets.townshipStations) },
    villagePoints: { operating: villagePointsOperating, total: sum((r) => r.villagePoints.total), target: countTarget(targets.villagePoints) },
    villages: covered((r) => r.villages, undefined),
    poorVillages: covered((r) => r.poorVillages, targets.poorVillageCoverage),
    otherVillages: covered((r) => r.otherVillages, targets.otherVillageCoverage),
    logistics: {
      townships: { total: rows.length, covered: reachedTownships, share: share(reachedTownships, rows.length), target: targets.townshipLogisticsCoverage ?? null },
      villagePoints: { total: villagePointsOperating, covered: reachedPoints, share: share(reachedPoints, villagePointsOperating), target: targets.villagePointLogisticsCoverage ?? null },
    },
    townships: rows,
  };
}
