import { openTwoDatabases, type TwoDatabases } from '../../test/two-databases.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from './clock.js';
import type { Database, DialectName } from './db.js';
import { createRevisionTable, RevisionedCache, RevisionedMap, TableRevision } from './read-cache.js';

// The kernel imports nothing of ours, so these tests open their databases themselves (as test/helpers.ts does).
const engines: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];


describe.each(engines)('the read cache on %s', (engine) => {
  let dbs: TwoDatabases;
  beforeEach(async () => {
    dbs = await openTwoDatabases(engine);
    await createRevisionTable(dbs.first.db, 'things_revision');
    await dbs.first.db.schema.createTable('things').addColumn('name', 'text', (c) => c.primaryKey()).execute();
  });
  afterEach(() => dbs.dispose());

  /** A cache of the names in `things`, counting its loads. */
  const namesCache = (db: Database) => {
    const counted = { loads: 0 };
    const cache = new RevisionedCache(db.db, 'things_revision', async (d) => {
      counted.loads++;
      return (await d.selectFrom('things').select('name').orderBy('name').execute()).map((r) => r.name as string);
    });
    return Object.assign(counted, { cache });
  };
  const addThing = (db: Database, cache: RevisionedCache<string[]>, name: string) =>
    db.db.transaction().execute(async (trx) => {
      await trx.insertInto('things').values({ name }).execute();
      await cache.bump(trx);
    });

  it('loads once while nothing changes, and again after a write in another process commits', async () => {
    const here = namesCache(dbs.first);
    const there = namesCache(dbs.second);
    expect(await here.cache.read()).toEqual([]);
    expect(await here.cache.read()).toEqual([]);
    expect(here.loads).toBe(1);

    await addThing(dbs.second, there.cache, 'apple');
    expect(await here.cache.read()).toEqual(['apple']);
    expect(here.loads).toBe(2);
    expect(await there.cache.read()).toEqual(['apple']);
  });

  it('does not move for a write that rolls back', async () => {
    const here = namesCache(dbs.first);
    expect(await here.cache.read()).toEqual([]);
    await expect(
      dbs.second.db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ name: 'pear' }).execute();
        await here.cache.bump(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await here.cache.revision.read()).toBe(0);
    expect(await here.cache.read()).toEqual([]);
    expect(here.loads).toBe(1);
  });

  it('lets readers at the same revision share one load', async () => {
    const here = namesCache(dbs.first);
    await addThing(dbs.first, here.cache, 'fig');
    const answers = await Promise.all(Array.from({ length: 8 }, () => here.cache.read()));
    expect(answers).toEqual(Array.from({ length: 8 }, () => ['fig']));
    expect(here.loads).toBe(1);
  });

  it('counts every write of two processes', async () => {
    const a = new TableRevision(dbs.first.db, 'things_revision');
    const b = new TableRevision(dbs.second.db, 'things_revision');
    expect(await a.read()).toBe(0);
    const bumps = (db: Database, revision: TableRevision) => Array.from({ length: 5 }, () => db.db.transaction().execute((trx) => revision.bump(trx)));
    // SQLite is one process's database (DESIGN.md): two handles in one thread would wait on each other's lock.
    if (engine === 'postgres') await Promise.all([...bumps(dbs.first, a), ...bumps(dbs.second, b)]);
    else for (const [db, revision] of [[dbs.first, a], [dbs.second, b]] as const) await Promise.all(bumps(db, revision));
    expect(await b.read()).toBe(10);
  });

  describe('by key', () => {
    let now = Date.parse('2026-12-06T10:00:00Z');
    const clock: Clock = { now: () => new Date(now) };

    it('gives a value only at the revision it was read at, until it is too old', async () => {
      const revision = new TableRevision(dbs.first.db, 'things_revision');
      const map = new RevisionedMap<string>(revision, { max: 100, ttlMs: 5_000, clock });
      const r0 = await revision.read();
      map.set('a', r0, 'first');
      expect(map.get('a', r0)).toBe('first');

      now += 4_999;
      expect(map.get('a', r0)).toBe('first');
      now += 1;
      expect(map.get('a', r0)).toBeUndefined();

      map.set('a', r0, 'second');
      await dbs.second.db.transaction().execute((trx) => new TableRevision(dbs.second.db, 'things_revision').bump(trx));
      const r1 = await revision.read();
      expect(r1).toBe(r0 + 1);
      expect(map.get('a', r1)).toBeUndefined();
    });

    it('loads what it does not hold, and keeps nothing for an answer of nothing', async () => {
      const map = new RevisionedMap<string>(new TableRevision(dbs.first.db, 'things_revision'), { max: 100 });
      const loads: string[] = [];
      const load = (key: string, value: string | undefined) => () => (loads.push(key), Promise.resolve(value));
      expect(await map.fetch('a', load('a', 'A'))).toBe('A');
      expect(await map.fetch('a', load('a', 'again'))).toBe('A');
      expect(await map.fetch('b', load('b', undefined))).toBeUndefined();
      expect(await map.fetch('b', load('b', 'B'))).toBe('B');
      expect(loads).toEqual(['a', 'b', 'b']);
    });

    it('starts again when full, and keeps nothing when its time to live is 0', async () => {
      const full = new RevisionedMap<number>(new TableRevision(dbs.first.db, 'things_revision'), { max: 3 });
      for (let i = 0; i < 4; i++) full.set(`k${i}`, 0, i);
      expect([0, 1, 2, 3].map((i) => full.get(`k${i}`, 0))).toEqual([undefined, undefined, undefined, 3]);

      const off = new RevisionedMap<number>(new TableRevision(dbs.first.db, 'things_revision'), { max: 3, ttlMs: 0 });
      off.set('k', 0, 1);
      expect(off.get('k', 0)).toBeUndefined();
    });
  });
});
