import { next, type Row, type Who, type World } from './world.js';

/** Who reads the stations' reference data: the county office, regulators, and the operators who sell at the tills. */
const READERS: Who[] = ['county', 'township', 'village', 'regulator'];
/** demo.merchant's co-op (乐红村): its keepers, 乐红镇's operator and regulators read its farm records and purchases. */
const PRODUCER_READERS: Who[] = ['county', 'merchant', 'village', 'township', 'regulator'];

const inputs = new WeakMap<World, Promise<string>>();
/** A pesticide of the catalogue, made once by the county office. */
function anInput(w: World): Promise<string> {
  let made = inputs.get(w);
  if (!made) {
    made = w.ok('county', 'POST', '/stations/farm-inputs', pesticide()).then((r) => r.id as string);
    inputs.set(w, made);
  }
  return made;
}
/** A fresh package of 吡虫啉 each time (the same number and package is in the catalogue once). */
const pesticide = () => ({ name: '吡虫啉', kind: 'pesticide', registrationNo: 'PD20081234', maker: '江苏克胜集团股份有限公司', spec: `10%可湿性粉剂 ${next()}克/袋`, unit: '袋', priceFen: 300 });

/** 农资: the catalogue (the county office changes it), and a producer's purchases beside its farm records (trace's readers of it). */
export function stationsFarmInputRows(w: World): Row[] {
  return [
    { op: 'GET /api/v1/stations/farm-inputs', allowed: READERS },
    { op: 'POST /api/v1/stations/farm-inputs', allowed: ['county'], req: () => ({ url: '/stations/farm-inputs', body: pesticide() }) },
    { op: 'PATCH /api/v1/stations/farm-inputs/{id}', allowed: ['county'], req: async () => ({ url: `/stations/farm-inputs/${await anInput(w)}`, body: { priceFen: 300 + next() } }) },
    { op: 'GET /api/v1/trace/producers/{id}/station-purchases', allowed: PRODUCER_READERS, req: () => ({ url: `/trace/producers/${w.producer}/station-purchases` }) },
  ];
}
