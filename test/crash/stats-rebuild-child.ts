/**
 * One app process rebuilding the statistics, for the rebuild kill test (stats-rebuild-kill.test.ts): opens the
 * database, ticks its job runner once with its clock at START, and so claims the rebuild job; once KILL_AT inputs are
 * applied it stops there (its transaction committed, its lease held) until it is killed.
 *   stats-rebuild-child.ts sqlite <file> <start> <killAt>   |   … postgres <schema> <start> <killAt>
 */
import { openDatabase } from '../../src/kernel/db.js';
import { JobRunner } from '../../src/kernel/jobs/index.js';
import { StatsRebuilds, StatsRepository } from '../../src/modules/stats/index.js';

const [engine, where, start, killAt] = process.argv.slice(2);
const database = engine === 'postgres' ? await openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: where }) : await openDatabase({ sqliteFile: where });
const clock = { now: () => new Date(start!) };
const repo = new StatsRepository(database.db, database.dialect);

class StoppingRebuild extends StatsRebuilds {
  override async step(id: string) {
    const step = await super.step(id);
    const row = await repo.db.selectFrom('stats_rebuilds').select('done').where('id', '=', id).executeTakeFirstOrThrow();
    if (Number(row.done) >= Number(killAt)) await new Promise(() => undefined);
    return step;
  }
}

const rebuilds = new StoppingRebuild(repo, clock, 100);
const runner = new JobRunner({ db: database.db, dialect: database.dialect, clock, jobs: [rebuilds.job()], processId: 'child', log: { error: (obj, msg) => console.error(msg, obj) } });
console.log(JSON.stringify({ ran: await runner.tick() }));
await database.close();
