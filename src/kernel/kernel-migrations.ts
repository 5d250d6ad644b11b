import { auditMigrations } from './audit.js';
import { eventMigrations } from './events/migrations.js';
import { idempotencyMigrations } from './http/idempotency.js';
import type { ModuleMigration } from './migrator.js';
import { jobMigrations } from './jobs/jobs.migrations.js';

/**
 * The kernel's own tables, in the order they were written. A migration's recorded name carries its place in this
 * list, so the list never changes order: the first ones by date (each file's own order kept), and every later one
 * appended at the end.
 */
export const kernelMigrations: ModuleMigration[] = [...auditMigrations, ...idempotencyMigrations]
  .sort((a, b) => a.name.slice(0, 10).localeCompare(b.name.slice(0, 10)))
  .concat(eventMigrations, jobMigrations);
