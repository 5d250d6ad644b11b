import 'dotenv/config';
import { buildApp, createModules } from './app.js';
import { loadConfig } from './config.js';
import { logOptions } from './kernel/log-mask.js';
import { bootstrap } from './flows/bootstrap.js';

// Whatever the server writes (database, data key, uploads, exports) is for its own user only.
process.umask(0o077);

const config = loadConfig();
const { app, modules, database, jobs, events } = await buildApp({ config, logger: logOptions(config.logLevel) });
const boot = await bootstrap(modules, config, (clock) => createModules(database, clock, config));
await app.listen({ port: config.port, host: config.host });
// Jobs and events are claimed from the database, so any number of processes may run them; app.close() stops both,
// waiting for the work in flight.
jobs.start();
events.start(1000);

const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
const lines = [
  '',
  `CountyHub 县域电商综合服务平台 is running on ${database.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'}`,
  `  Console 控制台:   http://${shown}:${config.port}/`,
  `  API docs 接口文档: http://${shown}:${config.port}/api/docs`,
];
if (boot.generatedAdminPassword) {
  lines.push(`  Sign in 登录: admin / ${boot.generatedAdminPassword}   (shown once; also in ${config.dataDir}/initial-admin.txt)`);
} else if (boot.adminCreated) {
  lines.push('  Sign in 登录: admin with COUNTYHUB_ADMIN_PASSWORD');
} else {
  lines.push(`  Sign in 登录: admin (password set on first start; see ${config.dataDir}/initial-admin.txt if it was generated)`);
}
if (config.demoData) lines.push('  Demo accounts 演示账号: demo.county, demo.township, demo.village … password ludian-demo-2026 (see README)');
if (config.demoMode) {
  app.log.warn({ demoMode: true }, 'demo: online payments are simulated by the local provider; set COUNTYHUB_DEMO=false for real use');
  lines.push('  演示环境：在线支付为模拟，不收真实款项 Demo: online payment is simulated (COUNTYHUB_DEMO=false to turn off)');
}
console.log(lines.join('\n') + '\n');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
