import 'dotenv/config';
import { migrationSets, openConfiguredDatabase } from '../app.js';
import { loadConfig } from '../config.js';
import { migrateDownAll, migrateDownOne, migrateUp } from '../kernel/migrator.js';

/** `npm run migrate` (up), `npm run migrate -- --down` (one step back), `npm run migrate -- --down-all`. */
const args = process.argv.slice(2);
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const sets = migrationSets();
try {
  const steps = args.includes('--down-all')
    ? await migrateDownAll(database, sets)
    : args.includes('--down')
      ? await migrateDownOne(database, sets)
      : await migrateUp(database, sets);
  console.log(steps.length ? steps.join('\n') : 'Nothing to do: the database is up to date.');
} finally {
  await database.close();
}
