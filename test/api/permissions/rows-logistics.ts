import { OWN_POINT, ROLES, multipart, next, type Row, type Who, type World } from './world.js';

const WAREHOUSE: Who[] = ['county', 'courier'];
const RUN_READERS: Who[] = ['county', 'courier', 'township', 'regulator'];
const HANDLERS: Who[] = ['county', 'courier', 'township', 'village'];
const RECIPIENT = { name: '昆明买家', phone: '13800000002', address: '昆明市五华区' };

/** Parcels, scans, routes and runs, the 48-hour promise, tracking. */
export function logisticsRows(w: World): Row[] {
  const manifest = () => ({ carrier: 'zhongtong', parcels: [{ waybillNo: `PM${Date.now()}${next()}`, recipientName: '甲', recipientPhone: '13800000000', address: '鲁甸县乐红镇乐红村' }] });
  const route = () => ({ name: `测试线${next()}`, mode: 'rural_bus', stops: ['site_ld5_530621110'], departures: ['07:00'] });
  return [
    { op: 'GET /api/v1/logistics/carriers', allowed: 'public', req: () => ({ url: '/logistics/carriers' }) },
    { op: 'GET /api/v1/logistics/track', allowed: 'public', req: () => ({ url: '/logistics/track?waybillNo=NOSUCH0001&phoneLast4=0000' }) },
    { op: 'GET /api/v1/logistics/track/kuaidi100', allowed: 'public', req: () => ({ url: '/logistics/track/kuaidi100?waybillNo=NOSUCH0001&phoneLast4=0000' }) },
    { op: 'POST /api/v1/logistics/manifests', allowed: WAREHOUSE, req: () => ({ url: '/logistics/manifests', body: manifest() }) },
    { op: 'GET /api/v1/logistics/manifests', allowed: WAREHOUSE },
    {
      op: 'POST /api/v1/logistics/manifests/upload',
      allowed: WAREHOUSE,
      req: () => ({ url: '/logistics/manifests/upload?carrier=zhongtong', raw: multipart('file', 'm.csv', 'text/csv', Buffer.from(`运单号,收件人,电话,地址\nPU${Date.now()}${next()},乙,13800000001,鲁甸县乐红镇乐红村\n`)) }),
    },
    // Everyone signed in lists parcels: each sees only what is theirs to see.
    { op: 'GET /api/v1/logistics/parcels', allowed: ROLES },
    { op: 'GET /api/v1/logistics/parcels/waiting', allowed: HANDLERS },
    // A parcel for 乐红村: the county, couriers and regulators see all; its township and its point see it.
    { op: 'GET /api/v1/logistics/parcels/{id}', allowed: [...HANDLERS, 'regulator'], req: () => ({ url: `/logistics/parcels/${w.parcel}` }) },
    // An address no village matched: settled at the warehouse (a township settles only what it can see).
    { op: 'POST /api/v1/logistics/parcels/{id}/assign', allowed: WAREHOUSE, req: async () => ({ url: `/logistics/parcels/${(await w.newParcel({ unmatched: true })).id}/assign`, body: { villageCode: '530621110205' } }) },
    { op: 'POST /api/v1/logistics/parcels/{id}/notify', allowed: HANDLERS, req: async () => ({ url: `/logistics/parcels/${(await w.newParcel({ arrived: true })).id}/notify`, body: {} }) },
    {
      op: 'POST /api/v1/logistics/parcels/{id}/pickup',
      allowed: HANDLERS,
      req: async () => {
        const parcel = await w.newParcel({ arrived: true });
        const code = await w.pickupCode(parcel.id);
        return { url: `/logistics/parcels/${parcel.id}/pickup`, body: { code } };
      },
    },
    { op: 'POST /api/v1/logistics/parcels/{id}/hand-to-carrier', allowed: WAREHOUSE, req: async () => ({ url: `/logistics/parcels/${await w.produceAtCounty()}/hand-to-carrier`, body: { carrier: 'yunda', waybillNo: `YD${Date.now()}${next()}` } }) },
    // Produce goes up from a village point: its operator, its township's station, the warehouse.
    { op: 'POST /api/v1/logistics/shipments', allowed: HANDLERS, req: () => ({ url: '/logistics/shipments', body: { originSiteId: OWN_POINT, description: '青花椒 20 斤', recipient: RECIPIENT } }) },
    { op: 'POST /api/v1/logistics/scans', allowed: HANDLERS, req: () => ({ url: '/logistics/scans', body: { eventId: `perm-${Date.now()}-${next()}`, parcelId: w.parcel, type: 'problem', note: '核对' } }) },
    { op: 'POST /api/v1/logistics/scans/batch', allowed: HANDLERS, req: () => ({ url: '/logistics/scans/batch', body: { scans: [{ eventId: `perm-${Date.now()}-${next()}`, parcelId: w.parcel, type: 'problem', note: '核对' }] } }) },
    { op: 'GET /api/v1/logistics/routes', allowed: RUN_READERS },
    { op: 'POST /api/v1/logistics/routes', allowed: WAREHOUSE, req: () => ({ url: '/logistics/routes', body: route() }) },
    { op: 'PUT /api/v1/logistics/routes/{id}', allowed: WAREHOUSE, req: async () => ({ url: `/logistics/routes/${(await w.newRoute()).id}`, body: route() }) },
    { op: 'GET /api/v1/logistics/runs', allowed: RUN_READERS, req: () => ({ url: `/logistics/runs?date=${w.today}` }) },
    { op: 'POST /api/v1/logistics/runs', allowed: WAREHOUSE, req: async () => ({ url: '/logistics/runs', body: { routeId: (await w.newRoute()).id, date: w.today } }) },
    { op: 'GET /api/v1/logistics/runs/{id}', allowed: RUN_READERS, req: () => ({ url: `/logistics/runs/${w.run}` }) },
    { op: 'POST /api/v1/logistics/runs/{id}/depart', allowed: WAREHOUSE, req: async () => ({ url: `/logistics/runs/${(await w.newRun()).id}/depart`, body: {} }) },
    // The courier, or the operator of the stop (乐红镇's station) signs for it.
    {
      op: 'POST /api/v1/logistics/runs/{id}/stops/{siteId}/handover',
      allowed: [...WAREHOUSE, 'township'],
      req: async () => ({ url: `/logistics/runs/${(await w.newRun(true)).id}/stops/site_ld5_530621110/handover`, body: { signedBy: '乐红镇站长' } }),
    },
    { op: 'POST /api/v1/logistics/runs/{id}/complete', allowed: WAREHOUSE, req: async () => ({ url: `/logistics/runs/${(await w.newRun(true)).id}/complete`, body: {} }) },
    { op: 'GET /api/v1/logistics/promise', allowed: RUN_READERS },
    { op: 'GET /api/v1/logistics/overdue', allowed: RUN_READERS },
    { op: 'GET /api/v1/logistics/alerts', allowed: RUN_READERS },
    // JSON pushes come from a signed-in courier (the signed Kuaidi100 form needs no account).
    {
      op: 'POST /api/v1/logistics/kuaidi100/push',
      allowed: WAREHOUSE,
      req: () => ({ url: '/logistics/kuaidi100/push', body: { lastResult: { nu: `KD${Date.now()}${next()}`, com: 'zhongtong', data: [{ time: '2026-12-01 10:00:00', context: '快件已揽收' }] } } }),
    },
  ];
}
