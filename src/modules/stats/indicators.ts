/**
 * The statistics catalogue as data: what each indicator counts, when, from which events, by which dimensions, and
 * who answers for it. The figures door, the API (`GET /stats/indicators`), the reports and the upward push all
 * read this one list; nothing about an indicator is written anywhere else.
 */

export const DIMS = ['township', 'village', 'category', 'brand', 'pavilion', 'channel', 'source', 'platform', 'kind', 'product', 'track'] as const;
export type Dim = (typeof DIMS)[number];

export const UNITS = ['fen', 'count', 'person_times', 'percent', 'households'] as const;
export type Unit = (typeof UNITS)[number];

export const INDICATOR_KINDS = ['sum', 'distinct', 'ratio', 'snapshot'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface IndicatorDef {
  key: string;
  name: string;
  nameEn: string;
  unit: Unit;
  definition: string;
  formula: string;
  kind: IndicatorKind;
  /** ratio: value = numerator / denominator × 100 (percent, one decimal). */
  numerator?: string;
  denominator?: string;
  /** snapshot from events: the level at the end of a period is the sum of this flow from the start up to it. */
  cumulativeOf?: string;
  dims: Dim[];
  sources: string[];
  owner: string;
  status: 'live' | 'awaiting_source';
  /** A figure people read (the headline list); false for the parts ratios and levels are made of. */
  headline: boolean;
  /** Only month rows exist (monthly reports): no day figure. */
  monthlyOnly?: boolean;
}

const SALES_DIMS: Dim[] = ['township', 'village', 'category', 'brand', 'pavilion', 'channel', 'source', 'platform', 'product'];
const PLATFORM_DIMS: Dim[] = ['township', 'village', 'category', 'brand', 'pavilion', 'channel', 'product'];
const PARCEL_DIMS: Dim[] = ['township', 'village'];
const PAID = 'orders.paid@1';
const REFUNDED = 'orders.refunded@1';
const REPORTED = 'players.shop-month-reported@1';
const GKJ = '县工业商务和科技信息化局（县电商办）';
const TJJ = '县统计局';
const YZ = '县邮政管理局';
const FPB = '县扶贫开发办公室';
const SCJ = '县市场监督管理局';
const RSJ = '县人力资源和社会保障局';
const COUNTED = 'training.person-time-counted@1';
const WITHDRAWN = 'training.person-time-withdrawn@1';
const TRAINING_DIMS: Dim[] = ['township', 'village', 'track'];
const SERVICE_RECORDED = 'stations.service-recorded@1';
const SERVICE_VOIDED = 'stations.service-voided@1';
const STATION_DIMS: Dim[] = ['township', 'village', 'kind'];

const def = (d: Omit<IndicatorDef, 'status' | 'headline'> & { status?: IndicatorDef['status']; headline?: boolean }): IndicatorDef => ({ status: 'live', headline: true, ...d });

export const INDICATORS: IndicatorDef[] = [
  def({
    key: 'online_retail_fen', name: '网络零售额', nameEn: 'Online retail sales', unit: 'fen', kind: 'sum', dims: SALES_DIMS, owner: TJJ,
    sources: [PAID, REFUNDED, REPORTED],
    definition: '本县市场主体通过网络售出商品的金额：本平台已付款订单的商品金额（按付款时间计入当期，退款冲减原付款期），加上县内市场主体在外部平台网店按月填报的销售额（同一网店同一月份以最新一版为准）。不含运费。',
    formula: 'Σ orders.paid.lines.lineFen − Σ orders.refunded.amountFen + Σ players.shop-month-reported.salesFen（最新版本）',
  }),
  def({
    key: 'produce_online_retail_fen', name: '农产品网络零售额', nameEn: 'Online retail sales of farm produce', unit: 'fen', kind: 'sum', dims: SALES_DIMS, owner: TJJ,
    sources: [PAID, REFUNDED, REPORTED],
    definition: '网络零售额中农产品的部分：本平台商品所属类目为农产品的订单行金额（退款按比例冲减），加上外部网店填报的农产品销售额。',
    formula: 'Σ lineFen（农产品类目）− 退款按比例冲减 + Σ players.shop-month-reported.produceFen（最新版本）',
  }),
  def({
    key: 'platform_sales_fen', name: '本平台销售额', nameEn: 'Sales on this platform', unit: 'fen', kind: 'sum', dims: PLATFORM_DIMS, owner: GKJ,
    sources: [PAID, REFUNDED],
    definition: '本平台（县域电商公共服务平台）已付款订单的商品金额，按付款时间计入当期；退款从原付款期冲减。',
    formula: 'Σ orders.paid.lines.lineFen − Σ orders.refunded.amountFen',
  }),
  def({
    key: 'external_sales_fen', name: '外部平台销售额', nameEn: 'Sales on other platforms', unit: 'fen', kind: 'sum', dims: ['township', 'village', 'platform', 'kind'], owner: GKJ,
    sources: [REPORTED], monthlyOnly: true,
    definition: '县内市场主体在淘宝、天猫、京东、拼多多、抖音、快手、微店、微信小店等外部平台网店的月销售额，由市场主体填报、导入或接口报送；更正后以最新版本替换原数。按月统计，没有日数据。',
    formula: 'Σ players.shop-month-reported.salesFen（每店每月最新版本）',
  }),
  def({
    key: 'orders', name: '网络交易笔数', nameEn: 'Orders', unit: 'count', kind: 'sum', dims: ['township', 'village', 'channel', 'source', 'platform'], owner: TJJ,
    sources: [PAID, REFUNDED, REPORTED],
    definition: '本平台已付款订单数（全额退款的订单从原付款期减去），加上外部网店填报的月订单数（最新版本）。',
    formula: 'count(orders.paid) − count(全额退款) + Σ players.shop-month-reported.orders',
  }),
  def({
    key: 'buyers', name: '买家数', nameEn: 'Buyers', unit: 'count', kind: 'distinct', dims: ['township', 'village'], owner: GKJ,
    sources: [PAID],
    definition: '当期在本平台付款的不同买家账号数（按卖家所在乡镇、村统计）；到村点现金代购无账号的不计。外部平台无买家明细，不计。',
    formula: 'count distinct orders.paid.buyerId',
  }),
  def({
    key: 'sellers', name: '网商（卖家）数', nameEn: 'Sellers', unit: 'count', kind: 'snapshot', cumulativeOf: 'sellers_approved', dims: ['township', 'village', 'kind'], owner: GKJ,
    sources: ['parties.seller-approved@1'],
    definition: '期末在本平台审核通过、可以销售的市场主体数（累计审核通过数）。',
    formula: 'Σ count(parties.seller-approved) 截至期末',
  }),
  def({
    key: 'sellers_approved', name: '新审核通过卖家数', nameEn: 'Sellers approved', unit: 'count', kind: 'sum', dims: ['township', 'village', 'kind'], owner: GKJ, headline: false,
    sources: ['parties.seller-approved@1'],
    definition: '当期审核通过的卖家数。',
    formula: 'count(parties.seller-approved)',
  }),
  def({
    key: 'active_shops', name: '活跃网店数', nameEn: 'Active shops', unit: 'count', kind: 'distinct', dims: ['township', 'source', 'platform'], owner: GKJ,
    sources: [PAID, REPORTED],
    definition: '当期有销售的网店数：本平台当期有已付款订单的卖家，加上外部平台当月填报销售额大于零的网店（季度、年度内不重复计数）。',
    formula: 'count distinct orders.paid.sellerId ∪ count distinct players.shop-month-reported.shopId（salesFen > 0）',
  }),
  def({
    key: 'external_shops', name: '外部平台网店数', nameEn: 'Shops on other platforms', unit: 'count', kind: 'snapshot', cumulativeOf: 'external_shops_opened', dims: ['township', 'platform'], owner: GKJ,
    sources: ['players.shop-opened@1'],
    definition: '期末已登记的县内市场主体在外部平台开设的网店数（按开店日期累计）。',
    formula: 'Σ count(players.shop-opened) 截至期末',
  }),
  def({
    key: 'external_shops_opened', name: '新开外部网店数', nameEn: 'Shops opened on other platforms', unit: 'count', kind: 'sum', dims: ['township', 'platform'], owner: GKJ, headline: false,
    sources: ['players.shop-opened@1'],
    definition: '当期开设（按开店日期）的外部平台网店数。',
    formula: 'count(players.shop-opened)',
  }),
  def({
    key: 'ecommerce_enterprises', name: '电子商务企业数', nameEn: 'E-commerce enterprises', unit: 'count', kind: 'snapshot', cumulativeOf: 'ecommerce_enterprises_registered', dims: ['township', 'kind'], owner: GKJ,
    sources: ['players.player-registered@1'],
    definition: '期末已登记的电子商务企业和电商服务企业数（市场主体类型为企业或电商服务企业）。',
    formula: 'Σ count(players.player-registered, kind ∈ {enterprise, service_firm}) 截至期末',
  }),
  def({
    key: 'ecommerce_enterprises_registered', name: '新登记电商企业数', nameEn: 'E-commerce enterprises registered', unit: 'count', kind: 'sum', dims: ['township', 'kind'], owner: GKJ, headline: false,
    sources: ['players.player-registered@1'],
    definition: '当期登记的电子商务企业和电商服务企业数。',
    formula: 'count(players.player-registered, kind ∈ {enterprise, service_firm})',
  }),
  def({
    key: 'parcels_down', name: '下行包裹数', nameEn: 'Parcels down', unit: 'count', kind: 'sum', dims: PARCEL_DIMS, owner: YZ,
    sources: ['logistics.parcel-registered@1'],
    definition: '发往村级服务点的包裹数（工业品下乡），以包裹首次登记（到件清单或首次扫描）时间计入。',
    formula: 'count(logistics.parcel-registered, direction = down)',
  }),
  def({
    key: 'parcels_up', name: '上行包裹数', nameEn: 'Parcels up', unit: 'count', kind: 'sum', dims: PARCEL_DIMS, owner: YZ,
    sources: ['logistics.parcel-registered@1'],
    definition: '从村级服务点寄出的包裹数（农产品进城），以在村点开单时间计入。',
    formula: 'count(logistics.parcel-registered, direction = up)',
  }),
  def({
    key: 'parcels_arrived', name: '到村包裹数', nameEn: 'Parcels reaching their village point', unit: 'count', kind: 'sum', dims: PARCEL_DIMS, owner: YZ,
    sources: ['logistics.parcel-arrived@1'],
    definition: '下行包裹首次到达村级服务点的件数，以到达时间计入。',
    formula: 'count(logistics.parcel-arrived)',
  }),
  def({
    key: 'parcels_on_time', name: '48小时内到村包裹数', nameEn: 'Parcels on time (48 h)', unit: 'count', kind: 'sum', dims: PARCEL_DIMS, owner: YZ, headline: false,
    sources: ['logistics.parcel-arrived@1'],
    definition: '到村包裹中自登记起48小时内到达的件数；时长未知的不算准时。',
    formula: 'count(logistics.parcel-arrived, onTime)',
  }),
  def({
    key: 'on_time_share', name: '48小时到村率', nameEn: 'On-time share (48 h)', unit: 'percent', kind: 'ratio', numerator: 'parcels_on_time', denominator: 'parcels_arrived', dims: PARCEL_DIMS, owner: YZ,
    sources: ['logistics.parcel-arrived@1'],
    definition: '当期到村包裹中48小时内到达的比例。',
    formula: 'parcels_on_time ÷ parcels_arrived × 100%',
  }),
  def({
    key: 'platform_produce_fen', name: '本平台农产品销售额', nameEn: 'Farm produce sold on this platform', unit: 'fen', kind: 'sum', dims: ['township', 'village', 'category', 'brand', 'pavilion', 'product'], owner: GKJ, headline: false,
    sources: [PAID, REFUNDED],
    definition: '本平台已付款订单中农产品类目商品的金额（退款按比例冲减）。',
    formula: 'Σ lineFen（农产品类目）− 退款',
  }),
  def({
    key: 'traced_produce_fen', name: '可追溯农产品销售额', nameEn: 'Traced farm produce sold', unit: 'fen', kind: 'sum', dims: ['township', 'village', 'category', 'brand', 'product'], owner: SCJ, headline: false,
    sources: [PAID, REFUNDED],
    definition: '本平台售出的农产品中，付款时商品已有追溯批次（带追溯码）的金额。',
    formula: 'Σ lineFen（农产品且有追溯批次）− 退款',
  }),
  def({
    key: 'traced_produce_share', name: '农产品带追溯码销售占比', nameEn: 'Share of produce sold with a trace code', unit: 'percent', kind: 'ratio', numerator: 'traced_produce_fen', denominator: 'platform_produce_fen', dims: ['township', 'village', 'category', 'brand'], owner: SCJ,
    sources: [PAID, REFUNDED],
    definition: '本平台网上售出的农产品金额中带追溯码的比例（外部平台无追溯信息，不计入分母）。',
    formula: 'traced_produce_fen ÷ platform_produce_fen × 100%',
  }),
  def({
    key: 'poor_households_benefiting', name: '受益贫困户数', nameEn: 'Poor households benefiting', unit: 'households', kind: 'distinct', dims: ['township', 'village'], owner: FPB,
    sources: ['parties.household-credited@1'],
    definition: '当期因网络销售获得带贫收益入账的建档立卡贫困户户数（季度、年度内不重复计数）。',
    formula: 'count distinct parties.household-credited.householdId',
  }),
  def({
    key: 'poor_household_income_fen', name: '贫困户增收金额', nameEn: 'Poor households’ income from online sales', unit: 'fen', kind: 'sum', dims: ['township', 'village'], owner: FPB,
    sources: ['parties.household-credited@1', 'parties.household-credit-reversed@1'],
    definition: '贫困户带贫收益入账金额，按入账（付款）时间计入；退款冲回的从原入账期减去。',
    formula: 'Σ parties.household-credited.amountFen − Σ parties.household-credit-reversed.amountFen',
  }),
  def({
    key: 'complaints', name: '投诉件数', nameEn: 'Complaints', unit: 'count', kind: 'sum', dims: ['township'], owner: SCJ,
    sources: ['trace.complaint-filed@1'],
    definition: '消费者就本县产品或卖家提出的投诉件数，以提出时间计入。',
    formula: 'count(trace.complaint-filed)',
  }),
  def({
    key: 'station_coverage', name: '贫困乡镇服务站覆盖率', nameEn: 'Poor townships with an operating station', unit: 'percent', kind: 'ratio', numerator: 'poor_townships_with_station', denominator: 'poor_townships', dims: [], owner: GKJ,
    sources: ['network（每日快照）'],
    definition: '贫困乡镇中有运营中的乡镇电子商务服务站的比例（每日快照，期末值）。',
    formula: '运营服务站的贫困乡镇数 ÷ 贫困乡镇数 × 100%',
  }),
  def({
    key: 'point_coverage', name: '行政村服务点覆盖率', nameEn: 'Villages with an operating point', unit: 'percent', kind: 'ratio', numerator: 'villages_with_point', denominator: 'villages', dims: ['township'], owner: GKJ,
    sources: ['network（每日快照）'],
    definition: '行政村（社区）中有运营中的村级服务点的比例（每日快照，期末值）。',
    formula: '有运营服务点的行政村数 ÷ 行政村数 × 100%',
  }),
  def({
    key: 'poor_village_coverage', name: '贫困村服务点覆盖率', nameEn: 'Poor villages with an operating point', unit: 'percent', kind: 'ratio', numerator: 'poor_villages_with_point', denominator: 'poor_villages', dims: ['township'], owner: FPB,
    sources: ['network（每日快照）'],
    definition: '建档立卡贫困村中有运营中的村级服务点的比例（每日快照，期末值）。',
    formula: '有运营服务点的贫困村数 ÷ 贫困村数 × 100%',
  }),
  def({
    key: 'logistics_coverage', name: '物流快递乡镇覆盖率', nameEn: 'Townships reached by logistics', unit: 'percent', kind: 'ratio', numerator: 'townships_reached', denominator: 'townships', dims: [], owner: YZ,
    sources: ['network（每日快照）'],
    definition: '乡镇中物流中转站运营的比例（每日快照，期末值）。',
    formula: '物流中转站运营的乡镇数 ÷ 乡镇数 × 100%',
  }),
  ...(
    [
      ['poor_townships_with_station', '有服务站的贫困乡镇数', 'Poor townships with a station', []],
      ['poor_townships', '贫困乡镇数', 'Poor townships', []],
      ['villages_with_point', '有服务点的行政村数', 'Villages with a point', ['township']],
      ['villages', '行政村数', 'Villages', ['township']],
      ['poor_villages_with_point', '有服务点的贫困村数', 'Poor villages with a point', ['township']],
      ['poor_villages', '贫困村数', 'Poor villages', ['township']],
      ['townships_reached', '物流覆盖乡镇数', 'Townships reached by logistics', []],
      ['townships', '乡镇数', 'Townships', []],
    ] as const
  ).map(([key, name, nameEn, dims]) =>
    def({ key, name, nameEn, unit: 'count', kind: 'snapshot', dims: [...dims], owner: GKJ, headline: false, sources: ['network（每日快照）'], definition: `${name}（每日快照，期末值）。`, formula: `network 当日 ${name}` }),
  ),
  def({
    key: 'station_services', name: '站点服务人次', nameEn: 'Station services', unit: 'person_times', kind: 'sum', dims: STATION_DIMS, owner: GKJ,
    sources: [SERVICE_RECORDED, SERVICE_VOIDED],
    definition: '乡镇服务站和村级服务点为群众办理的服务笔数：代买、代卖收货、收购、缴费、票务、助农取款、贷款推荐、农资销售，每记录一笔计1人次（代买在交货给村民时计1人次，登记需求、下单、到货不另计，取消的不计）；按记录所属的营业日（北京时间）计入当期，当日作废的从原计入期减去。按站点所在乡镇、村和服务类型统计（乡镇服务站无村）。',
    formula: 'count(stations.service-recorded) − count(stations.service-voided)',
  }),
  def({
    key: 'station_service_amount', name: '站点服务金额', nameEn: 'Amount of station services', unit: 'fen', kind: 'sum', dims: STATION_DIMS, owner: GKJ,
    sources: [SERVICE_RECORDED, SERVICE_VOIDED],
    definition: '站点服务人次所涉及的金额（不含手续费）：代买交货时所购商品的下单金额（未登记下单的计0）、代卖收货按报价计算的货值、收购付给农户的货款、代缴的费用、票款、取款金额、推荐贷款的金额、农资销售额，以记录服务时登记的金额为准；按营业日计入当期，当日作废的从原计入期减去。',
    formula: 'Σ stations.service-recorded.amountFen − Σ stations.service-voided 的原记录金额',
  }),
  def({
    key: 'station_poor_served', name: '服务贫困户人次', nameEn: 'Station services to poor households', unit: 'person_times', kind: 'sum', dims: STATION_DIMS, owner: FPB,
    sources: [SERVICE_RECORDED, SERVICE_VOIDED],
    definition: '站点服务人次中服务对象为建档立卡贫困户（站点标注，或其身份证号属于登记的贫困户）的人次，口径同站点服务人次。',
    formula: 'count(stations.service-recorded, poor) − count(stations.service-voided, poor)',
  }),
  def({
    key: 'training_person_times', name: '电商培训人次', nameEn: 'Training person-times', unit: 'person_times', kind: 'sum', dims: TRAINING_DIMS, owner: RSJ,
    sources: [COUNTED, WITHDRAWN],
    definition: '当期电子商务培训参训人次：一名学员到场参加一期培训班计1人次（无论扫码、点名几次），或在线学完一门线上课程计1人次（同一课程只计一次）；按签到（或线上结业）时间计入当期（北京时间）。培训老师撤回的误签从原计入期减去。按学员所在乡镇、村统计（学员未填的取培训班举办地），并按培训类别（干部和企业负责人、电商创业、站点人员）分列。',
    formula: 'count(training.person-time-counted) − count(training.person-time-withdrawn)',
  }),
  def({
    key: 'training_poor_person_times', name: '贫困人口培训人次', nameEn: 'Training person-times of the poor', unit: 'person_times', kind: 'sum', dims: TRAINING_DIMS, owner: FPB,
    sources: [COUNTED, WITHDRAWN],
    definition: '电商培训参训人次中建档立卡贫困人口的人次（计入时学员标为贫困人口），口径同电商培训人次。',
    formula: 'count(training.person-time-counted, poor) − 撤回',
  }),
  def({
    key: 'training_person_times_total', name: '累计电商培训人次', nameEn: 'Training person-times since the programme began', unit: 'person_times', kind: 'snapshot', cumulativeOf: 'training_person_times', dims: TRAINING_DIMS, owner: RSJ,
    sources: [COUNTED, WITHDRAWN],
    definition: '自项目实施以来截至期末的电商培训人次累计数（撤回的不计）。实施方案的培训目标（2018年8月底前1750人次、10月底前完成50%即1750人次、2019年底前3500人次以上）都是累计数，所以目标挂在本指标上，而不是当期的“电商培训人次”：任一期的完成情况＝截至该期末的累计人次÷期末当日或之后最先到期的目标；期末已晚于最后一个目标的到期日时，对照最后一个目标（3500人次），绩效自评注明到期日。数据大屏显示截至今天的累计数和本月人次。',
    formula: 'Σ training_person_times 截至期末',
  }),
  def({
    key: 'training_poor_person_times_total', name: '累计贫困人口培训人次', nameEn: 'Training person-times of the poor since the programme began', unit: 'person_times', kind: 'snapshot', cumulativeOf: 'training_poor_person_times', dims: TRAINING_DIMS, owner: FPB,
    sources: [COUNTED, WITHDRAWN],
    definition: '自项目实施以来截至期末的建档立卡贫困人口培训人次累计数（撤回的不计）；“2018年10月底前完成50%（175人次）、建档立卡贫困人口培训350人次以上”按本累计数对照，口径同累计电商培训人次。',
    formula: 'Σ training_poor_person_times 截至期末',
  }),
  def({
    key: 'training_trainees', name: '参训人数', nameEn: 'Trainees', unit: 'count', kind: 'distinct', dims: TRAINING_DIMS, owner: RSJ,
    sources: [COUNTED, WITHDRAWN],
    definition: '当期至少计入1个培训人次的不同学员数（同一身份证号为同一人；月、季、年内不重复计数）。一人次被撤回后，若该学员当期再无其他人次，则不再计入。',
    formula: 'count distinct training.person-time-counted.traineeId（扣除已撤回）',
  }),
  def({
    key: 'training_completions', name: '课程结业人次', nameEn: 'Courses completed', unit: 'person_times', kind: 'sum', dims: ['township', 'track'], owner: RSJ,
    sources: ['training.course-completed@1', 'training.course-completion-revoked@1'],
    definition: '当期学员完成课程的次数：参加了该课程的一期培训班（现场），或学完该线上课程的全部资料（线上）；同一学员同一课程只计一次，按结业时间计入。结业所依据的唯一人次被撤回时结业被撤销，本指标从原结业时期冲减该次结业；该学员之后再次签到或学完而恢复结业时，按恢复后的结业时间重新计入。',
    formula: 'count(training.course-completed) − count(training.course-completion-revoked)',
  }),
  def({
    key: 'training_outcomes', name: '培训后创业就业成效数', nameEn: 'Outcomes of training: selling, shops, points, employment', unit: 'count', kind: 'sum', dims: ['township', 'kind'], owner: RSJ,
    sources: ['training.outcome-recorded@1'],
    definition: '当期新记录的培训成效：参训学员成为本平台卖家、在外部平台开设网店、经营服务站点或受雇于电商企业；同一学员同一事项（同一卖家、网店、站点或企业）只记一次，一人可有多项成效，按记录时间计入，按成效类别分列。',
    formula: 'count(training.outcome-recorded)',
  }),
];

/** Indicators written by the daily snapshot from the network, not by inputs: a rebuild keeps them. */
export const SNAPSHOT_INDICATORS = INDICATORS.filter((i) => i.kind === 'snapshot' && !i.cumulativeOf && i.status === 'live').map((i) => i.key);

export const INDICATOR_BY_KEY = new Map(INDICATORS.map((i) => [i.key, i]));

export function indicatorOf(key: string): IndicatorDef | undefined {
  return INDICATOR_BY_KEY.get(key);
}

/** Chinese labels of values that are codes, shown wherever a person reads them. */
export const CHANNEL_LABELS: Record<string, string> = { online: '线上支付', village_cash: '村点代购', cod: '货到付款', external: '外部平台填报' };
export const SOURCE_LABELS: Record<string, string> = { platform: '本平台', external: '外部平台' };
export const PLATFORM_LABELS: Record<string, string> = {
  countyhub: '本平台',
  taobao: '淘宝',
  tmall: '天猫',
  jd: '京东',
  pdd: '拼多多',
  douyin: '抖音',
  kuaishou: '快手',
  weidian: '微店',
  wechat: '微信小店',
  other: '其他',
};
export const PAVILION_LABELS: Record<string, string> = { specialty: '特色馆', poverty: '扶贫馆', none: '未入馆' };
export const KIND_LABELS: Record<string, string> = {
  enterprise: '企业',
  cooperative: '合作社',
  service_firm: '电商服务企业',
  trader: '传统商贸户',
  individual: '个人',
  individual_business: '个体工商户',
  farmer: '农户',
  // training outcomes
  seller: '成为本平台卖家',
  shop: '在外部平台开网店',
  point_operator: '经营服务站点',
  employed: '受雇于电商企业',
  // station services (the stations module's SERVICE_KIND_LABELS)
  proxy_buy: '代买',
  consignment: '代卖',
  purchase: '收购',
  bill: '缴费',
  ticket: '票务',
  cash_withdrawal: '助农取款',
  loan_referral: '贷款推荐',
  farm_input: '农资',
};
export const TRACK_LABELS: Record<string, string> = { officials: '干部和企业负责人', sellers: '电商创业', station_staff: '站点人员' };
