import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const PURGE = 'kernel.purge-job-runs';

describe.each(engines())('background jobs in the console API on %s', (engine) => {
  let t: TestApp;
  let county: { cookie: string };
  let township: { cookie: string };
  const get = (url: string, who?: { cookie: string }) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who });
  const post = (url: string, who?: { cookie: string }) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
    county = await signIn(t.app, 'demo.county');
    township = await signIn(t.app, 'demo.township');
    // The demo county on PostgreSQL takes long on a busy machine.
  }, 240_000);
  afterAll(() => t.close());

  it('lists the jobs, with the purge of old run records due at once, to the county admin only', async () => {
    expect((await get('/jobs')).statusCode).toBe(401);
    expect((await get('/jobs', township)).statusCode).toBe(403);
    const res = await get('/jobs', county);
    expect(res.statusCode).toBe(200);
    const purge = res.json().items.find((j: { name: string }) => j.name === PURGE);
    expect(purge).toEqual({
      name: PURGE,
      title: '清理 30 天前的任务记录 Purge job records older than 30 days',
      scheduled: true,
      everyMs: 86_400_000,
      schedule: '每天 Every day',
      nextDueAt: expect.any(String),
      running: false,
      queued: 0,
      lastRun: null,
      failuresInRow: 0,
    });
    expect(Date.parse(purge.nextDueAt)).toBeLessThanOrEqual(Date.now());
    expect(res.json().nextCursor).toBeNull();
  });

  it('shows a tick\'s run as the last run and the job due a day later; 立即运行 makes it due now', async () => {
    const purgeRuns = async () => (await get(`/jobs/${PURGE}/runs`, county)).json().items as { outcome: string; startedAt: string }[];
    // Every job is due when the app first starts; the first tick runs them all, the purge among them.
    expect(await t.jobs.tick()).toBeGreaterThanOrEqual(1);
    expect(await purgeRuns()).toHaveLength(1);
    const ran = (await get('/jobs', county)).json().items.find((j: { name: string }) => j.name === PURGE);
    expect(ran.lastRun).toMatchObject({ attempt: 1, outcome: 'succeeded', error: null, summary: { runsRemoved: 0, jobsRemoved: 0 } });
    expect(Date.parse(ran.nextDueAt) - Date.parse(ran.lastRun.finishedAt)).toBe(86_400_000);
    await t.jobs.tick();
    expect(await purgeRuns()).toHaveLength(1);

    expect((await post(`/jobs/${PURGE}/run`, township)).statusCode).toBe(403);
    const now = await post(`/jobs/${PURGE}/run`, county);
    expect(now.statusCode).toBe(200);
    expect(now.json().name).toBe(PURGE);
    expect(Date.parse(now.json().nextDueAt)).toBeLessThanOrEqual(Date.now());
    await t.jobs.tick();

    const first = await get(`/jobs/${PURGE}/runs?limit=1`, county);
    expect(first.statusCode).toBe(200);
    const second = (await get(`/jobs/${PURGE}/runs?limit=1&cursor=${first.json().nextCursor}`, county)).json();
    expect([...first.json().items, ...second.items].map((r: { outcome: string }) => r.outcome)).toEqual(['succeeded', 'succeeded']);
    expect(first.json().items[0].startedAt > second.items[0].startedAt).toBe(true);
    expect(second.nextCursor).toBeNull();
    expect((await get(`/jobs/${PURGE}/runs`, township)).statusCode).toBe(403);
  });

  it('answers 404 for a job that does not exist and 400 for a name or cursor that cannot be one', async () => {
    const missing = await post('/jobs/nothing.here/run', county);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    expect((await get('/jobs/nothing.here/runs', county)).statusCode).toBe(404);
    const bad = await get('/jobs/Not%20A%20Job/runs', county);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual({ field: 'params.name' });
    expect((await get(`/jobs/${PURGE}/runs?cursor=nonsense`, county)).statusCode).toBe(400);
  });
});
