import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AnyKysely } from '../db.js';
import { isUniqueViolation } from '../db.js';
import { AppError, invalidField } from '../errors.js';
import type { ModuleMigration } from '../migrator.js';

const HEADER = 'idempotency-key';
/** How long a key is remembered; a replay after that is treated as a new request. */
const KEEP_MS = 24 * 3600_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; owner: string };
  }
}

const ownerOf = (request: FastifyRequest) => request.ctx.principal?.userId ?? `anon:${request.ip}`;

const fingerprint = (request: FastifyRequest) =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its 2xx answer is kept; a replay by the same
 * caller gets that answer back, marked `Idempotent-Replay: true`, without a second effect. Kept in the database,
 * so it holds across app processes.
 */
export function registerIdempotency(app: FastifyInstance, db: AnyKysely): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers[HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw invalidField('headers.idempotency-key', 'must be 1 to 200 characters');
    }
    const owner = ownerOf(request);
    const print = fingerprint(request);
    const now = Date.now();
    try {
      await db
        .insertInto('kernel_idempotency')
        .values({ key, owner, fingerprint: print, state: 'pending', status: null, body: null, created_at: new Date(now).toISOString() })
        .execute();
      request.idempotency = { key, owner };
      return;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const seen = await db.selectFrom('kernel_idempotency').selectAll().where('key', '=', key).where('owner', '=', owner).executeTakeFirst();
    if (!seen) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key has just finished; retry');
    if (Date.parse(seen.created_at) < now - KEEP_MS) {
      await db.deleteFrom('kernel_idempotency').where('key', '=', key).where('owner', '=', owner).execute();
      throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'This Idempotency-Key had expired and is now free; retry');
    }
    if (seen.fingerprint !== print) {
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
    }
    if (seen.state === 'pending') {
      throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running');
    }
    reply.header('idempotent-replay', 'true').header('content-type', 'application/json; charset=utf-8');
    return reply.status(seen.status).send(seen.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency;
    if (!held) return payload;
    const where = db.updateTable('kernel_idempotency').where('key', '=', held.key).where('owner', '=', held.owner);
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      await where.set({ state: 'done', status: reply.statusCode, body: payload }).execute();
    } else {
      // A failed request had no effect: free the key so the client may retry it.
      await db.deleteFrom('kernel_idempotency').where('key', '=', held.key).where('owner', '=', held.owner).execute();
    }
    return payload;
  });
}

/** Forgets keys older than a day; safe to run in every process at any time. */
export async function purgeIdempotencyKeys(db: AnyKysely, now = new Date()): Promise<void> {
  await db.deleteFrom('kernel_idempotency').where('created_at', '<', new Date(now.getTime() - KEEP_MS).toISOString()).execute();
}

export const idempotencyMigrations: ModuleMigration[] = [
  {
    name: '2026-11-28-idempotency',
    async up(db) {
      await db.schema
        .createTable('kernel_idempotency')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('body', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('kernel_idempotency_pk', ['key', 'owner'])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('kernel_idempotency').execute();
    },
  },
];
