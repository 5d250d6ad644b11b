import { spawn } from 'node:child_process';
import readline from 'node:readline';
import autocannon from 'autocannon';
for (const parcels of process.argv.slice(2).map(Number)) {
  const tracker = spawn(process.execPath, ['--import', 'tsx', 'bench/tracking-server.ts'], { env: { ...process.env, BENCH_PARCELS: String(parcels) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const info: { port: number; loadSeconds: number } = await new Promise((resolve) => readline.createInterface({ input: tracker.stdout! }).once('line', (line) => resolve(JSON.parse(line))));
  let k = 0;
  const path = () => `/api/v1/logistics/track?waybillNo=ZT${String(Math.floor(((++k * 7_919) % parcels))).padStart(10, '0')}&phoneLast4=1234`;
  const opts = { url: `http://127.0.0.1:${info.port}${path()}`, connections: 16, requests: [{ setupRequest: (req: object) => ({ ...req, path: path() }) }] };
  await autocannon({ ...opts, duration: 2 });
  for (let i = 0; i < 2; i++) { const r = await autocannon({ ...opts, duration: 8 }); console.log(parcels, Math.round(r.requests.average), r.latency.p99, r.non2xx, info.loadSeconds); }
  tracker.kill('SIGTERM');
}
