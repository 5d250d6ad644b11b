import type { DivisionRow, SiteKind, SiteStatus } from './network.tables.js';
import type { CoverageView, Targets, TownshipCoverage } from './network.schema.js';

export interface SiteFootprint {
  kind: SiteKind;
  status: SiteStatus;
  division_code: string;
  township_code: string | null;
}

/**
 * The one rounding of every share the network reports: covered / total to 0.1 %, half up, from the counts
 * (37 / 38 = 97.368… % → 0.974). The console shows it as it comes, so a card and the county row agree.
 */
export function roundShare(covered: number, total: number): number | null {
  if (total === 0) return null;
  // covered * 1000 / total is exact whenever it ends in .5, so Math.round rounds those half up.
  return Math.round((covered * 1000) / total) / 1000;
}

/** Whether covered / total reaches the target, on the counts (49.96 % is not 50 %, though it shows as 50.0 %). */
export function meets(covered: number, total: number, target: number | null): boolean | null {
  if (target === null || total === 0) return null;
  // A target is a share with at most a few decimals (0.8): compare covered with target × total, allowing for
  // binary fractions (0.7 × 10 = 7.000000000000001).
  return covered >= target * total - 1e-9;
}

const figure = (covered: number, total: number, target: number | null) => ({ total, covered, share: roundShare(covered, total), target, met: meets(covered, total, target) });

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
      isPoor: t.is_poor_township === 1,
      stationStatus: statusAt('township_station', t.code),
      transferStatus,
      villagePoints: { operating: points.filter((p) => p.status === 'operating').length, total: points.length, target: null },
      villages: figure(covered(villages), villages.length, null),
      poorVillages: figure(covered(poor), poor.length, targets.poorVillageCoverage ?? null),
      otherVillages: figure(covered(other), other.length, targets.otherVillageCoverage ?? null),
      logisticsReached: transferStatus === 'operating',
      villagePointsWithLogistics: villages.filter((v) => pointVillages.has(v.code) && deliveryVillages.has(v.code)).length,
    };
  });

  const sum = (pick: (r: TownshipCoverage) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const covered = (pick: (r: TownshipCoverage) => { total: number; covered: number }, target: number | undefined) => {
    const total = sum((r) => pick(r).total);
    return figure(sum((r) => pick(r).covered), total, target ?? null);
  };
  const stations = input.sites.filter((s) => s.kind === 'township_station');
  const villagePointsOperating = sum((r) => r.villagePoints.operating);
  const reachedTownships = rows.filter((r) => r.logisticsReached).length;
  const reachedPoints = sum((r) => r.villagePointsWithLogistics);
  const poorTownships = rows.filter((r) => r.isPoor);

  return {
    county: { code: input.county.code, name: input.county.name },
    scope: input.scope,
    asOf: input.asOf,
    townshipStations: { operating: stations.filter((s) => s.status === 'operating').length, total: stations.length, target: countTarget(targets.townshipStations) },
    villagePoints: { operating: villagePointsOperating, total: sum((r) => r.villagePoints.total), target: countTarget(targets.villagePoints) },
    villages: covered((r) => r.villages, undefined),
    poorVillages: covered((r) => r.poorVillages, targets.poorVillageCoverage),
    otherVillages: covered((r) => r.otherVillages, targets.otherVillageCoverage),
    // The plan's §六(二): a station operating in 100 % of the poor townships.
    poorTownships: figure(poorTownships.filter((r) => r.stationStatus === 'operating').length, poorTownships.length, targets.poorTownshipStationCoverage ?? null),
    logistics: {
      townships: figure(reachedTownships, rows.length, targets.townshipLogisticsCoverage ?? null),
      villagePoints: figure(reachedPoints, villagePointsOperating, targets.villagePointLogisticsCoverage ?? null),
    },
    townships: rows,
  };
}
