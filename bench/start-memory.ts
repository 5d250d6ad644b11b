// Start-up and memory of the server as `npm start` runs it (compiled, dist/server) beside the TypeScript loader it
// replaced (`node --import tsx src/main.ts`), in the same run: the time from spawning the process to its first 200
// from /api/health on a SQLite database that already holds the demo data, and its resident memory (VmRSS) once idle.
// Used by bench/run.ts; `node --import tsx bench/start-memory.ts` prints the figures alone.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '..');
/** How long a started server is left alone before its memory is read: start-up garbage gets collected. */
const SETTLE_MS = 3000;

export const START_VARIANTS = {
  compiled: { label: 'npm start: node dist/server/main.js (compiled)', args: ['dist/server/main.js'] },
  tsx: { label: 'node --import tsx src/main.ts (before: TypeScript loader)', args: ['--import', 'tsx', 'src/main.ts'] },
} as const;
export type StartVariant = keyof typeof START_VARIANTS;

export interface StartFigures {
  variant: StartVariant;
  label: string;
  /** Spawn to first 200 from /api/health, each start, ms. */
  firstAnswerMs: number[];
  /** CPU the process used until then (user + system), ms: steadier than the wall clock on a busy machine. */
  cpuMs: number[];
  /** Resident memory once idle after start, MB. */
  idleRssMb: number[];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Resident memory of a process, MB, as the kernel counts it. */
export function residentMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round(kb / 1024);
}

/** User + system CPU time of a process so far, ms. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Math.round(((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  child: ChildProcess;
  firstAnswerMs: number;
  cpuMs: number;
}

/** Spawns the server and polls /api/health until it answers 200. */
async function start(variant: StartVariant, dataDir: string): Promise<Started> {
  const port = await freePort();
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', COUNTYHUB_ADMIN_PASSWORD: 'bench-admin-2026', COUNTYHUB_DEMO_DATA: 'true' };
  const started = performance.now();
  const child = spawn(process.execPath, [...START_VARIANTS[variant].args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${START_VARIANTS[variant].label} exited before answering`);
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) break;
    await sleep(5);
  }
  return { child, firstAnswerMs: Math.round(performance.now() - started), cpuMs: cpuMs(child.pid!) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts each variant `starts` times, in turns (this machine's speed drifts), on one data dir that a first start
 * filled with the demo data.
 */
export async function measureStarts(starts = 5): Promise<StartFigures[]> {
  execFileSync(process.execPath, ['tools/build-server.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-start-'));
  try {
    await stop((await start('compiled', dataDir)).child);
    const figures: StartFigures[] = (Object.keys(START_VARIANTS) as StartVariant[]).map((variant) => ({ variant, label: START_VARIANTS[variant].label, firstAnswerMs: [], cpuMs: [], idleRssMb: [] }));
    for (let round = 0; round < starts; round++) {
      for (const figure of figures) {
        const run = await start(figure.variant, dataDir);
        try {
          await sleep(SETTLE_MS);
          figure.firstAnswerMs.push(run.firstAnswerMs);
          figure.cpuMs.push(run.cpuMs);
          figure.idleRssMb.push(residentMb(run.child.pid!));
        } finally {
          await stop(run.child);
        }
      }
    }
    return figures;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table, medians first, each start's figures after. */
export function startTable(figures: StartFigures[]): string {
  const lines = [
    `| start (SQLite, demo data, median of ${figures[0]?.firstAnswerMs.length ?? 0}) | first answer ms | CPU until then ms | idle RSS MB | each start: ms / MB |`,
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const f of figures) {
    const each = f.firstAnswerMs.map((ms, i) => `${ms} / ${f.idleRssMb[i]}`).join(', ');
    lines.push(`| ${f.label} | ${median(f.firstAnswerMs)} | ${median(f.cpuMs)} | ${median(f.idleRssMb)} | ${each} |`);
  }
  return lines.join('\n');
}

if (import.meta.filename === process.argv[1]) {
  console.log(startTable(await measureStarts(Number(process.env.BENCH_STARTS ?? 5))));
}
