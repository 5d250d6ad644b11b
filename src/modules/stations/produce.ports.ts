import type { RequestContext } from '../../kernel/context.js';

/** What a purchase receipt becomes in traceability: a harvest on a producer's plot, and the batch it made. */
export interface ReceiptHarvest {
  producerId: string;
  plotId: string;
  /** The grade standard's produce key (`pepper`, `walnut`, `apple`; others go on a plot of crop `other`). */
  produce: string;
  produceName: string;
  /** The receipt's Shanghai date. */
  occurredOn: string;
  quantityKg: number;
  /** Written on the harvest record; it names the receipt, so a retry finds the harvest already made. */
  note: string;
  /** The receipt's record id, which the note carries. */
  recordId: string;
}

/**
 * Traceability, asked as the caller (its rules and sight apply): a harvest recorded through trace's own service,
 * so the pre-harvest interval is kept or the harvest refused with trace's reason (thrown as is).
 */
export interface StationTrace {
  /** The batch of the harvest made for this receipt before (found by its note on the plot), else a new one. */
  harvestBatch(ctx: RequestContext, harvest: ReceiptHarvest): Promise<{ batchId: string; code: string }>;
}
