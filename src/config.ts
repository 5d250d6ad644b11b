import path from 'node:path';

/** Typed settings, read from the environment (main.ts loads `.env` into it first). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… to run on PostgreSQL; empty for the embedded SQLite file in dataDir. */
  databaseUrl: string;
  /** The PostgreSQL schema to keep the tables in (created if missing); empty: the URL's default (public). */
  databaseSchema?: string;
  adminPassword: string | undefined;
  /** Base64 of 32 bytes sealing personal data at rest; empty: kept in <dataDir>/data.key (made on first start). */
  dataKey: string;
  /** The county this deployment serves (GB/T 2260, 6 digits). */
  countyCode: string;
  /** Load the Ludian demo data into an empty database on start. */
  demoData: boolean;
  /**
   * This deployment is a demo: online payments go through the built-in local provider, which pays at once with no
   * money (COUNTYHUB_DEMO; follows COUNTYHUB_DEMO_DATA unless set). Off: only cash is taken.
   */
  demoMode?: boolean;
  logLevel: string;
  /** Mark the session cookie Secure (set when served over HTTPS). */
  secureCookies: boolean;
  /**
   * The proxies in front whose X-Forwarded-For/-Host/-Proto are believed: false, or their addresses (a list that
   * proxy-addr reads). TRUST_PROXY=true means proxies on this machine or a private network; an address the client
   * wrote into X-Forwarded-For itself is never taken unless it is one of those.
   */
  trustProxy: boolean | string;
  /** Where the platform is reached from outside (https://…): QR codes and GS1 Digital Links carry it. Empty: the request's own host. */
  publicUrl?: string;
  /** How long a public tracking answer may be reused (a logistics write in the same process drops it at once); 0: never. */
  trackingCacheSeconds?: number;
  /** The salt agreed with Kuaidi100 when subscribing: their form pushes are signed MD5(param + salt). Empty: refused. */
  kuaidi100Salt?: string;
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`Setting ${name} must be a whole number, got "${raw}"`);
  return value;
}

function boolSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`Setting ${name} must be true or false, got "${raw}"`);
}

const PROXY_ADDRESS = /^(loopback|linklocal|uniquelocal|\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-f]*:[0-9a-f:.]*(\/\d{1,3})?)$/i;

/** Fastify's `true` believes every X-Forwarded-For entry, the client's own first: never handed to it. */
const LOCAL_PROXIES = 'loopback,linklocal,uniquelocal';

function proxySetting(env: NodeJS.ProcessEnv): boolean | string {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (!raw || /^(true|false|yes|no|on|off|1|0)$/i.test(raw)) return boolSetting(env, 'TRUST_PROXY', false) ? LOCAL_PROXIES : false;
  const addresses = raw.split(',').map((a) => a.trim());
  if (!addresses.every((a) => PROXY_ADDRESS.test(a))) {
    throw new Error(`Setting TRUST_PROXY must be true, false or the proxies' addresses (10.0.0.0/8, loopback), got "${raw}"`);
  }
  return addresses.join(',');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intSetting(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || '',
    databaseSchema: env.COUNTYHUB_DB_SCHEMA || undefined,
    adminPassword: env.COUNTYHUB_ADMIN_PASSWORD || undefined,
    countyCode: env.COUNTYHUB_COUNTY_CODE || '530621',
    dataKey: env.COUNTYHUB_DATA_KEY || '',
    demoData: boolSetting(env, 'COUNTYHUB_DEMO_DATA', true),
    demoMode: boolSetting(env, 'COUNTYHUB_DEMO', boolSetting(env, 'COUNTYHUB_DEMO_DATA', true)),
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: boolSetting(env, 'COUNTYHUB_SECURE_COOKIES', false),
    publicUrl: env.COUNTYHUB_PUBLIC_URL || undefined,
    trustProxy: proxySetting(env),
    trackingCacheSeconds: intSetting(env, 'COUNTYHUB_TRACKING_CACHE_SECONDS', 5),
    kuaidi100Salt: env.COUNTYHUB_KUAIDI100_SALT || undefined,
  };
}
