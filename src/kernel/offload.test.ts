import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { WorkerPool } from './offload.js';

const TASKS = new URL('../../test/fixtures/offload-tasks.ts', import.meta.url);

describe('worker pool (kernel/offload)', () => {
  const pool = new WorkerPool({ threads: 1, maxQueued: 1 });
  afterAll(() => pool.close());

  it('runs a module function in a worker thread and hands back Buffers as Buffers', async () => {
    const out = await pool.run<{ text: string; bytes: Buffer }>(TASKS, 'echo', ['合格证']);
    expect(out.text).toBe('合格证');
    expect(Buffer.isBuffer(out.bytes)).toBe(true);
    expect(out.bytes.toString('utf8')).toBe('合格证');
    const big = await pool.run<Buffer>(TASKS, 'bigBuffer', [3 * 1024 * 1024]);
    expect(Buffer.isBuffer(big) && big.length === 3 * 1024 * 1024 && big[123] === 7).toBe(true);
  });

  it('throws an AppError from the worker again with its status, code and details', async () => {
    const err = await pool.run(TASKS, 'refuse', ['body.x']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', details: { field: 'body.x' } });
  });

  it('refuses with 503 BUSY when the queue is full, and serves the queue once the thread is free', async () => {
    const cell = new SharedArrayBuffer(4);
    const running = pool.run<string>(TASKS, 'hold', [cell]);
    const queued = pool.run<{ text: string }>(TASKS, 'echo', ['next']);
    const refused = await pool.run(TASKS, 'echo', ['one too many']).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503, code: 'BUSY', details: { retryAfterSeconds: expect.any(Number) } });
    Atomics.store(new Int32Array(cell), 0, 1);
    Atomics.notify(new Int32Array(cell), 0);
    expect(await running).toBe('released');
    expect((await queued).text).toBe('next');
  });

  it('names a missing function', async () => {
    await expect(pool.run(TASKS, 'nothing', [])).rejects.toThrow(/no function nothing/);
  });
});

describe('worker pool limits', () => {
  it('ends a task that outlives its time with 503 WORK_TOO_LARGE and serves the next task on a fresh thread', async () => {
    const pool = new WorkerPool({ threads: 1, maxQueued: 4, timeoutMs: 1500 });
    try {
      const stuck = pool.run(TASKS, 'hold', [new SharedArrayBuffer(4)]).catch((e: unknown) => e);
      const after = pool.run<{ text: string }>(TASKS, 'echo', ['after']);
      expect(await stuck).toMatchObject({ status: 503, code: 'WORK_TOO_LARGE' });
      expect((await after).text).toBe('after');
    } finally {
      await pool.close();
    }
  });
});
