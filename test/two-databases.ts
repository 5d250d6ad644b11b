import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../src/kernel/db.js';

export interface TwoDatabases {
  first: Database;
  second: Database;
  dispose(): Promise<void>;
}

/** Two app processes on one database: two handles with their own connections (SQLite: one file in a temp folder). */
export async function openTwoDatabases(engine: DialectName): Promise<TwoDatabases> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-'));
    const file = path.join(dir, 'db.sqlite');
    const first = await openDatabase({ sqliteFile: file });
    const second = await openDatabase({ sqliteFile: file });
    return { first, second, dispose: async () => (await Promise.all([first.close(), second.close()]), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const first = await openDatabase({ url, pgSchema: schema, poolSize: 4 });
  const second = await openDatabase({ url, pgSchema: schema, poolSize: 4 });
  return { first, second, dispose: async () => (await Promise.all([first.close(), second.close()]), await dropPostgresSchema(url, schema)) };
}
