/**
 * The job the job crash test kills: N units of work, each its own transaction guarded by the unit's state, so a run
 * cut short and run again does every unit exactly once. A gate row says how many units may be done so far: the test
 * opens it part way, kills the process once that many are done (it then waits at the gate), and opens it fully.
 */
import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../src/kernel/db.js';
import { defineJob } from '../../src/kernel/jobs/index.js';

export const UNITS_JOB = 'crash.units';

interface CrashTables {
  crash_units: { id: string; done: number; times: number };
  crash_effects: { unit_id: string };
  crash_gate: { id: number; allowed: number };
}

export async function createUnits(db: AnyKysely, count: number, allowed: number): Promise<void> {
  await db.schema.createTable('crash_units').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('done', 'integer', (c) => c.notNull()).addColumn('times', 'integer', (c) => c.notNull()).execute();
  await db.schema.createTable('crash_effects').addColumn('unit_id', 'text', (c) => c.notNull()).execute();
  await db.schema.createTable('crash_gate').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('allowed', 'integer', (c) => c.notNull()).execute();
  const units = db as Kysely<CrashTables>;
  await units.insertInto('crash_units').values(Array.from({ length: count }, (_, i) => ({ id: `unit-${String(i).padStart(4, '0')}`, done: 0, times: 0 }))).execute();
  await units.insertInto('crash_gate').values({ id: 1, allowed }).execute();
}

export const openGate = (db: AnyKysely, allowed: number) => (db as Kysely<CrashTables>).updateTable('crash_gate').set({ allowed }).execute();

export async function doneCount(db: AnyKysely): Promise<number> {
  const row = await (db as Kysely<CrashTables>).selectFrom('crash_units').select((eb) => eb.fn.countAll<number>().as('n')).where('done', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Each unit: its effect written and its state moved in one transaction, only if it was not done yet. */
export function unitsJob(db: AnyKysely) {
  const units = db as Kysely<CrashTables>;
  const gateAllows = async () => {
    const gate = await units.selectFrom('crash_gate').select('allowed').executeTakeFirstOrThrow();
    return (await doneCount(db)) < gate.allowed;
  };
  return defineJob({
    name: UNITS_JOB,
    title: '崩溃测试 Crash test units',
    leaseMs: 60_000,
    run: async () => {
      const pending = await units.selectFrom('crash_units').select('id').where('done', '=', 0).orderBy('id').execute();
      let did = 0;
      for (const { id } of pending) {
        while (!(await gateAllows())) await new Promise((resolve) => setTimeout(resolve, 10));
        const work = async (trx: Kysely<CrashTables>) => {
          const moved = await trx.updateTable('crash_units').set((eb) => ({ done: 1, times: eb('times', '+', 1) })).where('id', '=', id).where('done', '=', 0).executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 1) {
            await trx.insertInto('crash_effects').values({ unit_id: id }).execute();
            did++;
          }
        };
        await units.transaction().execute(work);
      }
      return { did };
    },
  });
}
