import type { FastifyInstance } from 'fastify';
import type { Clock } from './clock.js';
import type { AnyKysely, DialectName } from './db.js';
import type { FileStore } from './files.js';
import type { ModuleMigration } from './migrator.js';
import type { Sealer } from './sealed.js';
import type { EventDef, EventPublisher, Subscription } from './events/index.js';
import type { JobDef } from './jobs/index.js';

/** The deployment's settings a module may read (from config; the kernel does not know the config file). */
export interface PlatformSettings {
  secureCookies: boolean;
  publicUrl?: string;
  trackingCacheSeconds?: number;
  kuaidi100Salt?: string;
  /** A demo: online payments go through the local provider, which takes no money. */
  demoMode?: boolean;
}

/** What the kernel hands every module when it is built. */
export interface KernelServices {
  db: AnyKysely;
  dialect: DialectName;
  clock: Clock;
  sealer: Sealer;
  files: FileStore;
  events: EventPublisher;
  settings: PlatformSettings;
}

type Plugin = (app: FastifyInstance) => Promise<void>;

/** What a module's `build` returns: the services others may use (its doors) and what the app mounts and runs. */
export interface ModuleParts<Provides extends object> {
  provides: Provides;
  /** Mounted under /api/v1. */
  routes?: Plugin;
  /** Server-rendered public pages, mounted at the root (e.g. /track). */
  pages?: Plugin;
  jobs?: JobDef[];
  subscriptions?: Subscription[];
}

/**
 * One business module, declared the same way as every other: its tables (all named with its prefix) and
 * migrations, the ports it needs from other modules (each described, so the list documents itself), the events it
 * publishes, and `build`, which gets the kernel and its ports and returns its parts. Ports are answered by
 * src/flows/wiring.ts from the other modules' `provides`; a module never imports another.
 */
export interface ModuleDefinition<Name extends string = string, Requires extends object = object, Provides extends object = object> {
  name: Name;
  /** Every table the module's migrations create starts with this (checked by test/module-contract.test.ts). */
  tablePrefix: `${Name}_`;
  summary: string;
  migrations: ModuleMigration[];
  /** Each required port and what the module uses it for. */
  requires: { readonly [K in keyof Requires]-?: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- events of any payload
  publishes: readonly EventDef<any>[];
  build(kernel: KernelServices, ports: Requires): ModuleParts<Provides>;
}

export const defineModule = <Name extends string, Requires extends object, Provides extends object>(module: ModuleDefinition<Name, Requires, Provides>): ModuleDefinition<Name, Requires, Provides> => module;

export type RequiresOf<M> = M extends ModuleDefinition<string, infer R, object> ? R : never;
export type ProvidesOf<M> = M extends ModuleDefinition<string, object, infer P> ? P : never;
