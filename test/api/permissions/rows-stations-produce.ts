import { next, OWN_POINT, type Row, type Who, type World } from './world.js';

/** Who reads the grade standards: the stations' operators (they grade with them), the county office, regulators. */
const READERS: Who[] = ['county', 'township', 'village', 'regulator'];

const clientId = () => `perm-buy-${Date.now().toString(36)}-${next()}`;

/** A fresh 花椒 purchase receipt at demo.village's point (一级, 2 kg, paid by transfer): its record id. */
async function aReceipt(w: World): Promise<string> {
  const record = { clientId: clientId(), type: 'purchase.receipt', at: new Date().toISOString(), customer: { name: '权限测试农户' }, produce: 'pepper', lines: [{ grossG: 2_000, tareG: 0, measurements: { moisture: 10.5, impurity: 1.5, opening: 92 } }], paidBy: 'transfer' };
  const { outcomes } = await w.ok('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [record] });
  if (!outcomes[0].recordId) throw new Error(`receipt refused: ${outcomes[0].code} ${outcomes[0].message}`);
  return outcomes[0].recordId as string;
}

const STANDARD = {
  name: '权限测试品',
  grades: [
    { key: 'first', name: '一级', priceFenPerKg: 1000, criteria: [{ key: 'moisture', label: '含水率', unit: '%', max: 12 }] },
    { key: 'second', name: '二级', priceFenPerKg: 800, criteria: [{ key: 'moisture', label: '含水率', unit: '%', max: 15 }] },
  ],
  offGradePriceFenPerKg: null,
};

/**
 * 收购 produce intake: grade standards (read by the stations' staff, saved by the county), a purchase receipt made a
 * trace batch (the receipt's point operator or the county; the township's operator reads the point but records only
 * at its station, so 403). `/r/<code>` is a public page outside the API document.
 */
export function stationsProduceRows(w: World): Row[] {
  return [
    { op: 'GET /api/v1/stations/grade-standards', allowed: READERS },
    { op: 'PUT /api/v1/stations/grade-standards/{produce}', allowed: ['county'], req: () => ({ url: '/stations/grade-standards/perm_test', body: STANDARD }) },
    {
      op: 'POST /api/v1/stations/records/{id}/trace-batch',
      allowed: ['county', 'village'],
      req: async (who) => {
        const [record, plot] = await Promise.all([aReceipt(w), who === 'county' || who === 'village' ? w.newPlot() : Promise.resolve({ id: 'plot_never' })]);
        return { url: `/stations/records/${record}/trace-batch`, body: { producerId: w.producer, plotId: plot.id } };
      },
    },
  ];
}
