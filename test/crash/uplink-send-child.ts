/**
 * One app process sending the county's figures upward, for the uplink crash test (uplink-send-kill.test.ts): opens
 * the database and runs `uplink.send` once, until it is killed while the receiver holds one answer back.
 *   uplink-send-child.ts sqlite <file> <data key>   |   uplink-send-child.ts postgres <schema> <data key>
 */
import { openDatabase } from '../../src/kernel/db.js';
import { createSealer } from '../../src/kernel/sealed.js';
import { uplinkParts } from '../../src/modules/uplink/index.js';

const [engine, where, key] = process.argv.slice(2);
const database = engine === 'postgres' ? await openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: where }) : await openDatabase({ sqliteFile: where });
const none = { figures: { indicators: () => [], period: async () => [] }, county: { county: async () => ({ code: '530621', name: '鲁甸县' }) } };
const { push } = uplinkParts({ db: database.db, sealer: createSealer(Buffer.from(key, 'base64')), clock: { now: () => new Date() } }, none);
console.log(JSON.stringify(await push.send()));
await database.close();
