import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AnyKysely } from '../db.js';
import { isUniqueViolation } from '../db.js';
import { AppError, invalidField } from '../errors.js';
import type { ModuleMigration } from '../migrator.js';
import type { Sealer } from '../sealed.js';

const HEADER = 'idempotency-key';
/** How long a key is remembered; a replay after that is treated as a new request. */
const KEEP_MS = 24 * 3600_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; owner: string };
  }
  interface FastifyContextConfig {
    /**
     * The answer carries a secret shown once (a new API token): it is never kept, and a repeat of the request with
     * the same Idempotency-Key answers 409 IDEMPOTENCY_SECRET_SHOWN instead of showing it again.
     */
    secretAnswer?: boolean;
    /**
     * The route keeps each key once itself and answers a replay in its own words (a receiving endpoint such as the
     * statistics inbox, `{accepted:false, duplicate:true}`): the kernel neither keeps nor replays its answers.
     */
    ownIdempotency?: boolean;
  }
}

const ownerOf = (request: FastifyRequest) => request.ctx.principal?.userId ?? `anon:${request.ip}`;

/** Keyed, so a body with a password in it cannot be guessed back from the stored print. */
const fingerprint = (request: FastifyRequest, sealer: Sealer) => sealer.fingerprint(`idempotency ${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its 2xx answer is kept, sealed with the data key
 * (answers hold personal data); a replay by the same caller gets that answer back, marked `Idempotent-Replay: true`,
 * without a second effect. Kept in the database, so it holds across app processes. An answer with a secret in it
 * (route config `secretAnswer`) is not kept at all.
 */
export function registerIdempotency(app: FastifyInstance, db: AnyKysely, sealer: Sealer): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.config?.ownIdempotency === true) return;
    const key = request.headers[HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw invalidField('headers.idempotency-key', 'must be 1 to 200 characters');
    }
    const owner = ownerOf(request);
    const print = fingerprint(request, sealer);
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
    if (seen.state === 'secret') {
      throw new AppError(409, 'IDEMPOTENCY_SECRET_SHOWN', '该请求已完成，其中的密钥只显示一次 This request was done and its secret was shown once; it is not shown again (revoke it and create another if it was lost)');
    }
    reply.header('idempotent-replay', 'true').header('content-type', 'application/json; charset=utf-8');
    return reply.status(seen.status).send(sealer.open(seen.body));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency;
    if (!held) return payload;
    const where = db.updateTable('kernel_idempotency').where('key', '=', held.key).where('owner', '=', held.owner);
    if (reply.statusCode >= 200 && reply.statusCode < 300 && request.routeOptions.config?.secretAnswer === true) {
      await where.set({ state: 'secret', status: reply.statusCode, body: null }).execute();
    } else if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      await where.set({ state: 'done', status: reply.statusCode, body: sealer.seal(payload) }).execute();
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
  {
    // Answers were kept in clear (new API tokens among them) under unkeyed prints: forgotten, not converted.
    name: '2026-12-07-idempotency-sealed',
    async up(db) {
      await db.deleteFrom('kernel_idempotency').execute();
    },
    async down() {},
  },
];
