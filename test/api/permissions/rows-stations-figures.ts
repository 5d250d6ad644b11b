import type { Row, Who, World } from './world.js';

/** Who reads the stations' figures: the county office, regulators, and the operators in their own sight. */
const READERS: Who[] = ['county', 'township', 'village', 'regulator'];

/** 站点服务 figures: the daily book summed per site, township, kind or day, and its workbook (each caller in its sight). */
export function stationsFiguresRows(_w: World): Row[] {
  return [
    { op: 'GET /api/v1/stations/figures', allowed: READERS, req: () => ({ url: '/stations/figures?groupBy=township' }) },
    { op: 'GET /api/v1/stations/figures.xlsx', allowed: READERS, req: () => ({ url: '/stations/figures.xlsx' }) },
  ];
}
