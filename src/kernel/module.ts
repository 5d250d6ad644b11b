import type { FastifyInstance } from 'fastify';
import type { Clock } from './clock.js';
import type { AnyKysely, DialectName } from './db.js';
import type { ModuleMigration } from './migrator.js';

/** What the composition root hands every module. */
export interface ModuleDeps {
  db: AnyKysely;
  dialect: DialectName;
  clock: Clock;
}

/** A business module as the composition root sees it: its tables and its routes (mounted under /api/v1). */
export interface AppModule {
  name: string;
  migrations: ModuleMigration[];
  routes?(app: FastifyInstance): Promise<void>;
  /** Server-rendered public pages, mounted at the root (e.g. /track). */
  pages?(app: FastifyInstance): Promise<void>;
}

export const defineModule = <M extends AppModule>(module: M): M => module;
