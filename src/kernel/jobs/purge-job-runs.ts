import type { Kysely } from 'kysely';
import type { AnyKysely } from '../db.js';
import { defineJob, type JobDef } from './job-def.js';
import type { JobTables } from './jobs.tables.js';

const KEEP_MS = 30 * 86_400_000;

/** Daily: run records older than 30 days, and one-off jobs finished that long ago, are removed. */
export function jobRunsPurge(db: AnyKysely): JobDef {
  const jobs = db as Kysely<JobTables>;
  return defineJob({
    name: 'kernel.purge-job-runs',
    title: '清理 30 天前的任务记录 Purge job records older than 30 days',
    every: 86_400_000,
    run: async ({ now }) => {
      const before = new Date(now.getTime() - KEEP_MS).toISOString();
      const runs = await jobs.deleteFrom('kernel_job_runs').where('started_at', '<', before).where('outcome', '!=', 'running').executeTakeFirst();
      const finished = await jobs.deleteFrom('kernel_jobs').where('state', 'in', ['done', 'failed']).where('updated_at', '<', before).executeTakeFirst();
      return { runsRemoved: Number(runs.numDeletedRows), jobsRemoved: Number(finished.numDeletedRows) };
    },
  });
}
