import type { Modules } from '../app.js';
import type { RequestContext } from '../kernel/context.js';
import { AppError } from '../kernel/errors.js';
import type { RecordInput } from '../modules/trace/index.js';
import { as } from './load-demo-orders.js';

const POINT = 'site_ld3_530621110205';
/** GS1's own documentation GTIN: a real format that belongs to no product on sale. */
const DEMO_GTIN = '09506000134352';

type Rec = Omit<RecordInput, 'occurredOn'> & { on: string };

const spray = (on: string, productName: string, activeIngredient: string, dose: string, intervalDays: number, maxUsesPerSeason: number, registrationNo: string): Rec => ({
  on,
  kind: 'input',
  input: { category: 'pesticide', productName, activeIngredient, dose, intervalDays, maxUsesPerSeason, registrationNo },
});
const feed = (on: string, productName: string, dose: string): Rec => ({ on, kind: 'input', input: { category: 'fertiliser', productName, dose } });
const work = (on: string, type: 'pruning' | 'bagging' | 'thinning' | 'irrigation' | 'weeding' | 'pollination', description: string): Rec => ({ on, kind: 'activity', activity: { type, description } });
const look = (on: string, subject: string, finding: string): Rec => ({ on, kind: 'observation', observation: { subject, finding } });
const test = (on: string, items: [string, string, string][]): Rec => ({
  on,
  kind: 'lab_test',
  labTest: { laboratory: '昭通市农产品质量安全检测中心', reportNo: `ZT-${on.replace(/-/g, '')}-01`, items: items.map(([name, result, limit]) => ({ name, result, limit, pass: true })) },
});

// Registration numbers below are invented (demo data) in the PD format of China's pesticide registry.
const APPLE_SEASON: Rec[] = [
  work('03-08', 'pruning', '冬剪后补剪，清理病枝'),
  feed('03-25', '商品有机肥', '每亩 300 千克'),
  spray('04-12', '1.8%阿维菌素乳油', '阿维菌素', '3000 倍液', 14, 2, 'PD-DEMO-0101'),
  work('05-10', 'thinning', '疏果，留单果'),
  work('05-28', 'bagging', '套纸袋'),
  spray('06-18', '43%戊唑醇悬浮剂', '戊唑醇', '4000 倍液', 35, 3, 'PD-DEMO-0102'),
  look('07-06', '病虫害巡查', '桃小食心虫零星发生，未达防治指标'),
  spray('08-02', '1.8%阿维菌素乳油', '阿维菌素', '3000 倍液', 14, 2, 'PD-DEMO-0101'),
  test('09-12', [['毒死蜱', '未检出', '≤1 mg/kg'], ['阿维菌素', '<0.01 mg/kg', '≤0.02 mg/kg'], ['戊唑醇', '0.05 mg/kg', '≤0.5 mg/kg']]),
];

/**
 * Demo traceability: the apple, pepper and walnut producers in real Ludian townships with their bases and plots,
 * a season of farm records (one spray over the label's limit, whose held harvest the regulator released; one dose corrected), harvest batches — one harvest
 * refused for an interval not kept and waiting for a regulator — a merged and a split batch, one with a GTIN, packed
 * and labelled, put in stock and sold to buyers. Skipped when producers exist.
 */
export async function loadDemoTrace(modules: Modules, ctx: RequestContext, users: Record<string, string>): Promise<{ batches: number }> {
  const { trace } = modules;
  if ((await trace.producers.list(ctx, 1)).items.length > 0) return { batches: 0 };
  const now = modules.logistics.clock.now();
  // The last finished season: this year's once the harvest is in (from November), else last year's.
  const year = now.getUTCMonth() >= 10 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const day = (md: string) => `${year}-${md}`;
  const sellers = new Map((await modules.parties.sellers.list(ctx, {}, 500)).items.map((s) => [s.name, s.id]));
  const seller = (name: string) => sellers.get(name)!;
  const producer = (sellerName: string, divisionCode: string) => trace.producers.create(ctx, { kind: 'seller', sellerId: seller(sellerName), divisionCode });
  const plot = async (producerId: string, base: { name: string; divisionCode: string; areaMu: number }, plots: { name: string; crop: 'apple' | 'walnut' | 'pepper'; variety: string; areaMu: number; plantedYear: number }[]) => {
    const created = await trace.producers.createBase(ctx, { producerId, ...base });
    const made = [];
    for (const p of plots) made.push(await trace.producers.createPlot(ctx, { baseId: created.id, ...p }));
    return made;
  };
  const record = async (plotId: string, rec: Rec) => {
    const { on, ...input } = rec;
    return trace.records.add(ctx, plotId, { ...input, occurredOn: day(on) } as RecordInput);
  };
  const season = async (plotId: string, recs: Rec[]) => {
    for (const r of recs) await record(plotId, r);
  };
  const harvest = async (plotId: string, on: string, quantity: number) => (await record(plotId, { on, kind: 'harvest', harvest: { quantity, unit: 'kg' } })).batch!;

  // 龙头山镇光明村: the apple co-op's orchards.
  const apples = await producer('鲁甸县龙头山苹果产销专业合作社', '530621103202');
  const [fuji, bingtang] = await plot(apples.id, { name: '光明村苹果基地', divisionCode: '530621103202', areaMu: 120 }, [
    { name: '光明一号地', crop: 'apple', variety: '红富士', areaMu: 40, plantedYear: 2014 },
    { name: '光明二号地', crop: 'apple', variety: '冰糖心', areaMu: 30, plantedYear: 2016 },
  ]);
  await season(fuji.id, APPLE_SEASON);
  // A third use of abamectin this season: the label allows two, so the record is flagged and the harvest is held
  // for the regulator, who released it after a residue test (the scan page shows that outcome, not the raw flag).
  await record(fuji.id, spray('08-20', '1.8%阿维菌素乳油', '阿维菌素', '3000 倍液', 14, 2, 'PD-DEMO-0101'));
  const fujiBatch = await harvest(fuji.id, '09-26', 8000);
  const acting = as(users['demo.regulator'], 'demo.regulator', ['regulator'], { kind: 'county', id: '530621' });
  const regulator = { ...acting, principal: { ...acting.principal!, displayName: '县市场监管局' } };
  const fujiReview = (await trace.reviews.list(regulator, true, 50, undefined)).items.find((r) => r.batchId === fujiBatch.id);
  if (fujiReview) await trace.reviews.decide(regulator, fujiReview.id, 'release', '抽检阿维菌素残留 0.004 mg/kg，低于限量 0.02 mg/kg，准予销售');
  await season(bingtang.id, APPLE_SEASON.slice(0, 6));
  const wrongDose = await record(bingtang.id, spray('09-08', '70%吡虫啉水分散粒剂', '吡虫啉', '1000 倍液', 14, 2, 'PD-DEMO-0103'));
  await record(bingtang.id, { ...spray('09-08', '70%吡虫啉水分散粒剂', '吡虫啉', '10000 倍液', 14, 2, 'PD-DEMO-0103'), corrects: wrongDose.record.id, note: '更正：稀释倍数记录有误' });
  // Picked six days too early: refused, and left for the regulator to review.
  await record(bingtang.id, { on: '09-16', kind: 'harvest', harvest: { quantity: 1500, unit: 'kg' }, note: '客商催货，提前采收' }).catch((err: unknown) => {
    if (!(err instanceof AppError) || err.code !== 'HARVEST_INTERVAL_NOT_KEPT') throw err;
  });
  await harvest(bingtang.id, '09-25', 6000);

  // 乐红镇乐红村: the pepper co-op and a member farmer's plot, pooled into one batch.
  const pepper = await producer('鲁甸县乐红青花椒种植专业合作社', '530621110205');
  const [slope] = await plot(pepper.id, { name: '乐红村青花椒基地', divisionCode: '530621110205', areaMu: 300 }, [{ name: '乐红坡地', crop: 'pepper', variety: '九叶青', areaMu: 120, plantedYear: 2015 }]);
  const pepperSeason: Rec[] = [feed('03-20', '复合肥（15-15-15）', '每株 0.5 千克'), work('04-15', 'pruning', '抹芽、疏枝'), spray('05-12', '70%吡虫啉水分散粒剂', '吡虫啉', '10000 倍液', 14, 2, 'PD-DEMO-0103'), look('06-10', '蚜虫巡查', '零星发生'), test('07-08', [['吡虫啉', '<0.05 mg/kg', '≤0.5 mg/kg'], ['铅', '0.08 mg/kg', '≤0.2 mg/kg']])];
  await season(slope.id, pepperSeason);
  const coopPepper = await harvest(slope.id, '07-18', 3000);
  const farmer = await trace.producers.create(ctx, { kind: 'seller', sellerId: seller('马春梅（乐红村青花椒）'), divisionCode: '530621110205' });
  const [family] = await plot(farmer.id, { name: '马家花椒地', divisionCode: '530621110205', areaMu: 6 }, [{ name: '房后坡', crop: 'pepper', variety: '九叶青', areaMu: 6, plantedYear: 2017 }]);
  await season(family.id, pepperSeason.slice(0, 4));
  const familyPepper = await harvest(family.id, '07-20', 480);
  const pooled = await trace.batches.merge(ctx, [coopPepper.id, familyPepper.id], '');

  // 龙树镇龙树村: walnuts; and a registered farmer (not a seller) in 乐红村 with walnut trees.
  const walnuts = await producer('鲁甸县龙树大麻核桃专业合作社', '530621107201');
  const [grove] = await plot(walnuts.id, { name: '龙树村核桃林', divisionCode: '530621107201', areaMu: 500 }, [{ name: '大坡林地', crop: 'walnut', variety: '鲁甸大麻核桃', areaMu: 200, plantedYear: 2008 }]);
  await season(grove.id, [feed('03-30', '腐熟农家肥', '每株 20 千克'), work('06-20', 'weeding', '林下除草'), look('08-10', '果实巡查', '青皮正常，无黑斑')]);
  const walnutBatch = await harvest(grove.id, '09-08', 12000);
  const yang = await trace.producers.create(ctx, { kind: 'farmer', name: '杨永福', divisionCode: '530621110205', phone: '13908701234', idNumber: '53062119850315105X' });
  const [yard] = await plot(yang.id, { name: '杨家核桃地', divisionCode: '530621110205', areaMu: 3 }, [{ name: '院坝边', crop: 'walnut', variety: '鲁甸大麻核桃', areaMu: 3, plantedYear: 2010 }]);
  await record(yard.id, work('05-02', 'weeding', '除草'));
  await harvest(yard.id, '09-12', 300);

  // Into the shop: part of the Fuji apples with a GTIN, packed and labelled; the pooled pepper; the walnuts.
  const [retail] = await trace.batches.split(ctx, fujiBatch.id, [{ quantity: 2000 }], '');
  const sku = async (sellerName: string, productName: string) => {
    const product = (await modules.catalog.catalog.listManaged(ctx, seller(sellerName))).find((p) => p.name === productName)!;
    return product.skus[0].id;
  };
  const appleSku = await sku('鲁甸县龙头山苹果产销专业合作社', '红富士苹果');
  await trace.batches.stock(ctx, retail.id, { skuId: appleSku, quantity: 400, gtin: DEMO_GTIN }, '');
  await trace.batches.pack(ctx, retail.id, 10, 12);
  const pepperSku = await sku('鲁甸县乐红青花椒种植专业合作社', '青花椒 特级');
  await trace.batches.stock(ctx, pooled.id, { skuId: pepperSku, quantity: 300 }, '');
  await trace.batches.pack(ctx, pooled.id, 4, 0);
  await trace.batches.stock(ctx, walnutBatch.id, { skuId: await sku('鲁甸县龙树大麻核桃专业合作社', '大麻核桃 薄壳'), quantity: 500 }, '');

  // Sold: orders by the demo buyer, paid at 乐红村's point; the last two still wait in their sellers' lists to be shipped.
  const buyer = as(users['demo.consumer'], 'demo.consumer', ['consumer'], { kind: 'county', id: '530621' });
  const point = as(users['demo.village'], 'demo.village', ['village_operator'], { kind: 'site', id: POINT });
  const shipTo = [
    { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' },
    { name: '王芳', phone: '13900139000', address: '昆明市五华区人民中路 20 号', divisionCode: '530102' },
  ];
  for (const [i, skuId] of [appleSku, appleSku, pepperSku, appleSku, pepperSku].entries()) {
    const [order] = await modules.orders.service.checkout(buyer, { items: [{ skuId, quantity: 2 + i }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo: shipTo[i % 2] });
    await modules.orders.service.confirmCash(point, order.id);
    if (i < 3) await modules.orders.service.ship(ctx, order.id, 'ems', `EM${String(730000000 + i * 7919).slice(0, 9)}CN`);
  }
  return { batches: (await trace.batches.list(ctx, {}, 500, undefined, '')).items.length };
}
