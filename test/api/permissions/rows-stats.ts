import type { Row, World } from './world.js';

/**
 * 统计: the county and the regulator read the whole county, a township operator its township (and its villages), a
 * village operator its own village (no breakdowns, no places under it); only the county changes targets and rebuilds.
 */
export function statsRows(_w: World): Row[] {
  const readers = ['county', 'township', 'village', 'regulator'] as const;
  const countyAndTownship = ['county', 'township', 'regulator'] as const;
  return [
    { op: 'GET /api/v1/stats/indicators', allowed: readers },
    { op: 'GET /api/v1/stats/targets', allowed: readers },
    { op: 'PUT /api/v1/stats/targets/{id}', allowed: ['county'], req: () => ({ url: '/stats/targets/tgt_enterprises', body: { value: 3 } }) },
    { op: 'GET /api/v1/stats/figures', allowed: readers, req: () => ({ url: '/stats/figures?grain=month&period=2026-11' }) },
    { op: 'GET /api/v1/stats/series', allowed: readers, req: () => ({ url: '/stats/series?indicator=orders&grain=month&from=2026-01&to=2026-11' }) },
    { op: 'GET /api/v1/stats/breakdown', allowed: countyAndTownship, req: () => ({ url: '/stats/breakdown?indicator=online_retail_fen&grain=year&period=2026&dim=village' }) },
    { op: 'GET /api/v1/stats/places', allowed: countyAndTownship, req: () => ({ url: '/stats/places?grain=month&period=2026-11' }) },
    { op: 'GET /api/v1/stats/screen', allowed: ['county', 'regulator'] },
    { op: 'GET /api/v1/stats/export.xlsx', allowed: readers, req: () => ({ url: '/stats/export.xlsx?grain=month&period=2026-11' }) },
    { op: 'POST /api/v1/stats/rebuilds', allowed: ['county'] },
    { op: 'GET /api/v1/stats/rebuilds/latest', allowed: ['county'] },
  ];
}
