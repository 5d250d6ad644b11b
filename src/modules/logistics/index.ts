import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppError } from '../../kernel/errors.js';
import { defineModule, type ModuleDeps } from '../../kernel/module.js';
import type { Sealer } from '../../kernel/sealed.js';
import { logisticsInit } from './migrations/2026-12-02-logistics.js';
import { logisticsGuessing } from './migrations/2026-12-07-guessing.js';
import { logisticsSmsLimits } from './migrations/2026-12-07-sms-limits.js';
import { logisticsRevision } from './migrations/2026-12-07-revision.js';
import { logisticsRoutes } from './logistics.routes.js';
import { LogisticsRepository } from './logistics.repository.js';
import { ParcelViews } from './parcel-views.js';
import { ParcelService } from './parcels.service.js';
import { PromiseService } from './promise.service.js';
import { RunService } from './runs.service.js';
import { ScanService } from './scans.service.js';
import { trackingPage, TrackingService, waitWords } from './tracking.js';
import type { LogisticsPlaces, Notifier, OrderShipping, PhoneBook } from './ports.js';

export type { LogisticsPlaces, Notifier, OrderShipping, PhoneBook, PlaceBook } from './ports.js';
export type { ParcelService } from './parcels.service.js';
export type { ScanService } from './scans.service.js';
export type { RunService } from './runs.service.js';
export type { PromiseService } from './promise.service.js';
export type { ScanInput, ManifestParcelInput } from './logistics.schema.js';

/** What the page says when a lookup is refused: when to try again, or that nothing was found. */
function refusal(err: AppError): string {
  if (err.status !== 429) return '没有找到这个运单号和手机号的包裹 No parcel with this waybill number and phone';
  const [zh, en] = waitWords((err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 600);
  return `查询次数过多，请 ${zh}后再试 Too many lookups; try again in ${en}`;
}

/**
 * Rural logistics: carrier manifests into the county warehouse, scans at every hop, shared delivery runs to the
 * village points, pick-up codes, produce going up, the 48-hour promise, and public tracking.
 */
export function logisticsModule(deps: ModuleDeps & { sealer: Sealer; places: LogisticsPlaces; notifier: Notifier; phones: PhoneBook; orders: OrderShipping; trackingCacheSeconds?: number; kuaidi100Salt?: string }) {
  const { clock, sealer } = deps;
  const repo = new LogisticsRepository(deps.db);
  const views = new ParcelViews(deps.places, deps.phones, sealer, clock);
  const scans = new ScanService(repo, views, deps.places, deps.notifier, sealer, clock);
  const parcels = new ParcelService(repo, views, scans, deps.places, deps.orders, clock);
  const runs = new RunService(repo, views, scans, deps.places, clock);
  const promise = new PromiseService(repo, views, deps.places, clock);
  const tracking = new TrackingService(repo, deps.places, sealer, clock, (deps.trackingCacheSeconds ?? 5) * 1000);
  const pages = async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const querystring = Type.Object({ waybillNo: Type.Optional(Type.String({ maxLength: 40 })), phoneLast4: Type.Optional(Type.String({ maxLength: 8 })) });
    app.get('/track', { config: { public: true }, schema: { tags: ['logistics'], summary: 'The public tracking page (HTML)', querystring } }, async (request, reply) => {
      const { waybillNo, phoneLast4 } = request.query;
      const county = (await deps.places.placeBook()).countyName;
      let result = null;
      if (waybillNo || phoneLast4) {
        result = !waybillNo || !/^[A-Za-z0-9-]{6,32}$/.test(waybillNo) || !phoneLast4 || !/^\d{4}$/.test(phoneLast4) ? { error: '请填写运单号和手机后四位 Give the waybill number and the last four digits of the phone' } : await tracking.lookup(waybillNo, phoneLast4, request.ctx).catch((err: AppError) => {
          const wait = err.status === 429 ? (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
          if (wait) reply.status(429).header('retry-after', String(wait));
          return { error: refusal(err) };
        });
      }
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(trackingPage(county, request.query, result));
    });
  };
  return defineModule({ name: 'logistics', migrations: [logisticsInit, logisticsGuessing, logisticsSmsLimits, logisticsRevision], places: deps.places, clock: deps.clock, parcels, scans, runs, promise, tracking, routes: logisticsRoutes({ parcels, scans, runs, promise, tracking, kuaidi100Salt: deps.kuaidi100Salt }), pages });
}
