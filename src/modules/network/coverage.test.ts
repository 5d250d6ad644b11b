import { describe, expect, it } from 'vitest';
import { computeCoverage, meets, roundShare, type SiteFootprint } from './coverage.js';
import type { DivisionRow } from './network.tables.js';

const division = (code: string, level: DivisionRow['level'], poor = false, poorTownship = false): DivisionRow => ({
  id: code,
  code,
  name: code,
  level,
  kind: level === 'county' ? 'county' : level === 'township' ? 'town' : 'village',
  parent_code: level === 'village' ? code.slice(0, 9) : level === 'township' ? code.slice(0, 6) : null,
  population: null,
  is_poor_village: poor ? 1 : 0,
  is_poor_township: poorTownship ? 1 : 0,
  is_demo: 0,
  valid_from: '2017-01-01',
  valid_to: null,
});
const site = (kind: SiteFootprint['kind'], code: string, status: SiteFootprint['status'] = 'operating'): SiteFootprint => ({
  kind,
  status,
  division_code: code,
  township_code: code.length === 12 ? code.slice(0, 9) : code.length === 9 ? code : null,
});

describe('computeCoverage', () => {
  const county = division('530621', 'county');
  const townships = [division('530621101', 'township'), division('530621102', 'township')];
  const villages = [
    division('530621101201', 'village', true),
    division('530621101202', 'village', true),
    division('530621101203', 'village'),
    division('530621102201', 'village'),
  ];

  it('counts only operating points, and logistics only where the transfer station and delivery point operate', () => {
    const c = computeCoverage({
      county,
      townships,
      villages,
      sites: [
        site('township_station', '530621101'),
        site('township_station', '530621102', 'building'),
        site('township_transfer', '530621101'),
        site('village_point', '530621101201'),
        site('village_delivery', '530621101201'),
        site('village_point', '530621101202', 'planned'),
        site('village_point', '530621102201'),
      ],
      targets: { poorVillageCoverage: 1, otherVillageCoverage: 0.5, townshipLogisticsCoverage: 0.8, townshipStations: 2 },
      asOf: '2026-11-28T00:00:00Z',
      scope: { kind: 'county', code: '530621' },
    });
    expect(c.townshipStations).toEqual({ operating: 1, total: 2, target: 2 });
    expect(c.villagePoints).toEqual({ operating: 2, total: 3, target: null });
    expect(c.poorVillages).toEqual({ total: 2, covered: 1, share: 0.5, target: 1, met: false });
    expect(c.otherVillages).toEqual({ total: 2, covered: 1, share: 0.5, target: 0.5, met: true });
    expect(c.logistics.townships).toEqual({ total: 2, covered: 1, share: 0.5, target: 0.8, met: false });
    expect(c.logistics.villagePoints).toEqual({ total: 2, covered: 1, share: 0.5, target: null, met: null });
    expect(c.townships[1]).toMatchObject({ code: '530621102', stationStatus: 'building', transferStatus: null, logisticsReached: false });
  });

  it('gives a null share, not a division by zero, where there is nothing to count', () => {
    const c = computeCoverage({ county, townships: [division('530621103', 'township')], villages: [], sites: [], targets: {}, asOf: '', scope: { kind: 'county', code: '530621' } });
    expect(c.poorVillages.share).toBeNull();
    expect(c.villages).toEqual({ total: 0, covered: 0, share: null, target: null, met: null });
  });

  it('rounds every share once, half up to 0.1 %, so the township rows and the county row agree with the cards', () => {
    expect(roundShare(37, 38)).toBe(0.974); // 97.368… %: the card showed 97.3 %, the county row 97.4 %
    expect(roundShare(1, 8)).toBe(0.125);
    expect(roundShare(1, 16)).toBe(0.063); // 6.25 % → 6.3 %, half up
    expect(roundShare(1, 3)).toBe(0.333);
    expect(roundShare(2, 3)).toBe(0.667);
    expect(roundShare(0, 5)).toBe(0);
    expect(roundShare(5, 5)).toBe(1);
    expect(roundShare(3, 0)).toBeNull();
    const many = computeCoverage({
      county,
      townships,
      villages: Array.from({ length: 38 }, (_, i) => division(`530621101${String(201 + i)}`, 'village', true)),
      sites: Array.from({ length: 37 }, (_, i) => site('village_point', `530621101${String(201 + i)}`)),
      targets: { poorVillageCoverage: 0.5 },
      asOf: '',
      scope: { kind: 'county', code: '530621' },
    });
    expect(many.poorVillages.share).toBe(0.974);
    expect(many.townships[0].poorVillages.share).toBe(0.974);
  });

  it('decides a target on the counts, not on the rounded share', () => {
    expect(roundShare(4996, 10000)).toBe(0.5);
    expect(meets(4996, 10000, 0.5)).toBe(false);
    expect(meets(7, 10, 0.7)).toBe(true); // 0.7 × 10 = 7.000000000000001
    expect(meets(1, 2, null)).toBeNull();
  });

  it('counts the poor townships with an operating township station', () => {
    const c = computeCoverage({
      county,
      townships: [division('530621101', 'township'), division('530621102', 'township', false, true), division('530621103', 'township', false, true)],
      villages: [],
      sites: [site('township_station', '530621101'), site('township_station', '530621102'), site('township_station', '530621103', 'building')],
      targets: { poorTownshipStationCoverage: 1 },
      asOf: '',
      scope: { kind: 'county', code: '530621' },
    });
    expect(c.poorTownships).toEqual({ total: 2, covered: 1, share: 0.5, target: 1, met: false });
    expect(c.townships.map((t) => t.isPoor)).toEqual([false, true, true]);
  });
});
