import { next, type Row, type World } from './world.js';

/** 数据上报: the county runs its endpoints and reads the demo inbox; data centres and the county pull figures. */
export function uplinkRows(w: World): Row[] {
  const endpoint = (n: number) => ({ name: `测试上报端点${n}`, level: 'city', url: `https://city.example/in/${n}`, algorithm: 'hmac-sha256', grains: ['month'], active: false });
  return [
    { op: 'GET /api/v1/uplink/endpoints', allowed: ['county'] },
    { op: 'POST /api/v1/uplink/endpoints', allowed: ['county'], req: () => ({ url: '/uplink/endpoints', body: endpoint(next()) }) },
    {
      op: 'PATCH /api/v1/uplink/endpoints/{id}',
      allowed: ['county'],
      req: async () => ({ url: `/uplink/endpoints/${(await w.ok('county', 'POST', '/uplink/endpoints', endpoint(next()))).id}`, body: { grains: ['month', 'quarter'] } }),
    },
    { op: 'GET /api/v1/uplink/deliveries', allowed: ['county'] },
    { op: 'POST /api/v1/uplink/push', allowed: ['county'] },
    // The receiving endpoint is public; an unsigned message is refused in its own words (never 401 for want of a session).
    {
      op: 'POST /api/v1/uplink/inbox',
      allowed: 'public',
      req: () => ({ url: '/uplink/inbox', body: { county: { code: '530621', name: '鲁甸县' }, grain: 'month', period: '2026-11', indicator: 'orders', name: '订单数', unit: 'count', value: 1, version: 1, correctionOf: null, generatedAt: '2026-12-01T00:00:00.000Z' } }),
    },
    { op: 'GET /api/v1/uplink/inbox', allowed: ['county'] },
    { op: 'POST /api/v1/uplink/inbox/senders', allowed: ['county'], req: () => ({ url: '/uplink/inbox/senders', body: { countyCode: '530699', countyName: '测试县', algorithm: 'hmac-sha256', secret: 'a-test-secret-of-the-city' } }) },
    { op: 'GET /api/v1/uplink/indicators', allowed: ['county', 'datacenter'] },
    { op: 'GET /api/v1/uplink/figures', allowed: ['county', 'datacenter'], req: () => ({ url: '/uplink/figures?grain=month&period=2026-11' }) },
  ];
}
