import type { Kysely } from 'kysely';
import type { TSchema } from 'typebox';
import type { Clock } from '../../kernel/clock.js';
import { shanghaiDate } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { readableSite, sitesICanRecordAt } from './access.js';
import type { CustomersService } from './customers.service.js';
import type { DaysService } from './days.service.js';
import type { StationSite, StationsPorts } from './ports.js';
import type { StationsTables } from './stations.tables.js';
import type { StationStock } from './stock.js';
import { FARM_INPUT_DESK_PARTS } from './farm-inputs.desk.js';
import { gradeStandardsDesk } from './produce.desk.js';
import { consignorsDesk } from './consignment.desk.js';
import { OPEN_PROXY_BUYS_DESK_PART, PROVIDERS_DESK_PART } from './services.desk.js';
import { refundableDesk } from './refunds.desk.js';

/** What a desk part reads with: the module's database (no transaction), its ports, the site's stock. */
export interface DeskContext {
  ctx: RequestContext;
  site: StationSite;
  db: Kysely<StationsTables>;
  ports: StationsPorts;
  stock: StationStock;
  clock: Clock;
}

/** One part of the desk the phone caches (grade standards, farm inputs, providers …): its key, schema and reader. */
export interface DeskPart {
  key: string;
  schema: TSchema;
  read(c: DeskContext): Promise<unknown>;
}

/**
 * Every part of the desk besides the core's own. Owners add theirs with one line (str_replace), importing the
 * part from their own file.
 */
export const DESK_PARTS: readonly DeskPart[] = [
  // B providers, openProxyBuys
  PROVIDERS_DESK_PART,
  OPEN_PROXY_BUYS_DESK_PART,
  // F refused records waiting for their refund
  refundableDesk,
  // C gradeStandards
  gradeStandardsDesk,
  // D consignors
  consignorsDesk,
  // E farmInputs, producers
  ...FARM_INPUT_DESK_PARTS,
];

/** GET /stations/desk: what the phone needs to work a day offline at one site. */
export class DeskService {
  constructor(
    private readonly db: Kysely<StationsTables>,
    private readonly ports: StationsPorts,
    private readonly stock: StationStock,
    private readonly customers: CustomersService,
    private readonly days: DaysService,
    private readonly clock: Clock,
    private readonly parts: readonly DeskPart[] = DESK_PARTS,
  ) {}

  async desk(ctx: RequestContext, siteId: string) {
    const site = await readableSite(ctx, this.ports.places, siteId);
    const today = shanghaiDate(this.clock.now());
    const c: DeskContext = { ctx, site, db: this.db, ports: this.ports, stock: this.stock, clock: this.clock };
    const [todayView, earlierOpenDays, sites, customers, ...partValues] = await Promise.all([
      this.days.dayView(site, today),
      this.days.earlierOpenDays(site, today),
      sitesICanRecordAt(ctx, this.ports.places),
      this.customers.recent(this.db, site.id),
      ...this.parts.map((p) => p.read(c)),
    ]);
    return {
      site,
      today: todayView,
      earlierOpenDays,
      serverTime: this.clock.now().toISOString(),
      sitesICanRecordAt: sites,
      customers: customers.map(({ householdId: _h, ...rest }) => rest),
      ...Object.fromEntries(this.parts.map((p, i) => [p.key, partValues[i]])),
    };
  }
}
