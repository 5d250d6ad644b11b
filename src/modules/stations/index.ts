import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../kernel/module.js';
import { buildCore } from './core.parts.js';
import { STATIONS_EVENTS } from './events.js';
import { stationsInit } from './migrations/2026-12-08-stations.js';
import { stationsFarmInputs } from './migrations/2026-12-08-stations-farm-inputs.js';
import { stationsProduce } from './migrations/2026-12-08-stations-produce.js';
import { produceParts } from './produce.parts.js';
import { farmInputParts } from './farm-inputs.parts.js';
import type { StationsPorts } from './ports.js';
import { stationsCoreRoutes } from './stations.routes.js';
import { stationsServices } from './migrations/2026-12-08-stations-services.js';
import { servicesParts } from './services.parts.js';
import { stationsFigures } from './migrations/2026-12-08-stations-figures.js';
import { figuresParts } from './figures.parts.js';
import { stationsConsignment } from './migrations/2026-12-08-stations-consignment.js';
import { consignmentParts } from './consignment.parts.js';
import { stationsCustomerLocks } from './migrations/2026-12-09-stations-customer-locks.js';
import { stationsTallies } from './migrations/2026-12-09-stations-tallies.js';

export type { StationHouseholds, StationIdentifiers, StationPlaces, StationSite, StationsPorts } from './ports.js';
export type { LinkedParcel, StationParcels } from './services.ports.js';
export { LocalProvider, ProviderSubmitter, PROVIDER_SUBMIT_JOB, PROVIDERS, type ServiceProvider, type SubmitRequest, type SubmitAnswer } from './services.exports.js';
export type { StationsCore } from './core.parts.js';
export type { StationTrace, ReceiptHarvest } from './produce.ports.js';
export type { ConsignmentShop, ConsignmentSku } from './consignment.ports.js';
export type { StationProducer, StationProducers } from './farm-inputs.ports.js';
export type { FarmInputPurchase, FarmInputPurchases } from './farm-inputs.purchases.js';
export { DEFAULT_FARM_INPUTS } from './farm-inputs.defaults.js';
export type { DeskPart, DeskContext } from './desk.service.js';
export type { AnyRecordHandler, Applied, ApplyContext, Customer, RecordHandler } from './handlers/types.js';
export type { DayView, Outcome, RecordView } from './stations.schema.js';
export { STATIONS_EVENTS, ServiceRecorded, ServiceVoided, DayClosed, SERVICE_KINDS, SERVICE_KIND_LABELS, STATION_SITE_KINDS, type ServiceKind, type StationSiteKind } from './events.js';

/** 站点服务 Township stations and village points at the till: services recorded offline-first, the daily book, stock. */
export const stationsModule = defineModule({
  name: 'stations',
  tablePrefix: 'stations_',
  summary: '站点服务 Services at township stations and village points (代买, 代卖, 收购, 缴费, 票务, 助农取款, 贷款推荐, 农资): one offline-first records batch, the till and its daily book, customers, stock',
  migrations: [stationsInit, stationsFarmInputs, stationsProduce, stationsServices, stationsFigures, stationsConsignment, stationsCustomerLocks, stationsTallies],
  requires: {
    places: 'township stations and village points by id, with kind, name, township, village and whether operating; the operating stations of a township (network)',
    households: 'whether a resident ID number is a registered poor household’s → the household id (parties)',
    identifiers: 'the check character of a resident ID number (parties)',
    producers: 'traceability producers a farm-input buyer may be: one by id in the record’s transaction, those of a village or township for the desk (trace)',
    parcels: 'logistics parcels by waybill number, so a proxy buy’s parcel is linked with its status (logistics)',
    trace: 'a purchase receipt made a traceability batch: a harvest on the producer’s plot through trace’s own rules, as the caller (trace)',
    consignment: '代卖: a shop SKU with its product and seller, units put into stock held at stations (catalog); sellers an account manages, a poor household linked to a product (parties); where a paid order’s units were reserved (orders)',
  },
  publishes: STATIONS_EVENTS,
  build(kernel, ports: StationsPorts) {
    const core = buildCore(kernel, ports);
    const services = servicesParts(kernel, ports);
    const farmInputs = farmInputParts(kernel);
    const produce = produceParts(kernel, ports);
    const figures = figuresParts(kernel, ports, core.days);
    const consignment = consignmentParts(kernel, ports, core.stock);
    // The module's routes: the core's, then each area's (B services, C produce, D consignment, E farm inputs, F figures), one line each.
    const routes = async (app: FastifyInstance) => {
      await stationsCoreRoutes(core)(app);
      await services.routes(app);
      await farmInputs.routes(app);
      await produce.routes(app);
      await figures.routes(app);
      await consignment.routes(app);
    };
    return { provides: { proxyBuys: services.proxyBuys, providerSubmitter: services.submitter, farmInputs: farmInputs.catalogue, farmInputPurchases: farmInputs.purchases, records: core.records, days: core.days, stock: core.stock, clock: kernel.clock, figures: figures.figures, desk: figures.desk, consignment: consignment.consignment }, routes, pages: produce.pages, subscriptions: [...figures.subscriptions, ...consignment.subscriptions], jobs: [...produce.jobs, ...services.jobs] };
  },
});
