import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * 收购 Produce intake: grade standards kept as versioned data (seeded with Ludian's four produce), the public receipt
 * page's per-address counters, and purchase receipts made into traceability batches.
 */

type Criterion = { key: string; label: string; unit: string; min?: number; max?: number };
const c = (key: string, label: string, unit: string) => ({
  min: (min: number): Criterion => ({ key, label, unit, min }),
  max: (max: number): Criterion => ({ key, label, unit, max }),
});

const moisture = c('moisture', '含水率', '%');
const impurity = c('impurity', '杂质', '%');
const opening = c('opening', '开口率', '%');
const diameter = c('diameter', '果径', 'mm');
const kernel = c('kernel', '出仁率', '%');
const defect = c('defect', '缺陷果', '%');
const tuber = c('tuberWeight', '单薯重', 'g');
const damage = c('damage', '损伤', '%');

/** Ludian's produce at plausible 2026 farm-gate prices (fen per kg): dried green pepper, walnuts in shell, apples, potatoes. */
const DEFAULTS = [
  {
    produce: 'pepper',
    name: '花椒',
    off: 4000,
    grades: [
      { key: 'special', name: '特级', priceFenPerKg: 9000, criteria: [moisture.max(10), impurity.max(1), opening.min(95)] },
      { key: 'first', name: '一级', priceFenPerKg: 7600, criteria: [moisture.max(11), impurity.max(2), opening.min(90)] },
      { key: 'second', name: '二级', priceFenPerKg: 6200, criteria: [moisture.max(13), impurity.max(3), opening.min(80)] },
    ],
  },
  {
    produce: 'walnut',
    name: '核桃',
    off: 1000,
    grades: [
      { key: 'special', name: '特级', priceFenPerKg: 2400, criteria: [diameter.min(34), moisture.max(8), kernel.min(50)] },
      { key: 'first', name: '一级', priceFenPerKg: 2000, criteria: [diameter.min(30), moisture.max(8), kernel.min(45)] },
      { key: 'second', name: '二级', priceFenPerKg: 1600, criteria: [diameter.min(28), moisture.max(10), kernel.min(40)] },
    ],
  },
  {
    produce: 'apple',
    name: '苹果',
    off: 160,
    grades: [
      { key: 'special', name: '特级', priceFenPerKg: 800, criteria: [diameter.min(85), defect.max(3)] },
      { key: 'first', name: '一级', priceFenPerKg: 600, criteria: [diameter.min(75), defect.max(5)] },
      { key: 'second', name: '二级', priceFenPerKg: 400, criteria: [diameter.min(65), defect.max(10)] },
    ],
  },
  {
    produce: 'potato',
    name: '马铃薯',
    off: null,
    grades: [
      { key: 'special', name: '特级', priceFenPerKg: 200, criteria: [tuber.min(250), damage.max(3)] },
      { key: 'first', name: '一级', priceFenPerKg: 160, criteria: [tuber.min(150), damage.max(5)] },
      { key: 'second', name: '二级', priceFenPerKg: 120, criteria: [tuber.min(75), damage.max(8)] },
    ],
  },
];

/** In force from the start of 2026, so receipts of the whole season (and the demo's month) are graded. */
const SEEDED_FROM = '2026-01-01T00:00:00.000Z';

export const stationsProduce: ModuleMigration = {
  name: '2026-12-08-stations-produce',
  async up(db) {
    await db.schema
      .createTable('stations_grade_standards')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('produce', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('valid_from', 'text', (col) => col.notNull())
      .addColumn('grades', 'text', (col) => col.notNull())
      .addColumn('off_grade_price_fen_per_kg', 'bigint')
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('created_by_name', 'text', (col) => col.notNull())
      .execute();
    // Two county admins saving at once: one gets the version, the other a conflict to send again.
    await db.schema.createIndex('stations_grade_standards_version').on('stations_grade_standards').columns(['produce', 'version']).unique().execute();

    await db.schema
      .createTable('stations_receipt_lookups')
      .addColumn('key', 'text', (col) => col.primaryKey())
      .addColumn('window_start', 'text', (col) => col.notNull())
      .addColumn('misses', 'integer', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('stations_receipt_batches')
      .addColumn('record_id', 'text', (col) => col.primaryKey())
      .addColumn('site_id', 'text', (col) => col.notNull())
      .addColumn('producer_id', 'text', (col) => col.notNull())
      .addColumn('plot_id', 'text', (col) => col.notNull())
      .addColumn('claimed_at', 'text', (col) => col.notNull())
      .addColumn('batch_id', 'text')
      .addColumn('batch_code', 'text')
      .addColumn('made_at', 'text')
      .addColumn('made_by_name', 'text', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('stations_receipt_batches_batch').on('stations_receipt_batches').columns(['batch_id']).execute();

    await db
      .insertInto('stations_grade_standards')
      .values(
        DEFAULTS.map((s) => ({
          id: `gst_${s.produce}_1`,
          produce: s.produce,
          version: 1,
          name: s.name,
          valid_from: SEEDED_FROM,
          grades: JSON.stringify(s.grades),
          off_grade_price_fen_per_kg: s.off,
          note: '县默认标准',
          created_at: SEEDED_FROM,
          created_by_name: '系统',
        })),
      )
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('stations_receipt_batches').execute();
    await db.schema.dropTable('stations_receipt_lookups').execute();
    await db.schema.dropTable('stations_grade_standards').execute();
  },
};
