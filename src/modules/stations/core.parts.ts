import type { Kysely } from 'kysely';
import type { KernelServices } from '../../kernel/module.js';
import type { RequestContext } from '../../kernel/context.js';
import { cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import { readableSite } from './access.js';
import { CustomersService } from './customers.service.js';
import { DaysService } from './days.service.js';
import { DESK_PARTS, DeskService, type DeskPart } from './desk.service.js';
import { RECORD_HANDLERS } from './handlers/index.js';
import type { StationsPorts } from './ports.js';
import { RecordsRepository } from './stations.repository.js';
import { RecordsService } from './records.service.js';
import type { StationsTables, StockKind } from './stations.tables.js';
import { StationStock } from './stock.js';

/** A site's stock as the API lists it (readers in their sight). */
export class StockReads {
  constructor(
    private readonly db: Kysely<StationsTables>,
    private readonly stock: StationStock,
    private readonly ports: StationsPorts,
  ) {}

  async list(ctx: RequestContext, siteId: string, kind: StockKind | undefined, limit: number, cursor?: string) {
    await readableSite(ctx, this.ports.places, siteId);
    const rows = await this.stock.holdings(this.db, siteId, kind, cursorKey(cursor, 3), limit + 1);
    const page = toKeysetPage(rows, limit, (r) => [r.item_kind, r.item_key, r.grade]);
    return { nextCursor: page.nextCursor, items: page.items.map((r) => ({ kind: r.item_kind, key: r.item_key, grade: r.grade, name: r.name, unit: r.unit, quantity: Number(r.quantity), updatedAt: r.updated_at })) };
  }
}

export interface StationsCore {
  records: RecordsService;
  days: DaysService;
  desk: DeskService;
  customers: CustomersService;
  stock: StationStock;
  stockReads: StockReads;
  deskParts: readonly DeskPart[];
}

/** The core's services on one repository: the records batch, customers, stock, the daily book and the desk. */
export function buildCore(kernel: KernelServices, ports: StationsPorts): StationsCore {
  const repo = new RecordsRepository(kernel.db);
  const stock = new StationStock(kernel.clock);
  const customers = new CustomersService(kernel.sealer, kernel.clock, ports.households);
  const records = new RecordsService(repo, customers, stock, ports, kernel.events, kernel.clock, RECORD_HANDLERS, kernel.sealer);
  const days = new DaysService(repo.db, ports.places, records, repo, kernel.clock);
  const desk = new DeskService(repo.db, ports, stock, customers, days, kernel.clock, DESK_PARTS);
  return { records, days, desk, customers, stock, stockReads: new StockReads(repo.db, stock, ports), deskParts: DESK_PARTS };
}
