import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const COMPILED = path.join(ROOT, 'dist', 'server', 'main.js');

/** The newest modification time of the server's files under a folder (tests are not part of the build). */
function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * How the server is started: the compiled start when it exists and is newer than every source file (a stale build
 * would test old code), otherwise the TypeScript sources through tsx.
 */
export function serverCommand(): { args: string[]; compiled: boolean } {
  const compiled = fs.existsSync(COMPILED) && fs.statSync(COMPILED).mtimeMs >= newestIn(path.join(ROOT, 'src'));
  return compiled ? { args: [COMPILED], compiled } : { args: ['--import', 'tsx', 'src/main.ts'], compiled };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface AppProcess {
  name: string;
  /** http://127.0.0.1:<port> */
  base: string;
  child: ChildProcess;
  /** What the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves once /api/health answers 200; rejects if the process ends first. */
  ready: Promise<void>;
  /** SIGTERM, then waits for the exit (SIGKILL if it does not come). */
  stop(): Promise<void>;
}

/** Starts one app process with its own port and data folder; `env` is added to this process's environment. */
export async function startAppProcess(name: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `countyhub-${name}-`));
  const child = spawn(process.execPath, serverCommand().args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  const base = `http://127.0.0.1:${port}`;

  const ready = (async () => {
    for (;;) {
      if (ended) throw new Error(`process ${name} ended before it answered:\n${out}`);
      const res = await fetch(`${base}/api/health`).catch(() => null);
      if (res?.status === 200) return;
      // Polling the health route: the next look comes after a short pause or as soon as the process ends.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
    }
  })();
  ready.catch(() => undefined);

  return {
    name,
    base,
    child,
    output: () => out,
    ready,
    async stop() {
      if (!ended) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(force);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small JSON client for one process; a session cookie and extra headers per call. */
export async function call(app: AppProcess, method: string, url: string, opts: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${app.base}${url}`, {
    method,
    headers: { ...(opts.cookie && { cookie: opts.cookie }), ...(opts.body !== undefined && { 'content-type': 'application/json' }), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, json: json as any, text };
}

/** Signs in on one process; returns the session cookie to send (to either process). */
export async function signInOn(app: AppProcess, username: string, password: string): Promise<string> {
  const res = await fetch(`${app.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} on ${app.name}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('countyhub_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}

/** Asks again, after a short pause, until `check` answers true; the test's own time limit ends a wait that never ends. */
export async function pollUntil(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 200));
}
