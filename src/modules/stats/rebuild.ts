import type { Clock } from '../../kernel/clock.js';
import { recordAudit } from '../../kernel/audit.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { newId } from '../../kernel/ids.js';
import { defineJob, enqueueJob } from '../../kernel/jobs/index.js';
import { SNAPSHOT_INDICATORS } from './indicators.js';
import { STATS_ADMIN, type RebuildView } from './stats.schema.js';
import type { StatsRepository } from './stats.repository.js';
import type { StatsRebuildRow } from './stats.tables.js';

export const REBUILD_JOB = 'stats.rebuild';
/** Inputs applied per transaction: a batch's increments are summed in memory, then written once per key. */
export const REBUILD_BATCH = 5000;
const REBUILD_ATTEMPTS = 5;

/**
 * Rebuilding every figure from stats_inputs, the module's permanent copy of the events: the rollups, members and
 * facts are cleared, then the inputs are applied in seq order in batches, each batch and the cursor in one
 * transaction, so a killed run resumes where it stopped and applies nothing twice. While it runs, live events are
 * stored but not applied (the rebuild reaches them); the state row, locked by both, settles the race at the end.
 */
export class StatsRebuilds {
  constructor(
    private readonly repo: StatsRepository,
    private readonly clock: Clock,
    private readonly batchSize = REBUILD_BATCH,
  ) {}

  async request(ctx: RequestContext): Promise<RebuildView> {
    const p = requireRole(ctx, ...STATS_ADMIN);
    return this.repo.db.transaction().execute(async (trx) => {
      const owner = await this.repo.lockState(trx);
      if (owner) {
        const running = await trx.selectFrom('stats_rebuilds').selectAll().where('id', '=', owner).executeTakeFirstOrThrow();
        // A rebuild that gave up keeps the rollups (half made, live events only stored) until a new one starts.
        if (running.state !== 'failed') return view(running);
      }
      const { count } = await this.repo.countInputs(trx);
      const at = this.clock.now().toISOString();
      const row: StatsRebuildRow = { id: newId('rbd'), state: 'queued', cursor: 0, done: 0, total: count, requested_by: p.username, requested_at: at, started_at: null, finished_at: null, error: null };
      await trx.insertInto('stats_rebuilds').values(row).execute();
      await this.repo.setStateRebuild(trx, row.id);
      await enqueueJob(trx, this.clock, REBUILD_JOB, { id: row.id }, { key: row.id });
      await recordAudit(trx, ctx, { action: 'stats.rebuild-requested', entityType: 'stats_rebuild', entityId: row.id, details: { inputs: count } });
      return view(row);
    });
  }

  async latest(ctx: RequestContext): Promise<RebuildView | null> {
    requireRole(ctx, ...STATS_ADMIN);
    const row = await this.repo.db.selectFrom('stats_rebuilds').selectAll().orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row ? view(row) : null;
  }

  /** The job: runs until the rebuild is done; each step is its own transaction guarded by the rebuild's state. */
  async run(id: string, opts: { maxBatches?: number } = {}): Promise<{ applied: number; state: string }> {
    let applied = 0;
    for (let batches = 0; opts.maxBatches === undefined || batches < opts.maxBatches; batches += 1) {
      const step = await this.step(id);
      applied += step.applied;
      if (step.state !== 'running') return { applied, state: step.state };
    }
    return { applied, state: 'running' };
  }

  /** One unit: start (clear the rollups) or apply the next batch; the last batch hands the rollups back to live events. */
  async step(id: string): Promise<{ applied: number; state: string }> {
    return this.repo.db.transaction().execute(async (trx) => {
      const owner = await this.repo.lockState(trx);
      const row = await trx.selectFrom('stats_rebuilds').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || row.state === 'done' || row.state === 'failed') return { applied: 0, state: row?.state ?? 'failed' };
      const now = this.clock.now().toISOString();
      if (owner !== id) {
        await trx.updateTable('stats_rebuilds').set({ state: 'failed', error: 'another rebuild took over', finished_at: now }).where('id', '=', id).execute();
        return { applied: 0, state: 'failed' };
      }
      if (row.state === 'queued') {
        await this.repo.clearRollups(trx, SNAPSHOT_INDICATORS);
        const { count } = await this.repo.countInputs(trx);
        await trx.updateTable('stats_rebuilds').set({ state: 'running', started_at: now, total: count, cursor: 0, done: 0 }).where('id', '=', id).execute();
        return { applied: 0, state: 'running' };
      }
      const inputs = await this.repo.inputsAfter(trx, Number(row.cursor), this.batchSize);
      if (inputs.length > 0) await this.repo.applyBatch(trx, inputs);
      const done = Number(row.done) + inputs.length;
      const last = inputs.length > 0 ? inputs[inputs.length - 1]!.seq : Number(row.cursor);
      const finished = inputs.length < this.batchSize;
      await trx
        .updateTable('stats_rebuilds')
        .set({ cursor: last, done, total: finished ? done : Math.max(Number(row.total), done), ...(finished && { state: 'done', finished_at: now }) })
        .where('id', '=', id)
        .execute();
      if (finished) await this.repo.setStateRebuild(trx, null);
      return { applied: inputs.length, state: finished ? 'done' : 'running' };
    });
  }

  job() {
    return defineJob({
      name: REBUILD_JOB,
      title: '统计重建 Rebuild every figure from the stored events',
      leaseMs: 30 * 60_000,
      maxAttempts: REBUILD_ATTEMPTS,
      run: async ({ payload, attempt }) => {
        const id = String((payload as { id?: unknown } | null)?.id ?? '');
        try {
          return await this.run(id);
        } catch (err) {
          // The last attempt marks the rebuild failed (shown with its error); the county admin may start another.
          if (attempt >= REBUILD_ATTEMPTS) {
            await this.repo.db.updateTable('stats_rebuilds').set({ state: 'failed', error: String((err as Error).message ?? err).slice(0, 500), finished_at: this.clock.now().toISOString() }).where('id', '=', id).where('state', 'in', ['queued', 'running']).execute();
          }
          throw err;
        }
      },
    });
  }
}

function view(r: StatsRebuildRow): RebuildView {
  const done = Number(r.done);
  const total = Number(r.total);
  const percent = r.state === 'done' ? 100 : total === 0 ? 0 : Math.min(99, Math.floor((done * 100) / total));
  return { id: r.id, state: r.state as RebuildView['state'], done, total, percent, requestedBy: r.requested_by, requestedAt: r.requested_at, startedAt: r.started_at, finishedAt: r.finished_at, error: r.error };
}
