import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { shanghaiDate } from '../../../src/kernel/clock.js';
import { creditCodeCheck, organisationCodeCheck } from '../../../src/modules/parties/index.js';
import { buildTestApp, signIn, type TestApp } from '../../helpers.js';
import { labReportPdf } from '../../fixtures/lab-report-pdf.js';

export const ROLES = ['county', 'township', 'village', 'merchant', 'courier', 'regulator', 'trainer', 'consumer', 'datacenter'] as const;
export type Who = (typeof ROLES)[number];
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request: the URL with its ids filled in, and a JSON body or raw bytes with their headers. */
export interface Req {
  url: string;
  body?: unknown;
  raw?: { payload: Buffer; contentType: string };
  /** Another session of the same role (e.g. a fresh account whose password may change). */
  cookie?: string;
}

/**
 * A row of the matrix: one OpenAPI operation, the roles that get a 2xx, and the request each caller makes. `req`
 * runs once per caller, so a row whose call changes state (ship an order, close a recall) makes a fresh record for
 * each allowed caller; refused callers run first and must change nothing.
 */
export interface Row {
  op: `${Method} /${string}`;
  allowed: readonly Who[] | 'public';
  req?: (who: Who | null) => Req | Promise<Req>;
}

export const LEHONG = '530621110';
export const LEHONG_VILLAGE = '530621110205';
export const OWN_POINT = 'site_ld3_530621110205'; // 乐红村 service point, run by demo.village
const SHIP_TO = { name: '李明', phone: '13800138000', address: '乐红镇乐红村 3 社', divisionCode: LEHONG_VILLAGE };

const serial = (() => {
  let n = 0;
  return () => ++n;
})();
export const next = serial;

/** GB 11643's check character of an 18-digit resident ID. */
function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

/** A credit code with valid check characters, different on every call. */
export function creditCode(): string {
  const org = `MA6P${String(next() % 10_000).padStart(4, '0')}`;
  const first = `93530621${org}${organisationCodeCheck(org)}`;
  return first + creditCodeCheck(first);
}

/** A resident ID number with a valid check character, different on every call. */
export function residentId(): string {
  const first = `530621198001${String(10 + (next() % 18)).padStart(2, '0')}${String(next() % 1000).padStart(3, '0')}`;
  return first + checkCharacter(first);
}

export function multipart(field: string, fileName: string, type: string, content: Buffer) {
  const boundary = `----countyhub-perm-${next()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export const PDF = labReportPdf();

/** The demo county with one account per role, and the records the rows act on, made through the API. */
export class World {
  as = {} as Record<Who, { cookie: string }>;
  userId = {} as Record<Who, string>;
  png!: Buffer;
  /** demo.merchant's co-op (乐红青花椒), one of its products and SKUs, a batch and a plot of it. */
  seller = '';
  product = '';
  sku = '';
  producer = '';
  base = '';
  plot = '';
  batch = '';
  /** A farmer seller demo.village manages (代卖). */
  farmerSeller = '';
  /** demo.consumer's paid order from the co-op, collected at demo.village's point. */
  order = '';
  household = '';
  campaign = '';
  brand = 'brd_ludian_pepper';
  route = '';
  run = '';
  parcel = '';
  refusal = '';
  recall = '';
  report = '';
  notice = '';
  category = '';
  /** A poor household whose own account is demo.consumer's. */
  ownHousehold = '';
  /** The day the demo data was loaded (its runs are for that day). */
  loadedOn = '';

  constructor(readonly t: TestApp) {}

  static async build(engine: 'sqlite' | 'postgres'): Promise<World> {
    const w = new World(await buildTestApp(engine, { demo: true }));
    await w.setUp();
    return w;
  }

  async call(who: Who | null, method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    return this.t.app.inject({ method, url: url.startsWith('/api') || url.startsWith('/track') ? url : `/api/v1${url}`, headers: who ? this.as[who] : {}, payload: body as object });
  }

  /** A call that must succeed: the value of its JSON answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely here; the rows check statuses
  async ok<T = Record<string, any>>(who: Who, method: Method, url: string, body?: unknown): Promise<T> {
    const res = await this.call(who, method, url, body);
    if (res.statusCode >= 300) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }

  async upload(who: Who, url: string, raw: { payload: Buffer; contentType: string }) {
    return this.t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...this.as[who], 'content-type': raw.contentType }, payload: raw.payload });
  }

  private async setUp() {
    for (const who of ROLES) {
      this.as[who] = await signIn(this.t.app, `demo.${who}`);
      this.userId[who] = (await this.ok(who, 'GET', '/auth/me')).id;
    }
    this.loadedOn = shanghaiDate(new Date());
    this.png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7d2c' } }).png().toBuffer();
    this.seller = (await this.ok('merchant', 'GET', '/parties/sellers')).items[0].id;
    this.farmerSeller = (await this.ok('village', 'GET', '/parties/sellers')).items[0].id;
    const product = (await this.ok('merchant', 'GET', '/catalog/manage/products?limit=1')).items[0];
    this.product = product.id;
    this.sku = product.skus[0].id;
    // Enough stock for every order the rows place.
    await this.ok('merchant', 'PUT', `/catalog/skus/${this.sku}/stock`, { location: 'seller', onHand: 100000 });
    this.order = (await this.ok('consumer', 'GET', '/orders?limit=1')).items[0].id;
    this.household = (await this.ok('county', 'GET', '/parties/households?limit=1')).items[0].id;
    this.ownHousehold = (await this.ok('county', 'POST', '/parties/households', { ...this.newHousehold(), userId: this.userId.consumer })).id;
    this.category = (await this.ok('county', 'GET', '/catalog/categories?limit=1')).items[0].id;
    this.campaign = (await this.newCampaign()).id;
    this.route = (await this.ok('county', 'GET', '/logistics/routes?limit=1')).items[0].id;
    this.parcel = (await this.ok('village', 'GET', '/logistics/parcels?limit=1')).items[0].id;
    const producer = (await this.ok('merchant', 'GET', '/trace/producers')).items.find((p: { name: string }) => p.name.includes('乐红青花椒'));
    this.producer = producer.id;
    this.base = (await this.ok('merchant', 'POST', '/trace/bases', { producerId: this.producer, name: '权限测试基地', divisionCode: LEHONG_VILLAGE, areaMu: 10 })).id;
    this.plot = (await this.newPlot()).id;
    this.batch = await this.newBatch(100000);
    this.refusal = (await this.ok('county', 'GET', '/trace/refusals?limit=1')).items[0].id;
    this.report = (await this.upload('merchant', '/trace/files', multipart('file', 'r.pdf', 'application/pdf', PDF))).json().fileId;
    await this.ok('merchant', 'POST', `/trace/plots/${this.plot}/records`, { kind: 'lab_test', occurredOn: this.daysAgo(3), labTest: { laboratory: '鲁甸县检测站', items: [{ name: '阿维菌素', result: '<0.01 mg/kg', limit: '≤0.02 mg/kg', pass: true }], reportFileId: this.report } });
    const recalled = await this.recalledPurchase();
    this.recall = recalled.recall;
    this.notice = recalled.notice;
    this.run = (await this.newRun()).id;
  }

  /** Dates read when used, so a run over midnight (Asia/Shanghai) still asks for today. */
  get today() {
    return shanghaiDate(new Date());
  }

  get tomorrow() {
    return shanghaiDate(new Date(Date.now() + 86_400_000));
  }

  daysAgo(n: number) {
    return shanghaiDate(new Date(Date.now() - n * 86_400_000));
  }

  // ---- orders ----

  async newOrder(status: 'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'return_requested' = 'pending_payment', payment: 'village_cash' | 'online' = 'village_cash'): Promise<string> {
    const placed = await this.ok<{ orders: { id: string }[] }>('consumer', 'POST', '/orders/checkout', {
      items: [{ skuId: this.sku, quantity: 1 }],
      paymentMethod: payment,
      delivery: 'parcel',
      shipTo: SHIP_TO,
      ...(payment === 'village_cash' && { pickupSiteId: OWN_POINT }),
    });
    const id = placed.orders[0].id;
    const steps = ['paid', 'shipped', 'delivered', 'return_requested'];
    const upTo = steps.indexOf(status);
    if (upTo >= 0) await this.ok('village', 'POST', `/orders/${id}/cash-received`);
    if (upTo >= 1) await this.ok('merchant', 'POST', `/orders/${id}/ship`, { carrier: 'zhongtong', waybillNo: `ZT${Date.now()}${next()}` });
    if (upTo >= 2) await this.ok('courier', 'POST', `/orders/${id}/deliver`);
    if (upTo >= 3) await this.ok('consumer', 'POST', `/orders/${id}/return`, { reason: '包装破损' });
    return id;
  }

  newCampaign() {
    const deadline = new Date(Date.now() + 10 * 86_400_000);
    return this.ok('merchant', 'POST', '/orders/campaigns', { skuId: this.sku, title: `预售${next()}`, priceFen: 1500, targetQty: 100, deadline: deadline.toISOString(), shipDate: shanghaiDate(new Date(deadline.getTime() + 86_400_000)) });
  }

  // ---- parties ----

  /** An application to sell, made by demo.merchant for itself (a farmer, so any applicant may send the same). */
  farmerApplication() {
    return { kind: 'farmer', name: `测试农户${next()}`, idNumber: residentId(), contactName: '张三', contactPhone: '13987001234', divisionCode: LEHONG_VILLAGE, address: '乐红镇乐红村' };
  }

  /** A merchant applies for itself, by credit code (farmers are registered by their village point or the county). */
  coopApplication() {
    return { kind: 'cooperative', name: `测试合作社${next()}`, creditCode: creditCode(), contactName: '张三', contactPhone: '13987001234', divisionCode: LEHONG_VILLAGE, address: '乐红镇乐红村' };
  }

  async newSeller(status: 'pending' | 'approved' | 'rejected' | 'suspended'): Promise<string> {
    const id = (await this.ok('merchant', 'POST', '/parties/sellers', this.coopApplication())).id;
    if (status === 'pending') return id;
    await this.ok('county', 'POST', `/parties/sellers/${id}/review`, status === 'rejected' ? { decision: 'reject', reason: '材料不全' } : { decision: 'approve' });
    if (status === 'suspended') await this.ok('county', 'POST', `/parties/sellers/${id}/suspend`, { reason: '核查' });
    return id;
  }

  newHousehold() {
    return { householdNo: `HH${Date.now()}${next()}`, villageCode: LEHONG_VILLAGE, headName: '王五', headIdNumber: residentId(), members: 3 };
  }

  async newLink(): Promise<string> {
    return (await this.ok('county', 'POST', `/parties/households/${this.household}/links`, { sellerId: this.seller, role: 'grower', shareBp: 1 })).id;
  }

  // ---- catalogue ----

  newProduct(sellerId = this.seller) {
    return { sellerId, categoryId: 'cat_pepper', name: `权限测试花椒${next()}`, originCode: LEHONG_VILLAGE, skus: [{ spec: '100克', unit: '袋', netWeightG: 100, priceFen: 1000, stock: 10 }] };
  }

  async newLicence(): Promise<string> {
    return (await this.ok('county', 'POST', `/catalog/brands/${this.brand}/licences`, { sellerId: this.seller, licenceNo: `LIC-${next()}`, validFrom: '2020-01-01', validTo: '2099-12-31' })).id;
  }

  /** A product of the co-op with room for a photo (a product has at most 9). */
  async photoProduct(): Promise<string> {
    return (await this.ok('merchant', 'POST', '/catalog/products', this.newProduct())).id;
  }

  async newPhoto(): Promise<string> {
    return (await this.productWithPhoto()).photoId;
  }

  async productWithPhoto(): Promise<{ productId: string; photoId: string }> {
    const productId = await this.photoProduct();
    const res = await this.upload('merchant', `/catalog/products/${productId}/photos`, multipart('photo', 'p.png', 'image/png', this.png));
    if (res.statusCode !== 201) throw new Error(`photo: ${res.statusCode} ${res.body}`);
    return { productId, photoId: res.json().id };
  }

  // ---- logistics ----

  /** A parcel for 乐红村 on a fresh manifest; `unmatched` gives it an address no village has. */
  async newParcel(opts: { unmatched?: boolean; arrived?: boolean } = {}): Promise<{ id: string; waybillNo: string }> {
    const waybillNo = `PM${Date.now()}${next()}`;
    await this.ok('county', 'POST', '/logistics/manifests', { carrier: 'zhongtong', parcels: [{ waybillNo, recipientName: '甲', recipientPhone: '13800000000', address: opts.unmatched ? '某某省某某市某某街道' : '鲁甸县乐红镇乐红村' }] });
    const id = (await this.ok('county', 'GET', `/logistics/parcels?waybillNo=${waybillNo}`)).items[0].id;
    if (opts.arrived) {
      for (const type of ['received_county', 'arrived_village']) await this.ok('county', 'POST', '/logistics/scans', { eventId: `perm-${next()}-${Date.now()}`, parcelId: id, type });
    }
    return { id, waybillNo };
  }

  /** The code only the recipient is told (read from the table: the recipient here is no account). */
  async pickupCode(parcelId: string): Promise<string> {
    const row = await this.t.database.db.selectFrom('logistics_parcels' as never).select('pickup_code' as never).where('id' as never, '=', parcelId as never).executeTakeFirstOrThrow();
    return (row as { pickup_code: string }).pickup_code;
  }

  /** Produce 乐红村's point sent up, received at the county warehouse. */
  async produceAtCounty(): Promise<string> {
    const { id } = await this.ok('village', 'POST', '/logistics/shipments', { originSiteId: OWN_POINT, description: '青花椒 10 斤', recipient: { name: '昆明买家', phone: '13800000002', address: '昆明市五华区' } });
    await this.ok('county', 'POST', '/logistics/scans', { eventId: `perm-${next()}-${Date.now()}`, parcelId: id, type: 'received_county' });
    return id;
  }

  async newRoute(): Promise<{ id: string }> {
    return this.ok('county', 'POST', '/logistics/routes', { name: `权限测试线${next()}`, mode: 'rural_bus', stops: ['site_ld5_530621110'], departures: ['07:00'] });
  }

  async newRun(departed = false): Promise<{ id: string }> {
    const route = await this.newRoute();
    const run = await this.ok('county', 'POST', '/logistics/runs', { routeId: route.id, date: this.today });
    if (departed) await this.ok('county', 'POST', `/logistics/runs/${run.id}/depart`, {});
    return run as { id: string };
  }

  // ---- traceability ----

  newPlot() {
    return this.ok('merchant', 'POST', '/trace/plots', { baseId: this.base, name: `权限地块${next()}`, crop: 'pepper', variety: '九叶青', areaMu: 1 });
  }

  /** A harvest on a fresh plot: a batch of demo.merchant's co-op. */
  async newBatch(quantity = 100): Promise<string> {
    const plot = await this.newPlot();
    const made = await this.ok('merchant', 'POST', `/trace/plots/${plot.id}/records`, { kind: 'harvest', occurredOn: this.daysAgo(1), harvest: { quantity, unit: 'kg' } });
    return made.batch.id;
  }

  /** A harvest refused by the interval rule: a pending review for the regulator. */
  async newRefusal(): Promise<string> {
    const plot = await this.newPlot();
    await this.ok('merchant', 'POST', `/trace/plots/${plot.id}/records`, { kind: 'input', occurredOn: this.daysAgo(3), input: { category: 'pesticide', productName: '吡虫啉', dose: '1000 倍液', intervalDays: 14 } });
    const res = await this.call('merchant', 'POST', `/trace/plots/${plot.id}/records`, { kind: 'harvest', occurredOn: this.daysAgo(1), harvest: { quantity: 10, unit: 'kg' } });
    if (res.statusCode !== 422) throw new Error(`refusal: ${res.statusCode} ${res.body}`);
    return res.json().error.details.refusalId;
  }

  async newRecall(): Promise<string> {
    return (await this.ok('regulator', 'POST', '/trace/recalls', { batchIds: [await this.newBatch()], reason: '抽检不合格' })).id;
  }

  /** demo.consumer buys a traced unit, then its batch is recalled: the consumer gets a notice. */
  private async recalledPurchase(): Promise<{ recall: string; notice: string }> {
    const batch = await this.newBatch();
    const product = await this.ok('merchant', 'POST', '/catalog/products', this.newProduct());
    await this.ok('merchant', 'PATCH', `/catalog/products/${product.id}`, { status: 'listed' });
    await this.ok('merchant', 'POST', `/trace/batches/${batch}/stock`, { skuId: product.skus[0].id, quantity: 50 });
    const { orders: [order] } = await this.ok<{ orders: { id: string }[] }>('consumer', 'POST', '/orders/checkout', { items: [{ skuId: product.skus[0].id, quantity: 1 }], paymentMethod: 'village_cash', delivery: 'parcel', shipTo: SHIP_TO, pickupSiteId: OWN_POINT });
    await this.ok('village', 'POST', `/orders/${order.id}/cash-received`);
    await this.ok('merchant', 'POST', `/orders/${order.id}/ship`, { carrier: 'zhongtong', waybillNo: `ZT${Date.now()}${next()}` });
    const recall = (await this.ok('regulator', 'POST', '/trace/recalls', { batchIds: [batch], reason: '抽检不合格' })).id;
    const notice = (await this.ok('consumer', 'GET', '/trace/recall-notices/mine')).items[0].id;
    return { recall, notice };
  }
}
