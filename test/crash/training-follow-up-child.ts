/**
 * One app process running training's hourly follow-up, for the kill test (training-follow-up-kill.test.ts): opens the
 * database, ticks its job runner once with its clock at START, and so claims `training.follow-up`; once KILL_AT
 * outcomes are committed it stops there (its lease held) until it is killed.
 *   training-follow-up-child.ts sqlite <file> <killAt>   |   … postgres <schema> <killAt>
 */
import { openDatabase } from '../../src/kernel/db.js';
import { JobRunner } from '../../src/kernel/jobs/index.js';
import { followUpService, START } from './training-follow-up-units.js';

const [engine, where, killAt] = process.argv.slice(2);
const database = engine === 'postgres' ? await openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: where }) : await openDatabase({ sqliteFile: where });
const clock = { now: () => new Date(START) };
let recorded = 0;
const job = followUpService(database.db, database.dialect, clock).job(async () => {
  recorded += 1;
  if (recorded >= Number(killAt)) await new Promise(() => undefined);
});
const runner = new JobRunner({ db: database.db, dialect: database.dialect, clock, jobs: [job], processId: 'child', log: { error: (obj, msg) => console.error(msg, obj) } });
await runner.sync();
console.log(JSON.stringify({ ran: await runner.tick() }));
await database.close();
