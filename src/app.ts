import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { Config } from './config.js';
import { kernelMigrations } from './kernel/kernel-migrations.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { openDatabase, type Database } from './kernel/db.js';
import { registerAuth } from './kernel/http/auth.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './kernel/http/errors.js';
import { registerStrictInput } from './kernel/http/strict-input.js';
import { toOpenApi30 } from './kernel/http/openapi.js';
import { lazySchemaCompilers } from './kernel/http/lazy-schemas.js';
import { StringEnum } from './kernel/http/schema.js';
import { registerIdempotency } from './kernel/http/idempotency.js';
import { registerCompression } from './kernel/http/compression.js';
import { staticFileHeaders } from './kernel/http/static-cache.js';
import { PageShell, pageShellRoutes } from './kernel/http/page-shell.js';
import { SHOP_FRAME_ANSWERS, SHOP_HOME_ANSWERS } from './flows/shop-first-answers.js';
import { linkPreviewPages } from './flows/link-previews.js';
import { requestIds } from './kernel/ids.js';
import { registerSecurityHeaders } from './kernel/http/security-headers.js';
import { registerSameOrigin } from './kernel/http/same-origin.js';
import { PRIVATE_DIR_MODE, tightenDataDir, tightenFile } from './kernel/data-dir.js';
import { migrateUp, type MigrationSet } from './kernel/migrator.js';
import { createSealer } from './kernel/sealed.js';
import { retainOffload } from './kernel/offload.js';
import { LocalFileStore } from './kernel/files.js';
import { JobRunner, jobRoutes, processIdentity } from './kernel/jobs/index.js';
import multipart from '@fastify/multipart';
import { composeModules, type Composed } from './kernel/compose.js';
import { EventBus, EventDispatcher } from './kernel/events/index.js';
import type { KernelServices } from './kernel/module.js';
import { kernelJobs } from './kernel/kernel-jobs.js';
import { platformWiring } from './flows/wiring.js';
import { catalogModule } from './modules/catalog/index.js';
import { identityModule } from './modules/identity/index.js';
import { logisticsModule } from './modules/logistics/index.js';
import { networkModule } from './modules/network/index.js';
import { notifyModule } from './modules/notify/index.js';
import { ordersModule } from './modules/orders/index.js';
import { partiesModule } from './modules/parties/index.js';
import { traceModule } from './modules/trace/index.js';
import { workbenchModule } from './modules/workbench/index.js';
import { uplinkModule } from './modules/uplink/index.js';
import { playersModule } from './modules/players/index.js';
import { trainingModule } from './modules/training/index.js';
import { stationsModule } from './modules/stations/index.js';
import { statsModule } from './modules/stats/index.js';
import { reportsModule } from './modules/reports/index.js';

/** The project's folder: the nearest above this file holding package.json (src/ in development, dist/server/ compiled). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`No package.json above ${from}`);
  }
}

const ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const WEB_DIR = path.join(ROOT, 'dist', 'web');

type ModuleConfig = Pick<Config, 'secureCookies' | 'dataDir' | 'dataKey' | 'publicUrl' | 'trackingCacheSeconds' | 'kuaidi100Salt' | 'demoMode'>;
export type AppConfig = Pick<Config, 'dataDir' | 'databaseUrl' | 'secureCookies' | 'trustProxy' | 'dataKey' | 'publicUrl' | 'trackingCacheSeconds' | 'kuaidi100Salt' | 'demoMode'>;

export interface BuildOptions {
  config: AppConfig;
  /** An already-open database (tests); otherwise opened from config. */
  database?: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
}

/** The platform's modules, in the order their routes are mounted. Each is declared in its own index.ts. */
export const platformModules = [identityModule, networkModule, partiesModule, catalogModule, ordersModule, notifyModule, logisticsModule, traceModule, playersModule, trainingModule, stationsModule, statsModule, workbenchModule, uplinkModule, reportsModule] as const;
export type PlatformModules = typeof platformModules;
export type Modules = Composed<PlatformModules>;

type Kernel = KernelServices & { events: EventBus };

/** What the kernel hands the modules: the database, clock, sealer, files, the event bus and the settings. */
export function createKernel(database: Database, clock: Clock, config: ModuleConfig): Kernel {
  return {
    db: database.db,
    dialect: database.dialect,
    clock,
    sealer: createSealer(loadDataKey(config)),
    files: new LocalFileStore(path.join(config.dataDir, 'files')),
    events: new EventBus({ db: database.db, dialect: database.dialect, clock }),
    settings: { secureCookies: config.secureCookies, publicUrl: config.publicUrl, trackingCacheSeconds: config.trackingCacheSeconds, kuaidi100Salt: config.kuaidi100Salt, demoMode: config.demoMode },
  };
}

/** Every module, built on the kernel and wired together (src/flows/wiring.ts). */
export function createModules(database: Database, clock: Clock, config: ModuleConfig, kernel: Kernel = createKernel(database, clock, config)): Modules {
  return composeModules(kernel, platformModules, platformWiring(clock));
}

/**
 * The key that seals personal data: COUNTYHUB_DATA_KEY, or <dataDir>/data.key, made on first start. Several app
 * processes on one PostgreSQL must share it, so set the variable there.
 */
export function loadDataKey(config: Pick<Config, 'dataDir' | 'dataKey'>): Buffer {
  if (config.dataKey) {
    const key = Buffer.from(config.dataKey, 'base64');
    if (key.length !== 32) throw new Error('COUNTYHUB_DATA_KEY must be the base64 of 32 bytes (openssl rand -base64 32)');
    return key;
  }
  const file = path.join(config.dataDir, 'data.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  tightenFile(file);
  return loadDataKey({ ...config, dataKey: fs.readFileSync(file, 'utf8').trim() });
}

/** Every migration of the kernel and the modules, for start-up and `npm run migrate`. */
export function migrationSets(): MigrationSet[] {
  return [
    { owner: 'kernel', migrations: kernelMigrations },
    ...platformModules.map((m) => ({ owner: m.name, migrations: m.migrations })),
  ];
}

export async function openConfiguredDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databaseSchema'>): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, pgSchema: config.databaseSchema || undefined, sqliteFile: path.join(config.dataDir, 'countyhub.sqlite') });
}

/** The composition root: kernel plugins, then every module. Migrates the database before it answers. */
export async function buildApp(opts: BuildOptions): Promise<{ app: FastifyInstance; database: Database; modules: Modules; jobs: JobRunner; events: EventDispatcher }> {
  const clock = opts.clock ?? systemClock;
  // Before anything is opened or written there: an older install made the folder readable by every local user.
  const tightened = tightenDataDir(opts.config.dataDir);
  const database = opts.database ?? (await openConfiguredDatabase(opts.config));
  const kernel = createKernel(database, clock, opts.config);
  const modules = createModules(database, clock, opts.config, kernel);
  await migrateUp(database, migrationSets());

  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.config.trustProxy,
    // The server names every request itself: a client's X-Request-Id is never the id logged and audited.
    requestIdHeader: false,
    genReqId: requestIds(),
    // strictNumbers: a query string can say 1e309 or NaN, which JSON cannot; no number field takes them.
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false, strictNumbers: true } },
    bodyLimit: 2 * 1024 * 1024,
    // Each route's schemas are compiled on its first request: compiling all of them was half the start's CPU.
    schemaController: lazySchemaCompilers().controller,
    frameworkErrors,
    clientErrorHandler,
  });
  if (tightened.length > 0) {
    app.log.warn({ dataDir: opts.config.dataDir, count: tightened.length, paths: tightened.slice(0, 20) }, 'data folder: took group and other access away (folders 0700, files 0600)');
  }
  // Before swagger and the modules, so every route's input schema is closed and documented as closed.
  registerStrictInput(app);
  app.addHook('onClose', () => database.close());
  // The worker threads that render PDFs and validate large documents (kernel/offload.ts) end with the app.
  const releaseOffload = retainOffload();
  app.addHook('onClose', () => releaseOffload());

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 8 * 1024 * 1024, files: 1 } });
  registerSecurityHeaders(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'CountyHub 县域电商综合服务平台 API', version: VERSION, description: 'Errors: `{"error":{"code","message","details"}}`. Lists: `?limit=&cursor=` → `{"items","nextCursor"}`. POSTs that create accept `Idempotency-Key`.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'countyhub_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token for machine clients' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transformObject: (doc) => toOpenApi30('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject),
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets a few styles inline (the models' expanders).
    transformStaticCSP: (header) => header.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
  });

  registerErrorHandling(app, fs.existsSync(path.join(WEB_DIR, 'index.html')) ? (_req, reply) => reply.sendFile('index.html') : undefined);
  // Before the caller is looked up and before any body is read.
  registerSameOrigin(app, opts.config.publicUrl);
  registerAuth(app, (request) => modules.identity.service.resolvePrincipal(request));
  registerIdempotency(app, database.db, createSealer(loadDataKey(opts.config)));
  // After idempotency, which keeps the plain answer; before the modules, whose routes inherit it.
  registerCompression(app);
  // A POST sent with no body at all (a bare action such as "notify") is read as an empty object, so routes whose
  // body is optional accept it and routes that need fields name the missing one.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined && !request.isMultipart()) request.body = {};
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { tags: ['platform'], summary: 'This OpenAPI document' } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: { 200: Type.Object({ status: Type.Literal('ok'), db: StringEnum(['sqlite', 'postgres']), version: Type.String(), demo: Type.Boolean({ description: 'A demo: online payments are simulated (COUNTYHUB_DEMO)' }) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(database.db);
      return { status: 'ok' as const, db: database.dialect, version: VERSION, demo: opts.config.demoMode === true };
    },
  );

  for (const module of Object.values(modules)) {
    if (module.routes) await app.register(module.routes, { prefix: '/api/v1' });
    if (module.pages) await app.register(module.pages);
  }

  // Jobs and events are claimed from the database, so any number of processes may run them; main.ts starts both.
  const processId = processIdentity();
  const events = new EventDispatcher({ db: database.db, dialect: database.dialect, clock, bus: kernel.events, processId, onError: (err) => app.log.error({ err }, 'event dispatch failed') });
  app.addHook('preClose', () => events.stop());
  const moduleJobs = Object.values(modules).flatMap((m) => m.jobs ?? []);
  const jobs = new JobRunner({ db: database.db, dialect: database.dialect, clock, jobs: [...kernelJobs(database.db, events), ...moduleJobs], processId, log: app.log });
  await jobs.sync();
  app.addHook('preClose', () => jobs.stop());
  await app.register(jobRoutes(jobs), { prefix: '/api/v1' });

  if (fs.existsSync(WEB_DIR)) {
    const shell = PageShell.load(WEB_DIR);
    if (shell) {
      await app.register(linkPreviewPages({ shop: modules.catalog.shop, shell, publicUrl: opts.config.publicUrl }));
      await app.register(
        pageShellRoutes(shell, {
          '/login': { source: 'src/features/auth/sign-in/SignInPage.tsx' },
          '/shop': { fetches: SHOP_HOME_ANSWERS },
          '/shop/login': { source: 'src/features/shop/sign-in/ShopSignInPage.tsx', fetches: SHOP_FRAME_ANSWERS },
        }),
      );
    }
    // The .br and .gz written beside each file at build time (vite.config.ts), and cache rules by file (static-cache.ts).
    await app.register(fastifyStatic, { root: WEB_DIR, wildcard: false, index: 'index.html', preCompressed: true, cacheControl: false, setHeaders: staticFileHeaders });
  }
  return { app, database, modules, jobs, events };
}
