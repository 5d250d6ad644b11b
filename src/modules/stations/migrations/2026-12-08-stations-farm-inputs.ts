import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * 农资 farm inputs (站点服务 E): the county's catalogue of seeds, fertilisers and pesticides with their registration
 * numbers, their prices over time, and the sales made at stations and points. No items: a county enters its own
 * (the demo loads Ludian's; farm-inputs.defaults.ts has sample items).
 */
export const stationsFarmInputs: ModuleMigration = {
  name: '2026-12-08-stations-farm-inputs',
  async up(db) {
    await db.schema
      .createTable('stations_farm_inputs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('registration_no', 'text')
      .addColumn('registration_label', 'text')
      .addColumn('registration_form', 'text')
      .addColumn('maker', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('price_fen', 'bigint', (c) => c.notNull())
      .addColumn('restricted', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('inactive_since', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by_name', 'text', (c) => c.notNull())
      .execute();
    // One catalogue item per registered product and package (a product comes in 20 g and 100 g bags).
    await db.schema.createIndex('stations_farm_inputs_registration').on('stations_farm_inputs').columns(['registration_no', 'spec']).unique().execute();
    await db.schema.createIndex('stations_farm_inputs_list').on('stations_farm_inputs').columns(['kind', 'name', 'id']).execute();
    await db.schema.createIndex('stations_farm_inputs_name').on('stations_farm_inputs').columns(['name', 'id']).execute();

    await db.schema
      .createTable('stations_farm_input_prices')
      .addColumn('input_id', 'text', (c) => c.notNull())
      .addColumn('from_at', 'text', (c) => c.notNull())
      .addColumn('price_fen', 'bigint', (c) => c.notNull())
      .addColumn('set_by_name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('stations_farm_input_prices_pk', ['input_id', 'from_at'])
      .execute();

    await db.schema
      .createTable('stations_farm_input_sales')
      .addColumn('record_id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('site_name', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('input_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('registration_no', 'text')
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('price_fen', 'bigint', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('producer_id', 'text')
      .addColumn('restricted', 'integer', (c) => c.notNull())
      .addColumn('voided', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stations_farm_input_sales_producer').on('stations_farm_input_sales').columns(['producer_id', 'day', 'record_id']).execute();
    await db.schema.createIndex('stations_farm_input_sales_input').on('stations_farm_input_sales').columns(['input_id', 'day']).execute();
    await db.schema.createIndex('stations_farm_input_sales_site').on('stations_farm_input_sales').columns(['site_id', 'day']).execute();
  },
  async down(db) {
    await db.schema.dropTable('stations_farm_input_sales').execute();
    await db.schema.dropTable('stations_farm_input_prices').execute();
    await db.schema.dropTable('stations_farm_inputs').execute();
  },
};
