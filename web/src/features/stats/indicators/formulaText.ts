/**
 * The catalogue's formulas and sources name events and fields as the code does (`Σ orders.paid.lines.lineFen`);
 * the console shows them in Chinese (`Σ 订单付款·商品行金额`), with the raw text kept for a tooltip. A term this list
 * does not know is shown as it is.
 */
const EVENTS: Record<string, [string, string]> = {
  'orders.paid': ['订单付款', 'order paid'],
  'orders.refunded': ['订单退款', 'order refunded'],
  'players.shop-month-reported': ['外部网店月报', 'shop month reported'],
  'players.shop-opened': ['外部网店开设', 'shop opened'],
  'players.player-registered': ['市场主体登记', 'player registered'],
  'parties.seller-approved': ['卖家审核通过', 'seller approved'],
  'parties.household-credited': ['贫困户收益入账', 'household credited'],
  'parties.household-credit-reversed': ['贫困户收益冲回', 'household credit reversed'],
  'logistics.parcel-registered': ['包裹登记', 'parcel registered'],
  'logistics.parcel-arrived': ['包裹到村', 'parcel arrived'],
  'logistics.parcel-picked-up': ['包裹取件', 'parcel picked up'],
  'trace.complaint-filed': ['投诉登记', 'complaint filed'],
  'training.person-time-counted': ['培训人次计入', 'person-time counted'],
  'training.person-time-withdrawn': ['培训人次撤回', 'person-time withdrawn'],
  'training.course-completed': ['课程结业', 'course completed'],
  'training.course-completion-revoked': ['课程结业撤销', 'course completion revoked'],
  'training.outcome-recorded': ['培训成效记录', 'outcome recorded'],
};

const WORDS: Record<string, [string, string]> = {
  lines: ['商品行', 'lines'],
  lineFen: ['商品行金额', 'line amount'],
  amountFen: ['金额', 'amount'],
  salesFen: ['销售额', 'sales'],
  produceFen: ['农产品销售额', 'produce sales'],
  orders: ['订单数', 'orders'],
  buyerId: ['买家', 'buyer'],
  sellerId: ['卖家', 'seller'],
  shopId: ['网店', 'shop'],
  householdId: ['贫困户', 'household'],
  kind: ['类型', 'kind'],
  direction: ['方向', 'direction'],
  down: ['下行', 'down'],
  up: ['上行', 'up'],
  onTime: ['按时', 'on time'],
  enterprise: ['企业', 'enterprise'],
  service_firm: ['电商服务企业', 'service firm'],
  count: ['计数', 'count'],
  distinct: ['去重计数', 'distinct'],
  network: ['服务网络', 'network'],
  stations: ['站点服务', 'stations'],
  training: ['电商培训', 'training'],
  traineeId: ['学员', 'trainee'],
  poor: ['贫困人口', 'poor'],
};

const TERM = /[A-Za-z_][A-Za-z0-9_.@-]*[A-Za-z0-9_]/g;

/** One term (`orders.paid.lines.lineFen`, `parcels_arrived`, `orders.paid@1`) in the reader's language. */
function term(raw: string, lang: 'zh' | 'en', indicatorName: (key: string) => string | undefined): string {
  const bare = raw.replace(/@\d+$/, '');
  const named = indicatorName(bare);
  if (named) return named;
  const i = lang === 'zh' ? 0 : 1;
  const event = Object.keys(EVENTS)
    .filter((e) => bare === e || bare.startsWith(`${e}.`))
    .sort((a, b) => b.length - a.length)[0];
  const parts = event ? [EVENTS[event][i], ...bare.slice(event.length + 1).split('.').filter(Boolean)] : bare.split('.');
  const shown = parts.map((p, n) => (event && n === 0 ? p : (WORDS[p]?.[i] ?? p)));
  // A field after an event name: "商品行·商品行金额" reads twice; keep the last of two repeated words.
  if (shown.length === 3 && bare.endsWith('lines.lineFen')) shown.splice(1, 1);
  return shown.join('·');
}

/** A formula or source line with every code term put in words. */
export function formulaText(text: string, lang: 'zh' | 'en', indicatorName: (key: string) => string | undefined): string {
  return text.replace(/\bcount distinct\b/g, 'distinct').replace(TERM, (raw) => term(raw, lang, indicatorName));
}
