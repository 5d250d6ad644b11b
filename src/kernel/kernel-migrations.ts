import { auditMigrations } from './audit.js';
import { eventMigrations } from './events/migrations.js';
import { idempotencyMigrations } from './http/idempotency.js';
import type { ModuleMigration } from './migrator.js';
import { jobMigrations } from './jobs/jobs.migrations.js';

/**
 * The kernel's own tables, in the order they were written: by date, keeping each file's own order (a stable sort).
 * A migration's name carries its place in this list, so a new one must go after the older ones of its date.
 */
export const kernelMigrations: ModuleMigration[] = [...auditMigrations, ...idempotencyMigrations].sort((a, b) => a.name.slice(0, 10).localeCompare(b.name.slice(0, 10))).concat(eventMigrations).concat(jobMigrations);
