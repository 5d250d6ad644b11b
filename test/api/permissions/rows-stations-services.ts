import { OWN_POINT, type Row, type Who, type World } from './world.js';

/** Who reads the providers and the proxy buys: the county office, regulators, and the operators in their sight. */
const READERS: Who[] = ['county', 'township', 'village', 'regulator'];

/** 站点服务 B: the county's providers of the convenience services, and the proxy buys (代买) of demo.village's point. */
export function stationsServicesRows(_w: World): Row[] {
  return [
    { op: 'GET /api/v1/stations/providers', allowed: READERS },
    { op: 'GET /api/v1/stations/proxy-buys', allowed: READERS, req: () => ({ url: `/stations/proxy-buys?siteId=${OWN_POINT}` }) },
  ];
}
