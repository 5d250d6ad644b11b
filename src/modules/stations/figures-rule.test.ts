import { describe, expect, it } from 'vitest';
import { daysBetween, groupFigures, type FigureCells } from './figures-rule.js';

const KINDS = ['proxy_buy', 'bill', 'farm_input'] as const;
const T1 = '530621110';
const T2 = '530621101';

/** Two points of one township and a station of another, over two days. */
const cells: FigureCells = {
  services: [
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-01', service: 'bill', count: 2, amountFen: 12000, feeFen: 200 },
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-01', service: 'proxy_buy', count: 1, amountFen: 5000, feeFen: 0 },
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-02', service: 'bill', count: 1, amountFen: 3000, feeFen: 100 },
    { siteId: 'site_b', townshipCode: T1, day: '2026-12-02', service: 'farm_input', count: 3, amountFen: 9000, feeFen: 0 },
    { siteId: 'site_c', townshipCode: T2, day: '2026-12-02', service: 'bill', count: 1, amountFen: 800, feeFen: 50 },
  ],
  people: [
    // site_a on 1 December: a poor villager paid a bill and had something bought, another paid a bill (3 services, 2 people).
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-01', service: null, people: 2, poor: 1 },
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-01', service: 'bill', people: 2, poor: 1 },
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-01', service: 'proxy_buy', people: 1, poor: 1 },
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-02', service: null, people: 1, poor: 0 },
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-02', service: 'bill', people: 1, poor: 0 },
    { siteId: 'site_b', townshipCode: T1, day: '2026-12-02', service: null, people: 3, poor: 2 },
    { siteId: 'site_b', townshipCode: T1, day: '2026-12-02', service: 'farm_input', people: 3, poor: 2 },
    { siteId: 'site_c', townshipCode: T2, day: '2026-12-02', service: null, people: 1, poor: 0 },
    { siteId: 'site_c', townshipCode: T2, day: '2026-12-02', service: 'bill', people: 1, poor: 0 },
  ],
  parcels: [
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-01', parcelsIn: 4, parcelsOut: 1 },
    { siteId: 'site_b', townshipCode: T1, day: '2026-12-02', parcelsIn: 2, parcelsOut: 0 },
  ],
  days: [
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-01', closed: true, withDifference: true },
    { siteId: 'site_a', townshipCode: T1, day: '2026-12-02', closed: false, withDifference: false },
    { siteId: 'site_b', townshipCode: T1, day: '2026-12-02', closed: true, withDifference: false },
  ],
};

const names: Record<string, string> = { site_a: '乐红村服务点', site_b: '新乐村服务点', site_c: '文屏镇服务站', [T1]: '乐红镇', [T2]: '文屏镇' };
const nameOf = (k: string) => names[k] ?? k;

const TOTAL = {
  key: 'total',
  name: '合计',
  services: { proxy_buy: { count: 1, amountFen: 5000 }, bill: { count: 4, amountFen: 15800 }, farm_input: { count: 3, amountFen: 9000 } },
  servicesTotal: 8,
  amountFen: 29800,
  feeFen: 350,
  parcelsIn: 6,
  parcelsOut: 1,
  peopleServed: 7,
  poorServed: 3,
  daysClosed: 2,
  daysWithDifference: 1,
};

describe('the daily book’s figures', () => {
  it('groups by site, listing a site in sight that did nothing, with a total summed from the cells', () => {
    const { rows, total } = groupFigures(cells, 'site', KINDS, [{ key: 'site_a', name: '乐红村服务点' }, { key: 'site_idle', name: '龙泉村服务点' }], nameOf);
    expect(total).toEqual(TOTAL);
    expect(rows.map((r) => [r.name, r.servicesTotal, r.amountFen, r.feeFen, r.parcelsIn, r.parcelsOut, r.peopleServed, r.poorServed, r.daysClosed, r.daysWithDifference])).toEqual([
      ['乐红村服务点', 4, 20000, 300, 4, 1, 3, 1, 1, 1],
      ['龙泉村服务点', 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['新乐村服务点', 3, 9000, 0, 2, 0, 3, 2, 1, 0],
      ['文屏镇服务站', 1, 800, 50, 0, 0, 1, 0, 0, 0],
    ]);
    expect(rows[0]!.services).toEqual({ proxy_buy: { count: 1, amountFen: 5000 }, bill: { count: 3, amountFen: 15000 }, farm_input: { count: 0, amountFen: 0 } });
  });

  it('groups by township and by day, each row adding up to the total', () => {
    for (const group of ['township', 'day'] as const) {
      const { rows, total } = groupFigures(cells, group, KINDS, [], nameOf);
      expect(total).toEqual(TOTAL);
      for (const field of ['servicesTotal', 'amountFen', 'feeFen', 'parcelsIn', 'parcelsOut', 'peopleServed', 'poorServed', 'daysClosed', 'daysWithDifference'] as const) {
        expect(rows.reduce((n, r) => n + r[field], 0), `${group} ${field}`).toBe(total[field]);
      }
    }
    const { rows } = groupFigures(cells, 'township', KINDS, [], nameOf);
    expect(rows.map((r) => [r.name, r.servicesTotal, r.peopleServed])).toEqual([
      ['乐红镇', 7, 6],
      ['文屏镇', 1, 1],
    ]);
  });

  it('groups by service: a person served two kinds the same day is one in each kind and one in the total; parcels and days only in the total', () => {
    const { rows, total } = groupFigures(
      cells,
      'service',
      KINDS,
      KINDS.map((k) => ({ key: k, name: k })),
      nameOf,
    );
    expect(total).toEqual(TOTAL);
    expect(rows.map((r) => [r.key, r.servicesTotal, r.amountFen, r.feeFen, r.peopleServed, r.poorServed, r.parcelsIn, r.daysClosed])).toEqual([
      ['proxy_buy', 1, 5000, 0, 1, 1, 0, 0],
      ['bill', 4, 15800, 350, 4, 1, 0, 0],
      ['farm_input', 3, 9000, 0, 3, 2, 0, 0],
    ]);
    expect(rows.reduce((n, r) => n + r.peopleServed, 0)).toBe(8); // > 7: the villager of 1 December counted under two kinds
  });

  it('lists every day of a span, month ends and leap days included', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-12-31', '2026-12-31')).toEqual(['2026-12-31']);
  });
});
