import { inline } from '../../kernel/events/index.js';
import { defineModule } from '../../kernel/module.js';
import { OrderStockCommitted, OrderStockReleased, TRACE_EVENTS } from './events.js';
import { traceInit } from './migrations/2026-12-02-trace.js';
import { traceHolds } from './migrations/2026-12-06-trace-holds.js';
import { traceComplaintLimits } from './migrations/2026-12-07-trace-complaint-limits.js';
import { traceEpcisVouched } from './migrations/2026-12-07-trace-epcis-vouched.js';
import { traceUploadQuota } from './migrations/2026-12-07-upload-quota.js';
import { BatchMaker } from './batch-maker.js';
import { BatchService } from './batches.service.js';
import { DocumentService } from './documents.service.js';
import { EpcisService } from './epcis/epcis.service.js';
import { TraceFileService } from './files.service.js';
import { GenealogyService } from './genealogy.service.js';
import { HoldService } from './holds.js';
import { ProducerService } from './producers.service.js';
import { RecallService } from './recalls.service.js';
import { RecordBook } from './record-book.js';
import { RecordService } from './records.service.js';
import { ReviewService } from './reviews.service.js';
import { ScanCounter } from './scan-counter.js';
import { ScanService } from './scan.service.js';
import { scanPages } from './trace.pages.js';
import { traceJobs } from './jobs.js';
import { TraceAccess } from './trace-access.js';
import { TraceRepository } from './trace.repository.js';
import { TraceWorkbenchCounts } from './workbench-counts.js';
import type { TraceIdentifiers, TraceNotifier, TracePlaces, TraceSales, TraceSellers, TraceStationPurchases, TraceStock } from './ports.js';
import { StationPurchaseService, TraceProducerDirectory } from './station-purchases.js';
import { traceRoutes } from './trace.routes.js';

export type { TraceIdentifiers, TraceNotifier, TracePlaces, TraceSales, TraceSellers, TraceStationPurchases, TraceStock } from './ports.js';
export type { TraceProducerDirectory } from './station-purchases.js';
export type { BatchService } from './batches.service.js';
export type { TraceWorkbenchCounts } from './workbench-counts.js';
export type { RecordInput, BatchView } from './trace.schema.js';
export { gtin14, traceCode } from './trace-code.js';

export interface TraceServices {
  producers: ProducerService;
  records: RecordService;
  reviews: ReviewService;
  batches: BatchService;
  genealogy: GenealogyService;
  recalls: RecallService;
  documents: DocumentService;
  epcis: EpcisService;
  files: TraceFileService;
  scans: ScanService;
  /** Farm inputs a producer bought at stations, with the 30-day spray check (GET /trace/producers/{id}/station-purchases). */
  stationPurchases: StationPurchaseService;
  /** Producers as the stations name a farm-input buyer. */
  farmers: TraceProducerDirectory;
  /** The 工作台's figures (the workbench module). */
  workbench: TraceWorkbenchCounts;
}

/**
 * Produce traceability: producers, bases and plots, append-only farm records with the pre-harvest interval rule,
 * batches with trace codes, certificates and QR labels (GS1 Digital Link, resolved here), a public scan page,
 * genealogy both ways, recalls, and EPCIS 2.0 in and out.
 */
export const traceModule = defineModule({
  name: 'trace',
  tablePrefix: 'trace_',
  summary: '质量追溯 Producers, farm records, batches and QR codes, public scan pages, genealogy, recalls, EPCIS',
  migrations: [traceInit, traceHolds, traceComplaintLimits, traceEpcisVouched, traceUploadQuota],
  requires: {
    places: 'villages and townships by code, for producers’ places and scopes (network)',
    sellers: 'marketplace sellers as producers, and who manages them (parties)',
    stock: 'catalogue stock a batch becomes, frozen by a recall or review (catalog)',
    sales: 'orders and parcels that carried a batch, and withdrawing unshipped ones (orders, logistics)',
    notifier: 'recall notices by text message (notify)',
    identifiers: 'the resident ID check of a farmer producer (parties)',
    stationPurchases: 'farm inputs a producer bought at stations and village points, shown beside its farm records (stations)',
  },
  publishes: TRACE_EVENTS,
  build(kernel, ports: { places: TracePlaces; sellers: TraceSellers; stock: TraceStock; sales: TraceSales; notifier: TraceNotifier; identifiers: TraceIdentifiers; stationPurchases: TraceStationPurchases }) {
    const { clock, sealer } = kernel;
    const repo = new TraceRepository(kernel.db);
    const access = new TraceAccess(repo, ports.sellers, ports.places);
    const book = new RecordBook(repo);
    const maker = new BatchMaker(repo, ports, clock);
    const genealogy = new GenealogyService(repo, access, ports);
    const counter = new ScanCounter(repo, clock);
    const scans = new ScanService(repo, access, ports, sealer, clock, genealogy, counter, kernel.events);
    const holds = new HoldService(repo, ports, clock, genealogy);
    const records = new RecordService(repo, access, ports, clock, book, maker, holds);
    const services: TraceServices = {
      producers: new ProducerService(repo, access, ports, sealer, clock, book),
      records,
      reviews: new ReviewService(repo, access, ports, clock, records, holds),
      batches: new BatchService(repo, access, ports, clock, maker, counter),
      genealogy,
      recalls: new RecallService(repo, access, ports, clock, genealogy),
      documents: new DocumentService(repo, access, ports, sealer, clock, genealogy),
      epcis: new EpcisService(repo, access, ports, clock, genealogy),
      files: new TraceFileService(repo, access, clock, kernel.files),
      scans,
      stationPurchases: new StationPurchaseService(repo, access, book, ports.stationPurchases, clock),
      farmers: new TraceProducerDirectory(repo),
      workbench: new TraceWorkbenchCounts(repo, access),
    };

    return {
      provides: services,
      routes: traceRoutes(services, kernel.settings.publicUrl),
      pages: scanPages(scans, counter),
      jobs: traceJobs(services.recalls, scans, services.files),
      // An order's units are taken from traced batches (oldest first) when it takes stock, and given back when it is
      // cancelled unshipped — in the order's transaction, so a recall always finds every order holding its units.
      subscriptions: [inline(OrderStockCommitted, (trx, event) => services.batches.allocate(trx, event.payload)), inline(OrderStockReleased, (trx, event) => services.batches.release(trx, event.payload.orderId))],
    };
  },
});
