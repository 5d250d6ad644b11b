import type { Kysely } from 'kysely';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import type { AnyKysely } from '../../kernel/db.js';
import { sitesICanRecordAt } from './access.js';
import { SERVICE_KINDS, type ServiceKind } from './events.js';
import type { DaysService } from './days.service.js';
import type { StationPlaces } from './ports.js';
import type { StationsTables } from './stations.tables.js';

/** One till's day as the operator's 工作台 card shows it. */
export interface StationDeskDay {
  siteId: string;
  siteName: string;
  /** `not_opened`: nothing recorded and no 开账 yet today. */
  status: 'not_opened' | 'open' | 'closed';
  services: number;
  /** Today's services by kind, in the kinds' order, only those with any. */
  byKind: { kind: ServiceKind; count: number }[];
  /** Opening + cash in − cash out so far (what the till should hold); a closed day's as it closed. */
  expectedCashFen: number;
}

/**
 * The 今日账本 card of village and township operators' 工作台: today's book (Asia/Shanghai) of every till the
 * caller records at — a village operator its point, a township operator its township's station — read through
 * the daily book (days.service.ts), so it says what `/station` and the day book say. Answered through the
 * workbench's port.
 */
export class StationDesk {
  private readonly db: Kysely<StationsTables>;

  constructor(
    db: AnyKysely,
    private readonly places: StationPlaces,
    private readonly days: DaysService,
    private readonly clock: Clock,
  ) {
    this.db = db as unknown as Kysely<StationsTables>;
  }

  async today(ctx: RequestContext): Promise<StationDeskDay[]> {
    const day = shanghaiDate(this.clock.now());
    const sites = await sitesICanRecordAt(ctx, this.places);
    const out: StationDeskDay[] = [];
    for (const site of sites) {
      const row = await this.db.selectFrom('stations_days').select('status').where('site_id', '=', site.id).where('day', '=', day).executeTakeFirst();
      const view = await this.days.dayView(site, day);
      out.push({
        siteId: site.id,
        siteName: site.name,
        status: row ? row.status : 'not_opened',
        services: view.services,
        byKind: SERVICE_KINDS.filter((k) => (view.byService[k]?.count ?? 0) > 0).map((k) => ({ kind: k, count: view.byService[k]!.count })),
        expectedCashFen: view.expectedCashFen,
      });
    }
    return out;
  }
}
