import { defineModule } from '../../kernel/module.js';
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
import { TrackingService } from './tracking.js';
import { trackingPages } from './logistics.pages.js';
import { logisticsJobs } from './jobs.js';
import { LogisticsWorkbenchCounts } from './workbench-counts.js';
import { LOGISTICS_EVENTS, parcelEvents } from './events.js';
import type { LogisticsPlaces, Notifier, OrderShipping, PhoneBook } from './ports.js';

export type { LogisticsPlaces, Notifier, OrderShipping, PhoneBook, PlaceBook } from './ports.js';
export type { ParcelService } from './parcels.service.js';
export type { ScanService } from './scans.service.js';
export type { RunService } from './runs.service.js';
export type { PromiseService } from './promise.service.js';
export type { LogisticsWorkbenchCounts } from './workbench-counts.js';
export type { ScanInput, ManifestParcelInput } from './logistics.schema.js';

/**
 * Rural logistics: carrier manifests into the county warehouse, scans at every hop, shared delivery runs to the
 * village points, pick-up codes, produce going up, the 48-hour promise, and public tracking.
 */
export const logisticsModule = defineModule({
  name: 'logistics',
  tablePrefix: 'logistics_',
  summary: '农村物流 Manifests, scans, delivery runs, pick-up codes, produce going up, the 48-hour promise, public tracking',
  migrations: [logisticsInit, logisticsGuessing, logisticsSmsLimits, logisticsRevision],
  requires: {
    places: 'villages, their points, township transfer stations and the county warehouse (network)',
    notifier: 'text messages to recipients, in the scan’s transaction (notify)',
    phones: 'an account’s phone number (identity)',
    orders: 'a marketplace order’s recipient and origin; shipping it when its produce leaves (orders, parties)',
  },
  publishes: LOGISTICS_EVENTS,
  build(kernel, ports: { places: LogisticsPlaces; notifier: Notifier; phones: PhoneBook; orders: OrderShipping }) {
    const { settings } = kernel;
    const { clock, sealer } = kernel;
    const repo = new LogisticsRepository(kernel.db);
    const views = new ParcelViews(ports.places, ports.phones, sealer, clock);
    const events = parcelEvents(kernel.events);
    const scans = new ScanService(repo, views, ports.places, ports.notifier, sealer, clock, events);
    const parcels = new ParcelService(repo, views, scans, ports.places, ports.orders, clock, events);
    const runs = new RunService(repo, views, scans, ports.places, clock);
    const promise = new PromiseService(repo, views, ports.places, clock);
    const tracking = new TrackingService(repo, ports.places, sealer, clock, (settings.trackingCacheSeconds ?? 5) * 1000);
    return {
      provides: { places: ports.places, clock: kernel.clock, parcels, scans, runs, promise, tracking, workbench: new LogisticsWorkbenchCounts(repo, views, promise, clock) },
      routes: logisticsRoutes({ parcels, scans, runs, promise, tracking, kuaidi100Salt: settings.kuaidi100Salt }),
      pages: trackingPages(tracking, ports.places),
      jobs: logisticsJobs(promise, tracking),
    };
  },
});
