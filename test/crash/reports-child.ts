/**
 * One app process for the report kill test (reports-kill.test.ts): builds the whole app on the shared database
 * and data folder with its clock at START, and ticks its job runner once, so it claims and runs report jobs until
 * it is killed.   reports-child.ts sqlite <file> <dataDir> <start>  |  reports-child.ts postgres <schema> <dataDir> <start>
 */
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/kernel/db.js';

const [engine, where, dataDir, start] = process.argv.slice(2);
const database = engine === 'postgres' ? await openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: where }) : await openDatabase({ sqliteFile: where });
const { app, jobs } = await buildApp({ config: { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey: '' }, database, clock: { now: () => new Date(start) } });
console.log(JSON.stringify({ ran: await jobs.tick() }));
await app.close();
