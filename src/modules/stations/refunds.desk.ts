import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { Nullable } from '../../kernel/http/schema.js';
import type { DeskPart } from './desk.service.js';
import type { ServicesTables } from './services.tables.js';
import type { StationsTables } from './stations.tables.js';

/** At most this many waiting records on the desk (a point has a handful; the rest wait for the next desk). */
const LIMIT = 100;

export const DeskRefundable = Type.Object({
  clientId: Type.String(),
  type: Type.String(),
  day: Type.String(),
  summary: Type.String(),
  providerMessage: Nullable(Type.String({ description: 'why the provider refused it (Chinese)' })),
  cashInFen: Type.Integer({ description: 'what the till took for it: a refund hands it back' }),
  cashOutFen: Type.Integer({ description: 'what the till paid out for it (a refused 助农取款): a refund takes it back' }),
});

/**
 * 待退款 on the desk: the site's convenience records its provider refused and nobody has refunded or voided yet, newest
 * first, whatever their day, so the phone offers 退款 for a refusal that came after its day.
 */
export const refundableDesk: DeskPart = {
  key: 'refundable',
  schema: Type.Array(DeskRefundable),
  async read(c) {
    const db = c.db as unknown as Kysely<StationsTables & ServicesTables>;
    const rows = await db
      .selectFrom('stations_service_submissions as s')
      .innerJoin('stations_records as r', 'r.id', 's.record_id')
      .where('s.site_id', '=', c.site.id)
      .where('s.status', '=', 'refused')
      .where('r.voided_by', 'is', null)
      .select(['r.client_id', 'r.type', 'r.day', 'r.summary', 's.message', 'r.cash_in_fen', 'r.cash_out_fen'])
      .orderBy('r.day', 'desc')
      .orderBy('r.id', 'desc')
      .limit(LIMIT)
      .execute();
    return rows.map((r) => ({ clientId: r.client_id, type: r.type, day: r.day, summary: r.summary, providerMessage: r.message, cashInFen: Number(r.cash_in_fen), cashOutFen: Number(r.cash_out_fen) }));
  },
};
