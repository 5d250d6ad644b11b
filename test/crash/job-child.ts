/**
 * One app process's job runner, for the job crash test (job-kill.test.ts): opens the database (a SQLite file, or a
 * PostgreSQL schema), ticks once with its clock at START, and so claims and runs the units job until it is killed.
 *   job-child.ts sqlite <file> <start>   |   job-child.ts postgres <schema> <start>   (TEST_DATABASE_URL for the server)
 */
import { openDatabase } from '../../src/kernel/db.js';
import { JobRunner } from '../../src/kernel/jobs/index.js';
import { unitsJob } from './job-units.js';

const [engine, where, start] = process.argv.slice(2);
const database = engine === 'postgres' ? await openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: where }) : await openDatabase({ sqliteFile: where });
const runner = new JobRunner({ db: database.db, dialect: database.dialect, clock: { now: () => new Date(start) }, jobs: [unitsJob(database.db)], processId: 'child', log: { error: (obj, msg) => console.error(msg, obj) } });
console.log(JSON.stringify({ ran: await runner.tick() }));
await database.close();
