import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';

export const CROPS = ['apple', 'walnut', 'pepper', 'other'] as const;
export const RECORD_KINDS = ['planting', 'input', 'activity', 'observation', 'lab_test', 'harvest'] as const;
export const INPUT_CATEGORIES = ['pesticide', 'fertiliser'] as const;
export const ACTIVITY_TYPES = ['pruning', 'bagging', 'thinning', 'irrigation', 'weeding', 'pollination', 'other'] as const;
export const RECALL_RESPONSES = ['returned', 'destroyed', 'refund_requested', 'not_consumed', 'consumed'] as const;
export type Crop = (typeof CROPS)[number];
export type RecordKind = (typeof RECORD_KINDS)[number];

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (Asia/Shanghai)' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Name = (max = 60) => Type.String({ minLength: 1, maxLength: max });
const Division = Type.String({ pattern: '^\\d{12}$', description: 'village-level division code (12 digits)' });
const Gtin = Type.String({ pattern: '^\\d{8}$|^\\d{12,14}$', description: 'GTIN-8/12/13/14; check digit verified' });

// ---- producers, bases, plots ----

export const ProducerInput = Type.Object({
  kind: StringEnum(['seller', 'farmer'] as const, { description: 'seller: a marketplace seller; farmer: a registered farmer' }),
  sellerId: Type.Optional(Id),
  name: Type.Optional(Name()),
  divisionCode: Division,
  phone: Type.Optional(Type.String({ pattern: '^1\\d{10}$' })),
  idNumber: Type.Optional(Type.String({ pattern: '^\\d{17}[\\dXx]$', description: 'resident ID of a farmer (kept sealed)' })),
});
export type ProducerInput = Static<typeof ProducerInput>;

export const ProducerView = Type.Object({
  id: Type.String(),
  kind: StringEnum(['seller', 'farmer'] as const),
  sellerId: Nullable(Type.String()),
  name: Type.String(),
  divisionCode: Type.String(),
  place: Type.String({ description: 'township and village name' }),
  phone: Nullable(Type.String({ description: 'masked except for the producer’s managers' })),
  idNumber: Nullable(Type.String({ description: 'masked' })),
  creditCode: Nullable(Type.String()),
  number: Type.String({ description: 'three digits in the trace code' }),
  plots: Type.Integer(),
  createdAt: Type.String(),
});
export type ProducerView = Static<typeof ProducerView>;

export const BaseInput = Type.Object({
  producerId: Id,
  name: Name(),
  divisionCode: Division,
  areaMu: Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000, description: '亩' }),
});
export type BaseInput = Static<typeof BaseInput>;

export const BaseView = Type.Object({ id: Type.String(), producerId: Type.String(), name: Type.String(), divisionCode: Type.String(), place: Type.String(), areaMu: Type.Number(), createdAt: Type.String() });
export type BaseView = Static<typeof BaseView>;

export const PlotInput = Type.Object({
  baseId: Id,
  name: Name(),
  crop: StringEnum(CROPS),
  variety: Type.String({ maxLength: 40 }),
  areaMu: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }),
  plantedYear: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100 })),
});
export type PlotInput = Static<typeof PlotInput>;

export const PlotView = Type.Object({
  id: Type.String(),
  baseId: Type.String(),
  baseName: Type.String(),
  producerId: Type.String(),
  producerName: Type.String(),
  name: Type.String(),
  crop: StringEnum(CROPS),
  variety: Type.String(),
  areaMu: Type.Number(),
  plantedYear: Nullable(Type.Integer()),
  divisionCode: Type.String(),
  place: Type.String(),
  lastRecordOn: Nullable(Type.String()),
  earliestHarvestOn: Nullable(Type.String({ description: 'the first day a harvest keeps every pre-harvest interval' })),
  createdAt: Type.String(),
});
export type PlotView = Static<typeof PlotView>;

// ---- farm records ----

const InputDetails = Type.Object({
  category: StringEnum(INPUT_CATEGORIES),
  productName: Name(),
  registrationNo: Type.Optional(Type.String({ maxLength: 40, description: '农药登记证号 / 肥料登记证号, from the label' })),
  activeIngredient: Type.Optional(Type.String({ maxLength: 80 })),
  dose: Type.String({ minLength: 1, maxLength: 60, description: 'as applied, e.g. 30 ml / 15 L water' }),
  intervalDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'pre-harvest interval from the label (pesticides)' })),
  maxUsesPerSeason: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'from the label (pesticides)' })),
});
const ActivityDetails = Type.Object({ type: StringEnum(ACTIVITY_TYPES), description: Type.Optional(Type.String({ maxLength: 200 })) });
const ObservationDetails = Type.Object({ subject: Name(40), finding: Type.String({ minLength: 1, maxLength: 300 }) });
const LabItem = Type.Object({ name: Name(), result: Type.String({ minLength: 1, maxLength: 40 }), limit: Type.Optional(Type.String({ maxLength: 40 })), pass: Type.Boolean() });
const LabDetails = Type.Object({ laboratory: Name(80), reportNo: Type.Optional(Type.String({ maxLength: 40 })), items: Type.Array(LabItem, { minItems: 1, maxItems: 100 }), reportFileId: Type.Optional(Id) });
const HarvestDetails = Type.Object({ quantity: Type.Number({ exclusiveMinimum: 0, maximum: 10_000_000 }), unit: StringEnum(['kg', 'jin', 't'] as const) });
const PlantingDetails = Type.Object({ variety: Type.String({ maxLength: 40 }), plants: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })) });

export const RecordInput = Type.Object({
  kind: StringEnum(RECORD_KINDS),
  occurredOn: Day,
  note: Type.Optional(Type.String({ maxLength: 500 })),
  corrects: Type.Optional(Type.String({ maxLength: 64, description: 'id of the record this one corrects; the original stays' })),
  planting: Type.Optional(PlantingDetails),
  input: Type.Optional(InputDetails),
  activity: Type.Optional(ActivityDetails),
  observation: Type.Optional(ObservationDetails),
  labTest: Type.Optional(LabDetails),
  harvest: Type.Optional(HarvestDetails),
});
export type RecordInput = Static<typeof RecordInput>;
export type RecordDetails = Pick<RecordInput, 'planting' | 'input' | 'activity' | 'observation' | 'labTest' | 'harvest'>;

const Flag = Type.Object({ code: Type.String(), reason: Type.String() });
const Override = Type.Object({ by: Type.String(), reason: Type.String(), at: Type.String() });

export const RecordView = Type.Object({
  id: Type.String(),
  plotId: Type.String(),
  kind: StringEnum(RECORD_KINDS),
  occurredOn: Type.String(),
  recordedAt: Type.String(),
  recordedBy: Type.String(),
  note: Nullable(Type.String()),
  corrects: Nullable(Type.String()),
  correctedBy: Nullable(Type.String({ description: 'the later record that corrects this one' })),
  planting: Type.Optional(PlantingDetails),
  input: Type.Optional(Type.Object({ ...InputDetails.properties, useNumber: Type.Integer({ description: 'nth use of this product on the plot this season' }) })),
  activity: Type.Optional(ActivityDetails),
  observation: Type.Optional(ObservationDetails),
  labTest: Type.Optional(Type.Object({ ...LabDetails.properties, passed: Type.Boolean() })),
  harvest: Type.Optional(HarvestDetails),
  flags: Type.Array(Flag),
  override: Nullable(Override),
  batchId: Nullable(Type.String()),
});
export type RecordView = Static<typeof RecordView>;

export const IntervalBreach = Type.Object({ recordId: Type.String(), productName: Type.String(), appliedOn: Type.String(), intervalDays: Type.Integer(), earliestOn: Type.String() });
export type IntervalBreach = Static<typeof IntervalBreach>;

export const FINDING_CODES = ['INTERVAL_NOT_KEPT', 'MAX_USES_EXCEEDED', 'LAB_TEST_FAILED'] as const;
export const Finding = Type.Object({
  code: StringEnum(FINDING_CODES),
  recordId: Type.String({ description: 'the record that breaks the rule' }),
  occurredOn: Type.String(),
  text: Type.String(),
});
export type Finding = Static<typeof Finding>;
export const Decision = Type.Object({ outcome: StringEnum(['upheld', 'released'] as const), by: Type.String(), reason: Type.String(), at: Type.String() });
export const DecisionInput = Type.Object({
  outcome: StringEnum(['uphold', 'release'] as const, { description: 'uphold: the refusal stands / the batch stays off sale; release: the harvest is allowed / the batch goes back on sale' }),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});

export const RefusalView = Type.Object({
  id: Type.String(),
  kind: StringEnum(['harvest', 'hold'] as const, { description: 'harvest: a harvest refused at entry; hold: a batch held from sale after a later record put its harvest in breach' }),
  plotId: Type.String(),
  plotName: Type.String(),
  producerName: Type.String(),
  crop: StringEnum(CROPS),
  place: Type.String(),
  occurredOn: Type.String(),
  quantity: Type.Number(),
  unit: Type.String(),
  breaches: Type.Array(IntervalBreach),
  findings: Type.Array(Finding),
  attemptedBy: Type.String({ description: 'who tried the harvest, or who recorded what put it in breach' }),
  attemptedAt: Type.String(),
  decision: Nullable(Decision),
  override: Nullable(Override),
  batchId: Nullable(Type.String({ description: 'harvest: the batch made once released; hold: the harvest batch held' })),
  heldBatches: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), held: Type.Boolean() }), { description: 'hold: the harvest batch and every batch made from it' }),
});
export type RefusalView = Static<typeof RefusalView>;

// ---- batches, packages ----

export const BatchView = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'trace code: township division (9) + producer (3) + YYMMDD + serial (2)' }),
  origin: StringEnum(['harvest', 'split', 'merge'] as const),
  crop: StringEnum(CROPS),
  variety: Type.String(),
  producerId: Type.String(),
  producerName: Type.String(),
  plotId: Nullable(Type.String()),
  plotName: Nullable(Type.String()),
  divisionCode: Type.String(),
  place: Type.String(),
  harvestedOn: Type.String(),
  quantity: Type.Number(),
  quantityLeft: Type.Number({ description: 'not split off into other batches' }),
  unit: Type.String(),
  parents: Type.Array(Type.Object({ id: Type.String(), code: Type.String() })),
  children: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), origin: Type.String() })),
  skuId: Nullable(Type.String()),
  productId: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  gtin: Nullable(Type.String()),
  stockLocation: Nullable(StringEnum(['county_warehouse', 'seller'] as const)),
  stocked: Type.Integer({ description: 'SKU units put into stock from this batch' }),
  sold: Type.Integer({ description: 'units of it in paid orders' }),
  cartons: Type.Integer(),
  units: Type.Integer(),
  status: StringEnum(['active', 'recalled'] as const),
  recallId: Nullable(Type.String()),
  overridden: Type.Boolean({ description: 'harvested under a regulator’s override of the interval rule' }),
  held: Type.Boolean({ description: 'held from sale by a regulator’s review (pending or upheld)' }),
  hold: Nullable(StringEnum(['pending', 'upheld'] as const)),
  url: Type.String({ description: 'what its QR code holds: a GS1 Digital Link with a GTIN, a short platform path otherwise' }),
  createdAt: Type.String(),
});
export type BatchView = Static<typeof BatchView>;

export const SplitInput = Type.Object({ parts: Type.Array(Type.Object({ quantity: Type.Number({ exclusiveMinimum: 0 }) }), { minItems: 1, maxItems: 50 }) });
export const MergeInput = Type.Object({ batchIds: Type.Array(Id, { minItems: 2, maxItems: 50 }) });
export const PackInput = Type.Object({
  cartons: Type.Integer({ minimum: 1, maximum: 1000 }),
  unitsPerCarton: Type.Integer({ minimum: 0, maximum: 200, description: '0: cartons only' }),
});
export const StockInput = Type.Object({
  skuId: Id,
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'SKU units this batch becomes' }),
  location: Type.Optional(StringEnum(['county_warehouse', 'seller'] as const)),
  gtin: Type.Optional({ ...Gtin, description: 'the GTIN on this batch’s labels; default: the product’s own' }),
});
export type StockInput = Static<typeof StockInput>;

export const PackageView = Type.Object({
  id: Type.String(),
  serial: Type.String(),
  level: StringEnum(['carton', 'unit'] as const),
  parentSerial: Nullable(Type.String()),
  url: Type.String(),
  scans: Type.Integer(),
  places: Type.Integer({ description: 'distinct networks it was scanned from' }),
  lastScanAt: Nullable(Type.String()),
  warning: Nullable(Type.String({ description: 'set when the code looks copied' })),
  warningKind: Nullable(StringEnum(['many_places', 'many_scans'] as const)),
});
export type PackageView = Static<typeof PackageView>;

// ---- genealogy ----

export const Genealogy = Type.Object({
  batch: Type.Object({ id: Type.String(), code: Type.String() }),
  backward: Type.Object({
    package: Nullable(Type.Object({ serial: Type.String(), level: Type.String(), carton: Nullable(Type.String()) })),
    batches: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), origin: Type.String(), plotId: Nullable(Type.String()), plotName: Nullable(Type.String()) })),
    inputs: Type.Array(Type.Object({ recordId: Type.String(), plotName: Type.String(), occurredOn: Type.String(), productName: Type.String(), category: Type.String(), intervalDays: Nullable(Type.Integer()), intervalKept: Type.Boolean() })),
  }),
  forward: Type.Object({
    batches: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), origin: Type.String() })),
    stock: Type.Array(Type.Object({ batchCode: Type.String(), skuId: Type.String(), productName: Nullable(Type.String()), stocked: Type.Integer(), sold: Type.Integer() })),
    orders: Type.Array(Type.Object({
      orderId: Type.String(),
      batchCode: Type.String(),
      quantity: Type.Integer(),
      status: Type.String(),
      paidAt: Nullable(Type.String()),
      buyer: Type.String({ description: 'masked name' }),
      buyerPhone: Nullable(Type.String({ description: 'masked' })),
      parcels: Type.Array(Type.Object({ carrier: Nullable(Type.String()), waybillNo: Nullable(Type.String()), status: Type.String() })),
    })),
    orderCount: Type.Integer({ description: 'every order that took units of it; `orders` lists the latest 200' }),
    buyerCount: Type.Integer(),
  }),
});
export type Genealogy = Static<typeof Genealogy>;

// ---- recalls ----

export const RecallInput = Type.Object({ batchIds: Type.Array(Id, { minItems: 1, maxItems: 100 }), reason: Type.String({ minLength: 2, maxLength: 500 }) });
export const RecallNoticeView = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  batchCode: Type.String(),
  buyer: Type.String(),
  buyerPhone: Nullable(Type.String()),
  notifiedAt: Nullable(Type.String()),
  response: Nullable(StringEnum(RECALL_RESPONSES)),
  responseNote: Nullable(Type.String()),
  respondedAt: Nullable(Type.String()),
});
export const RecallView = Type.Object({
  id: Type.String(),
  reason: Type.String(),
  status: StringEnum(['open', 'closed'] as const),
  openedBy: Type.String(),
  openedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  batches: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), productName: Nullable(Type.String()), frozen: Type.Integer() })),
  counts: Type.Object({ orders: Type.Integer(), buyers: Type.Integer(), notified: Type.Integer(), responded: Type.Integer(), frozen: Type.Integer() }),
  notices: Type.Array(RecallNoticeView),
});
export type RecallView = Static<typeof RecallView>;
export const MyRecallNotice = Type.Object({
  id: Type.String(),
  recallId: Type.String(),
  orderId: Type.String(),
  productName: Nullable(Type.String()),
  batchCode: Type.String(),
  reason: Type.String(),
  notifiedAt: Nullable(Type.String()),
  response: Nullable(StringEnum(RECALL_RESPONSES)),
  respondedAt: Nullable(Type.String()),
});
export const RecallResponseInput = Type.Object({ response: StringEnum(RECALL_RESPONSES), note: Type.Optional(Type.String({ maxLength: 300 })) });

export const ComplaintView = Type.Object({ id: Type.String(), batchId: Type.String(), batchCode: Type.String(), serial: Nullable(Type.String()), text: Type.String(), phone: Nullable(Type.String()), createdAt: Type.String() });
