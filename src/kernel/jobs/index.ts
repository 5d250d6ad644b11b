/** Jobs claimed from the database: what modules and app.ts use. */
export { defineJob, type JobDef, type JobInput, type JobOptions } from './job-def.js';
export { JobRunner, type JobRunnerOptions } from './job-runner.js';
export { enqueueJob, type EnqueueOptions } from './enqueue.js';
export type { JobView, RunView } from './job-views.js';
export { jobRoutes } from './jobs.routes.js';
export { jobMigrations } from './jobs.migrations.js';
export { jobRunsPurge } from './purge-job-runs.js';
export { processIdentity } from './process-id.js';
