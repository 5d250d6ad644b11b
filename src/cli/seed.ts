import 'dotenv/config';
import { createModules, migrationSets, openConfiguredDatabase } from '../app.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../kernel/clock.js';
import { systemContext } from '../kernel/context.js';
import { migrateUp } from '../kernel/migrator.js';
import { loadDemoData } from '../flows/load-demo-data.js';

/** `npm run seed -- --demo`: (re)load the Ludian demo data. Safe to run again: unchanged records stay untouched. */
if (!process.argv.includes('--demo')) {
  console.error('Usage: npm run seed -- --demo   (loads the Ludian demo data)');
  process.exit(2);
}
const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  const modules = createModules(database, systemClock, config);
  await migrateUp(database, migrationSets());
  const counts = await loadDemoData(modules, systemContext(config.countyCode), { modulesAt: (clock) => createModules(database, clock, config) });
  console.log(`Demo data loaded: ${counts.divisions} divisions, ${counts.sites} sites, ${counts.accounts} demo accounts, ${counts.sellers} sellers, ${counts.households} poor households, ${counts.products} products, ${counts.orders} new orders.`);
} finally {
  await database.close();
}
