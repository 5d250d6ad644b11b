import type { ModuleMigration } from '../../../kernel/migrator.js';

export const statsInit: ModuleMigration = {
  name: '2026-12-07-stats',
  async up(db) {
    await db.schema
      .createTable('stats_inputs')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('aggregate_id', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('stats_rollups')
      .addColumn('indicator', 'text', (c) => c.notNull())
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('dim', 'text', (c) => c.notNull())
      .addColumn('dim_value', 'text', (c) => c.notNull())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_rollups_pk', ['indicator', 'grain', 'period', 'dim', 'dim_value'])
      .execute();
    await db.schema
      .createTable('stats_members')
      .addColumn('indicator', 'text', (c) => c.notNull())
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('dim', 'text', (c) => c.notNull())
      .addColumn('dim_value', 'text', (c) => c.notNull())
      .addColumn('member', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_members_pk', ['indicator', 'grain', 'period', 'dim', 'dim_value', 'member'])
      .execute();
    await db.schema
      .createTable('stats_facts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('stats_labels')
      .addColumn('dim', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_labels_pk', ['dim', 'value'])
      .execute();
    await db.schema
      .createTable('stats_targets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('growth_pct', 'double precision')
      .addColumn('due', 'text')
      .addColumn('sort', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stats_targets_indicator').on('stats_targets').columns(['indicator', 'sort']).execute();
    await db.schema
      .createTable('stats_rebuilds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('cursor', 'bigint', (c) => c.notNull())
      .addColumn('done', 'bigint', (c) => c.notNull())
      .addColumn('total', 'bigint', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('error', 'text')
      .execute();
    await db.schema
      .createTable('stats_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('rebuild_id', 'text')
      .execute();
    await db.insertInto('stats_state').values({ id: 1, rebuild_id: null }).execute();
    const at = new Date().toISOString();
    await db
      .insertInto('stats_targets')
      .values(PLAN_TARGETS.map((t, sort) => ({ ...t, sort, updated_at: at, updated_by: 'system' })))
      .execute();
  },
  async down(db) {
    for (const table of ['stats_state', 'stats_rebuilds', 'stats_targets', 'stats_labels', 'stats_facts', 'stats_members', 'stats_rollups', 'stats_inputs']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/**
 * The plan's targets (`shared/seed/ludian-plan.zh.txt` §三 工作目标 and §六 实施步骤), seeded once at first start; a county
 * admin edits them afterwards (PUT /stats/targets/{id}).
 */
export const PLAN_TARGETS: { id: string; indicator: string; label: string; value: number | null; growth_pct: number | null; due: string | null }[] = [
  { id: 'tgt_online_retail_growth', indicator: 'online_retail_fen', label: '农村网络零售额同比增长20%', value: null, growth_pct: 20, due: null },
  { id: 'tgt_trade_growth', indicator: 'orders', label: '全县电子商务交易年均增速30%以上', value: null, growth_pct: 30, due: null },
  { id: 'tgt_enterprises', indicator: 'ecommerce_enterprises', label: '培育有较强影响力的电子商务企业2—3户', value: 2, growth_pct: null, due: '2018-12-31' },
  { id: 'tgt_training_stage1', indicator: 'training_person_times', label: '2018年8月底前电商培训不低于1750人次', value: 1750, growth_pct: null, due: '2018-08-31' },
  { id: 'tgt_training_half', indicator: 'training_person_times', label: '2018年10月底前完成培训任务的50%', value: 1750, growth_pct: null, due: '2018-10-31' },
  { id: 'tgt_training_all', indicator: 'training_person_times', label: '2019年底前电商培训3500人次以上', value: 3500, growth_pct: null, due: '2019-12-31' },
  { id: 'tgt_training_poor_half', indicator: 'training_poor_person_times', label: '2018年10月底前完成贫困人口培训的50%', value: 175, growth_pct: null, due: '2018-10-31' },
  { id: 'tgt_training_poor_all', indicator: 'training_poor_person_times', label: '建档立卡贫困人口培训350人次以上', value: 350, growth_pct: null, due: '2019-12-31' },
  { id: 'tgt_station_coverage', indicator: 'station_coverage', label: '贫困乡镇服务站覆盖率达100%', value: 100, growth_pct: null, due: '2018-08-31' },
  { id: 'tgt_poor_village_coverage', indicator: 'poor_village_coverage', label: '贫困行政村服务点覆盖率达50%以上', value: 50, growth_pct: null, due: '2018-08-31' },
  { id: 'tgt_point_coverage', indicator: 'point_coverage', label: '其他行政村服务点覆盖率达50%以上', value: 50, growth_pct: null, due: '2018-08-31' },
  { id: 'tgt_logistics_coverage', indicator: 'logistics_coverage', label: '物流快递乡镇覆盖率达80%以上', value: 80, growth_pct: null, due: '2018-08-31' },
];
