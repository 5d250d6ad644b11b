import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from './errors.js';

/**
 * CPU-heavy work off the request thread: a pool of worker threads that run an exported function of a module file
 * and hand back its result, so one big PDF, spreadsheet or validation cannot stall every other request.
 *
 *     const pdfs = offloaded<typeof import('./pdf/labels.js')>(new URL('./pdf/labels.js', import.meta.url));
 *     const body = await pdfs('labelsPdf', labels, format, title); // runs labelsPdf in a worker
 *
 * - Name the module as imports do (`.js`): from the sources the worker loads the `.ts` through tsx, compiled the
 *   `.js` beside it. Keep such modules free of database and request state: they compute.
 * - Arguments and results cross threads by structured clone: plain data, Buffers, Dates, Maps; no functions, class
 *   instances or database handles. Buffers in the result are transferred, not copied, and arrive as Buffers.
 * - An AppError thrown in the worker is thrown again here with its status, code and details; anything else thrown
 *   there arrives as a plain Error (a 500).
 * - Threads: one fewer than the cores (at least one). Work waits in a bounded queue; when it is full the caller gets
 *   503 `BUSY` with `details.retryAfterSeconds` (the server is saturated, not the request wrong).
 * - A task that runs longer than `timeoutMs`, or a thread that outgrows its heap, has its thread ended (503
 *   `WORK_TOO_LARGE`); a fresh thread takes its place.
 * - Cap the size of the work before handing it over: the pool keeps the process answering, it does not make huge
 *   work cheap.
 * - The app holds the pool while it is open (`retainOffload()` → release on close); the threads end when the last
 *   holder releases, and idle threads never keep the process alive.
 */
export interface OffloadOptions {
  threads: number;
  /** Tasks that may wait for a thread; one more is refused with 503 BUSY. */
  maxQueued: number;
  timeoutMs: number;
  /** Each thread's old-generation heap limit. */
  heapMb: number;
}

const defaults = (): OffloadOptions => ({
  threads: Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1),
  maxQueued: 64,
  timeoutMs: 60_000,
  heapMb: 512,
});

const BOOTSTRAP = new URL('./offload-worker.mjs', import.meta.url);
/** Running from the .ts sources (tsx, vitest), the threads need tsx to load the modules they run; compiled, they do not. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const RETRY_AFTER_SECONDS = 5;

interface Task {
  id: number;
  url: string;
  name: string;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Started (tsx registered): a task's time counts from here, so a cold thread does not eat its budget. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

interface WorkerError {
  name: string;
  message: string;
  status?: number;
  code?: string;
  details?: unknown;
  stack?: string;
}

/** Uint8Arrays that crossed the thread boundary, made Buffers again (a few levels into plain objects and arrays). */
function asBuffers(value: unknown, depth = 0): unknown {
  if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (depth < 3 && Array.isArray(value)) return value.map((v) => asBuffers(v, depth + 1));
  if (depth < 3 && value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asBuffers(v, depth + 1)]));
  }
  return value;
}

function fromWorker(e: WorkerError): Error {
  if (e.name === 'AppError' && typeof e.status === 'number' && typeof e.code === 'string') return new AppError(e.status, e.code, e.message, e.details);
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

export class WorkerPool {
  private readonly options: OffloadOptions;
  private readonly threads: Thread[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private holders = 0;

  constructor(options: Partial<OffloadOptions> = {}) {
    this.options = { ...defaults(), ...options };
  }

  /** Runs `name` exported by the module at `moduleUrl` in a worker thread. */
  run<T>(moduleUrl: URL | string, name: string, args: unknown[]): Promise<T> {
    const url = String(moduleUrl);
    return new Promise<T>((resolve, reject) => {
      const task: Task = { id: this.nextId++, url, name, args, resolve: resolve as (v: unknown) => void, reject };
      const idle = this.threads.find((t) => !t.task);
      if (idle) return this.start(idle, task);
      if (this.threads.length < this.options.threads) return this.start(this.spawn(), task);
      if (this.queue.length >= this.options.maxQueued) {
        return reject(new AppError(503, 'BUSY', 'The server is busy with other large requests; try again shortly', { retryAfterSeconds: RETRY_AFTER_SECONDS }));
      }
      this.queue.push(task);
    });
  }

  /** Holds the pool open; the returned function releases it, ending the threads when no holder is left. */
  retain(): () => Promise<void> {
    this.holders++;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      if (--this.holders === 0) await this.close();
    };
  }

  /** Ends every thread; tasks waiting or running fail. The pool starts threads again if used afterwards. */
  async close(): Promise<void> {
    const closing = new Error('The server is shutting down');
    for (const task of this.queue.splice(0)) task.reject(closing);
    const threads = this.threads.splice(0);
    for (const thread of threads) this.finish(thread)?.reject(closing);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(BOOTSTRAP, { execArgv: [], workerData: { typescript: FROM_SOURCES }, resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } });
    const thread: Thread = { worker, ready: false, task: null, timer: null };
    worker.unref();
    worker.on('message', (message: { ready?: true; id: number; ok: boolean; result?: unknown; error?: WorkerError }) => {
      if (message.ready) {
        thread.ready = true;
        return this.arm(thread);
      }
      if (thread.task?.id !== message.id) return;
      const task = this.finish(thread)!;
      if (message.ok) task.resolve(asBuffers(message.result));
      else task.reject(fromWorker(message.error!));
      this.next(thread);
    });
    // An uncaught failure or a heap overflow ends the thread: its task fails, a fresh thread serves the queue.
    worker.on('error', (err) => this.lose(thread, err));
    worker.on('exit', () => this.lose(thread, new Error('A worker thread ended')));
    this.threads.push(thread);
    return thread;
  }

  private start(thread: Thread, task: Task): void {
    thread.task = task;
    thread.worker.ref();
    this.arm(thread);
    try {
      thread.worker.postMessage({ id: task.id, url: task.url, name: task.name, args: task.args });
    } catch (err) {
      this.finish(thread);
      task.reject(err as Error);
      this.next(thread);
    }
  }

  /** Starts the clock on the thread's task, once the thread is ready. */
  private arm(thread: Thread): void {
    if (!thread.ready || !thread.task || thread.timer) return;
    thread.timer = setTimeout(() => {
      this.lose(thread, new AppError(503, 'WORK_TOO_LARGE', 'The request needed more work than the server gives one request', { retryAfterSeconds: RETRY_AFTER_SECONDS }));
      void thread.worker.terminate();
    }, this.options.timeoutMs);
    thread.timer.unref();
  }

  /** Clears the thread's task and returns it. */
  private finish(thread: Thread): Task | null {
    const task = thread.task;
    thread.task = null;
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    thread.worker.unref();
    return task;
  }

  private next(thread: Thread): void {
    const task = this.queue.shift();
    if (task) this.start(thread, task);
  }

  private lose(thread: Thread, err: Error): void {
    const at = this.threads.indexOf(thread);
    if (at < 0) return;
    this.threads.splice(at, 1);
    const task = this.finish(thread);
    if (task) {
      const heap = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      task.reject(heap ? new AppError(503, 'WORK_TOO_LARGE', 'The request needed more memory than the server gives one request') : err);
    }
    const waiting = this.queue.shift();
    if (waiting) this.start(this.spawn(), waiting);
  }
}

/** The process's pool. */
export const offloadPool = new WorkerPool();

/** Holds the process's pool open until the returned release is called (the app does so on close). */
export const retainOffload = () => offloadPool.retain();

type Fn = (...args: never[]) => unknown;

/**
 * A typed runner for one module's exports: `offloaded<typeof import('./x.js')>(new URL('./x.ts', import.meta.url))`
 * gives `(name, ...args) => Promise<result>` checked against the module's own signatures.
 */
export function offloaded<M>(moduleUrl: URL) {
  return <K extends keyof M & string>(name: K, ...args: M[K] extends Fn ? Parameters<M[K]> : never): Promise<M[K] extends Fn ? Awaited<ReturnType<M[K]>> : never> =>
    offloadPool.run(moduleUrl, name, args);
}
