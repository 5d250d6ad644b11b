import type { Kysely } from 'kysely';
import { defineJob } from '../../kernel/jobs/index.js';
import type { KernelServices } from '../../kernel/module.js';
import { GradeStandardService } from './grade-standards.service.js';
import type { StationsPorts } from './ports.js';
import type { ProduceTables } from './produce.tables.js';
import { produceRoutes, receiptPages } from './produce.routes.js';
import { ReceiptLookup } from './receipt.lookup.js';
import type { StationsTables } from './stations.tables.js';
import { TraceBatchService } from './trace-batch.service.js';

/** 收购 Produce intake's parts: grade standards, receipts into trace batches, the public receipt page and its housekeeping. */
export function produceParts(kernel: KernelServices, ports: StationsPorts) {
  const db = kernel.db as Kysely<ProduceTables & StationsTables>;
  const standards = new GradeStandardService(db as unknown as Kysely<ProduceTables>, kernel.clock);
  const traceBatches = new TraceBatchService(db, ports.places, ports.trace, kernel.clock);
  const receipts = new ReceiptLookup(db, ports.places, kernel.sealer, kernel.clock);
  const jobs = [
    defineJob({
      name: 'stations.receipt-lookups-purge',
      title: '凭证查验清理 Remove receipt-page lookup counters whose hour has passed',
      every: 60 * 60_000,
      run: async () => ({ counters: await receipts.purgeCounters() }),
    }),
  ];
  return { standards, traceBatches, receipts, routes: produceRoutes({ standards, traceBatches }), pages: receiptPages(receipts), jobs };
}
