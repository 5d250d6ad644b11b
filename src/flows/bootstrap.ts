import fs from 'node:fs';
import path from 'node:path';
import type { Modules } from '../app.js';
import type { Config } from '../config.js';
import { systemContext } from '../kernel/context.js';
import { withStartupLock } from '../kernel/migrator.js';
import { loadDemoData } from './load-demo-data.js';
import type { ModulesAt } from './load-demo-orders.js';

export interface BootstrapResult {
  /** Set only when the admin was just created with a generated password. */
  generatedAdminPassword?: string;
  adminCreated: boolean;
  demoLoaded: boolean;
}

type BootstrapConfig = Pick<Config, 'countyCode' | 'adminPassword' | 'dataDir' | 'demoData'> & Partial<Pick<Config, 'databaseUrl' | 'databaseSchema'>>;

/**
 * First start: create the `admin` county admin (password from COUNTYHUB_ADMIN_PASSWORD, or generated and written
 * to <data>/initial-admin.txt), and load the demo data into an empty database when demo data is on. Several
 * processes starting together on one PostgreSQL take turns: the first does the work, the others find it done.
 */
export async function bootstrap(modules: Modules, config: BootstrapConfig, modulesAt?: ModulesAt): Promise<BootstrapResult> {
  return withStartupLock(config.databaseUrl, config.databaseSchema, () => firstStart(modules, config, modulesAt));
}

async function firstStart(modules: Modules, config: BootstrapConfig, modulesAt?: ModulesAt): Promise<BootstrapResult> {
  const ctx = systemContext(config.countyCode);
  const admin = await modules.identity.service.ensureFirstAdmin(ctx, config.countyCode, config.adminPassword);
  if (admin.password) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(path.join(config.dataDir, 'initial-admin.txt'), `username: admin\npassword: ${admin.password}\n`, { mode: 0o600 });
  }
  let demoLoaded = false;
  if (config.demoData && (await modules.network.service.listDivisions(ctx, { history: true })).length === 0) {
    await loadDemoData(modules, ctx, { modulesAt });
    demoLoaded = true;
  }
  return { adminCreated: admin.created, generatedAdminPassword: admin.password, demoLoaded };
}
