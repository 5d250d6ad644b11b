import { LEHONG_VILLAGE, next, OWN_POINT, residentId, type Row, type Who, type World } from './world.js';

/** Who reads consignors and statements: the county office, regulators, and the operators in their sight. */
const READERS: Who[] = ['county', 'township', 'village', 'regulator'];

const clientId = () => `perm-cin-${Date.now().toString(36)}-${next()}`;

/** A fresh 代卖 intake at demo.village's point (花椒 一级, 1 kg): its record id and the consignor's id. */
async function aLot(w: World): Promise<{ recordId: string; customerId: string }> {
  const record = { clientId: clientId(), type: 'consignment.intake', at: new Date().toISOString(), customer: { name: '权限测试代卖户' }, produce: 'pepper', grade: 'first', weightG: 1000, priceFenPerKg: 8000 };
  const { outcomes } = await w.ok('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [record] });
  if (!outcomes[0].recordId) throw new Error(`intake refused: ${outcomes[0].code} ${outcomes[0].message}`);
  return { recordId: outcomes[0].recordId as string, customerId: outcomes[0].record.customer.id as string };
}

const skus = new WeakMap<World, Promise<string>>();
/** A SKU (500 g) of a farmer seller demo.village registered (代卖) and the county approved, made once. */
function aSku(w: World): Promise<string> {
  let made = skus.get(w);
  if (!made) {
    made = (async () => {
      const seller = await w.ok('village', 'POST', '/parties/sellers', { kind: 'farmer', name: `权限测试代卖${next()}`, idNumber: residentId(), contactName: '张三', contactPhone: '13987001234', divisionCode: LEHONG_VILLAGE, address: '乐红镇乐红村' });
      await w.ok('county', 'POST', `/parties/sellers/${seller.id}/review`, { decision: 'approve' });
      const product = await w.ok('village', 'POST', '/catalog/products', { sellerId: seller.id, categoryId: w.category, name: '权限测试代卖花椒', originCode: LEHONG_VILLAGE, skus: [{ spec: '500克', unit: '袋', netWeightG: 500, priceFen: 5000, stock: 0, location: 'seller' }], status: 'listed' });
      return product.skus[0].id as string;
    })();
    skus.set(w, made);
  }
  return made;
}

/**
 * 代卖 consignment: consignors and statements (readers in their sight); a lot listed in the shop by the point's
 * operator, whose account manages the product's seller, or the county (the township's operator reads the point but
 * records only at its station, so 403).
 */
export function stationsConsignmentRows(w: World): Row[] {
  return [
    { op: 'GET /api/v1/stations/consignors', allowed: READERS, req: () => ({ url: `/stations/consignors?siteId=${OWN_POINT}` }) },
    { op: 'GET /api/v1/stations/consignors/{id}/statement', allowed: READERS, req: async () => ({ url: `/stations/consignors/${(await aLot(w)).customerId}/statement` }) },
    {
      op: 'POST /api/v1/stations/consignments/{recordId}/listing',
      allowed: ['county', 'village'],
      req: async () => {
        const [lot, skuId] = await Promise.all([aLot(w), aSku(w)]);
        return { url: `/stations/consignments/${lot.recordId}/listing`, body: { skuId, units: 1 } };
      },
    },
  ];
}
