import ExcelJS from 'exceljs';
import { LEHONG, LEHONG_VILLAGE, creditCode, multipart, next, type Row, type World } from './world.js';

interface Fixture {
  player: string;
  shop: string;
}

const fixtures = new WeakMap<World, Promise<Fixture>>();

/** A co-op in 乐红镇 that demo.merchant owns, with a shop: in sight of the county, the township, the merchant and regulators. */
function fixture(w: World): Promise<Fixture> {
  let made = fixtures.get(w);
  if (!made) {
    made = (async () => {
      const player = (await w.ok('county', 'POST', '/players/players', playerBody(w))).id as string;
      const shop = (await newShop(w, player)) as string;
      return { player, shop };
    })();
    fixtures.set(w, made);
  }
  return made;
}

const playerBody = (w: World) => ({ name: `权限测试合作社${next()}`, kind: 'cooperative', creditCode: creditCode(), contactName: '马建国', contactPhone: '13987009999', townshipCode: LEHONG, villageCode: LEHONG_VILLAGE, ownerUserId: w.userId.merchant });
const newShop = async (w: World, player: string) => (await w.ok('county', 'POST', `/players/players/${player}/shops`, { platform: 'taobao', name: `权限测试店${next()}`, openedOn: '2024-01-01' })).id;
const lastMonth = () => {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
};

async function importFile(shop: string) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('月报');
  sheet.addRow(['店铺编号', '月份', '销售额（元）', '订单数', '其中农产品（元）']);
  sheet.addRow([shop, lastMonth(), '1000', 10, '800']);
  return multipart('file', 'reports.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(await book.xlsx.writeBuffer()));
}

/** 市场主体与站外店铺: the county everything, a township its own, a merchant its own players' shops and reports, regulators read. */
export function playersRows(w: World): Row[] {
  const readers = ['county', 'township', 'merchant', 'regulator'] as const;
  const reporters = ['county', 'township', 'merchant'] as const;
  return [
    { op: 'POST /api/v1/players/players', allowed: ['county', 'township'], req: () => ({ url: '/players/players', body: playerBody(w) }) },
    { op: 'GET /api/v1/players/players', allowed: readers },
    { op: 'GET /api/v1/players/players/{id}', allowed: readers, req: async () => ({ url: `/players/players/${(await fixture(w)).player}` }) },
    { op: 'PATCH /api/v1/players/players/{id}', allowed: ['county', 'township'], req: async () => ({ url: `/players/players/${(await fixture(w)).player}`, body: { notes: '权限测试' } }) },
    { op: 'GET /api/v1/players/players/{id}/months', allowed: readers, req: async () => ({ url: `/players/players/${(await fixture(w)).player}/months` }) },
    { op: 'POST /api/v1/players/players/{id}/shops', allowed: reporters, req: async () => ({ url: `/players/players/${(await fixture(w)).player}/shops`, body: { platform: 'jd', name: `权限测试京东店${next()}`, openedOn: '2024-01-01' } }) },
    { op: 'GET /api/v1/players/shops', allowed: readers },
    { op: 'POST /api/v1/players/shops/{id}/close', allowed: reporters, req: async () => ({ url: `/players/shops/${await newShop(w, (await fixture(w)).player)}/close`, body: { closedOn: w.today } }) },
    { op: 'POST /api/v1/players/reports', allowed: reporters, req: async () => ({ url: '/players/reports', body: { shopId: (await fixture(w)).shop, month: lastMonth(), salesFen: 100_000, orders: 10, produceFen: 80_000 } }) },
    { op: 'GET /api/v1/players/reports', allowed: readers },
    {
      op: 'POST /api/v1/players/reports/{id}/review',
      allowed: ['county'],
      // A report of 2025-01 sent now is late: flagged, waiting for review.
      req: async () => {
        const shop = await newShop(w, (await fixture(w)).player);
        const report = await w.ok('county', 'POST', '/players/reports', { shopId: shop, month: '2025-01', salesFen: 100_000, orders: 10, produceFen: 0 });
        return { url: `/players/reports/${report.id}/review`, body: { note: '已核实' } };
      },
    },
    { op: 'GET /api/v1/players/reports/missing', allowed: readers },
    { op: 'GET /api/v1/players/reports/template.xlsx', allowed: reporters },
    { op: 'POST /api/v1/players/reports/import', allowed: reporters, req: async () => ({ url: '/players/reports/import', raw: await importFile((await fixture(w)).shop) }) },
  ];
}
