import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled-once.js';
import { openDatabase } from './db.js';

describe('compiledOnce', () => {
  it('runs the query it compiled with each call\'s own parameters, also inside a transaction', async () => {
    const { db, close } = await openDatabase({ sqliteFile: ':memory:' });
    await sql`create table t (id text primary key, kind text not null)`.execute(db);
    await sql`insert into t values ('a', 'x'), ('b', 'y'), ('c', 'x')`.execute(db);
    const byKind = compiledOnce((kind: string, after: string) => db.selectFrom('t').select('id').where('kind', '=', kind).where('id', '>', after).orderBy('id'));
    expect(await byKind(db, 'x', '')).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(await byKind(db, 'x', 'a')).toEqual([{ id: 'c' }]);
    expect(await db.transaction().execute((trx) => byKind(trx, 'y', ''))).toEqual([{ id: 'b' }]);
    await close();
  });

  it('refuses a query with parameters of its own, which a new call could not set', async () => {
    const { db, close } = await openDatabase({ sqliteFile: ':memory:' });
    const limited = compiledOnce((kind: string) => db.selectFrom('t').select('id').where('kind', '=', kind).limit(5));
    await expect(limited(db, 'x')).rejects.toThrow(/parameters must be its arguments/);
    await close();
  });
});
