import { shanghaiDate } from '../../../src/kernel/clock.js';
import { LEHONG, next, OWN_POINT, type Row, type Who, type World } from './world.js';

/** Who reads the stations' records, days, stock and desk: the county office, regulators, and the operators in their sight. */
const READERS: Who[] = ['county', 'township', 'village', 'regulator'];
/** 乐红镇's township station, where demo.township records. */
const LEHONG_STATION = `site_ld2_${LEHONG}`;

const clientId = () => `perm-${Date.now().toString(36)}-${next()}`;
/** A void of a record never sent: refused (200, nothing stored), so the row can run as often as it likes. */
const harmless = () => ({ clientId: clientId(), type: 'record.void', at: new Date().toISOString(), targetClientId: 'never-sent-000', reason: '权限测试' });

const records = new WeakMap<World, Promise<string>>();
/** A record of demo.village's point (yesterday's opening), made once. */
function aRecord(w: World): Promise<string> {
  let made = records.get(w);
  if (!made) {
    const at = new Date(Date.now() - 86_400_000).toISOString();
    made = w.ok('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [{ clientId: clientId(), type: 'day.open', at, openingCashFen: 10_000 }] }).then((r) => r.outcomes[0].recordId as string);
    records.set(w, made);
  }
  return made;
}

/** 站点服务 core: the records batch (village at its point, township at its station), the desk, records, days, stock. */
export function stationsCoreRows(w: World): Row[] {
  const today = shanghaiDate(new Date());
  return [
    { op: 'POST /api/v1/stations/records/batch', allowed: ['village', 'township'], req: (who) => ({ url: '/stations/records/batch', body: { siteId: who === 'township' ? LEHONG_STATION : OWN_POINT, records: [harmless()] } }) },
    { op: 'GET /api/v1/stations/desk', allowed: READERS, req: () => ({ url: `/stations/desk?siteId=${OWN_POINT}` }) },
    { op: 'GET /api/v1/stations/records', allowed: READERS },
    { op: 'GET /api/v1/stations/records/{id}', allowed: READERS, req: async () => ({ url: `/stations/records/${await aRecord(w)}` }) },
    { op: 'GET /api/v1/stations/days', allowed: READERS },
    { op: 'GET /api/v1/stations/days/{siteId}/{day}', allowed: READERS, req: () => ({ url: `/stations/days/${OWN_POINT}/${today}` }) },
    { op: 'GET /api/v1/stations/stock', allowed: READERS, req: () => ({ url: `/stations/stock?siteId=${OWN_POINT}` }) },
  ];
}
