import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One data key for the whole test run, so sealed values open in every test app. */
export const TEST_DATA_KEY = randomBytes(32).toString('base64');
import type { FastifyInstance } from 'fastify';
import { buildApp, type Modules } from '../src/app.js';
import type { Clock } from '../src/kernel/clock.js';
import type { JobRunner } from '../src/kernel/jobs/index.js';
import type { EventDispatcher } from '../src/kernel/events/index.js';
import { systemContext } from '../src/kernel/context.js';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../src/kernel/db.js';
import { DEMO_PASSWORD } from '../src/seed/ludian.js';
import { loadDemoData } from '../src/flows/load-demo-data.js';

export { DEMO_PASSWORD };

/** The engines the suite runs on: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export function engines(): DialectName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  database: Database;
  /** Closes the database and, on PostgreSQL, drops the test's own schema. */
  dispose(): Promise<void>;
}

/** A fresh, empty database: in-memory SQLite, or a schema of its own in the test PostgreSQL. */
export async function openTestDatabase(engine: DialectName): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const database = await openDatabase({ sqliteFile: ':memory:' });
    return { database, dispose: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, pgSchema: schema, poolSize: 4 });
  return {
    database,
    dispose: async () => {
      await database.close();
      await dropPostgresSchema(url, schema);
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  modules: Modules;
  /** The app's job runner: tests call `jobs.tick()` (no poll loop runs in tests). */
  jobs: JobRunner;
  /** The app's event dispatcher: tests call `events.runOnce()` to deliver async subscribers (no loop runs in tests). */
  events: EventDispatcher;
  database: Database;
  close(): Promise<void>;
}

/** The whole app on a fresh database, optionally with the Ludian demo data loaded. */
/**
 * `demoCatalog: false` loads the demo network and market players but no products, for tests that count products;
 * `demoPhotos: true` draws the demo products' photos (seconds of image work most tests do not need);
 * `demoLogistics: false` leaves out the week of parcels (whose times are real ones, not the test clock's).
 */
/** The salt test apps agree with Kuaidi100 for signed pushes. */
export const TEST_KUAIDI100_SALT = 'test-kuaidi100-salt';

/** `demoMode` (the simulated local payments) follows `demo` unless given, as COUNTYHUB_DEMO follows COUNTYHUB_DEMO_DATA. */
export async function buildTestApp(engine: DialectName, opts: { demo?: boolean; demoMode?: boolean; demoCatalog?: boolean; demoLogistics?: boolean; demoPhotos?: boolean; clock?: Clock } = {}): Promise<TestApp> {
  const { database, dispose } = await openTestDatabase(engine);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-test-'));
  const { app, modules, jobs, events } = await buildApp({
    config: { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey: TEST_DATA_KEY, kuaidi100Salt: TEST_KUAIDI100_SALT, demoMode: opts.demoMode ?? !!opts.demo },
    database,
    clock: opts.clock,
  });
  if (opts.demo) await loadDemoData(modules, systemContext('530621'), { catalog: opts.demoCatalog, logistics: opts.demoLogistics, photos: opts.demoPhotos ?? false });
  await app.ready();
  return {
    app,
    modules,
    jobs,
    events,
    database,
    close: async () => {
      await app.close().catch(() => undefined);
      await dispose().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the API and returns the session cookie header to send with later requests. */
export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<{ cookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'countyhub_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `countyhub_session=${cookie.value}` };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-06-01T02:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}
