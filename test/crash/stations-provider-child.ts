/**
 * One app process running `stations.provider-submit`, for the kill test (stations-provider-kill.test.ts): opens the
 * database, ticks its job runner once with its clock at START, and so claims the job; at the KILL_AT-th submission it
 * stops — `before` the provider is asked, or `after` the provider stored it and before the answer is stored here —
 * prints HELD and waits (its leases held) until it is killed.
 *   stations-provider-child.ts sqlite <file> <data key> <killAt> before|after   |   … postgres <schema> …
 */
import { openDatabase } from '../../src/kernel/db.js';
import { JobRunner } from '../../src/kernel/jobs/index.js';
import { sealerOf, START, submitter } from './stations-provider-units.js';

const [engine, where, key, killAt, point] = process.argv.slice(2);
const database = engine === 'postgres' ? await openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: where }) : await openDatabase({ sqliteFile: where });
const clock = { now: () => new Date(START) };
let asked = 0;
const hold = () => {
  console.log('HELD');
  return new Promise<never>(() => undefined);
};
const job = submitter(database.db, sealerOf(key), clock, (local) => ({
  async submit(request) {
    asked += 1;
    if (asked === Number(killAt) && point === 'before') return hold();
    const answer = await local.submit(request);
    if (asked === Number(killAt) && point === 'after') return hold();
    return answer;
  },
})).job();
const runner = new JobRunner({ db: database.db, dialect: database.dialect, clock, jobs: [job], processId: 'child', log: { error: (obj, msg) => console.error(msg, obj) } });
await runner.sync();
console.log(JSON.stringify({ ran: await runner.tick() }));
await database.close();
