import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import type { DeskPart } from './desk.service.js';
import { farmInputView, FarmInputView } from './farm-inputs.service.js';
import type { FarmInputsTables } from './farm-inputs.tables.js';

export const DeskFarmInput = Type.Object({
  ...FarmInputView.properties,
  stock: Type.Integer({ description: 'units this site holds now' }),
});
export type DeskFarmInput = Static<typeof DeskFarmInput>;

/** 农资 on the desk: every input sold now, with what this site holds of it (the phone sells offline from this). */
export const farmInputsDesk: DeskPart = {
  key: 'farmInputs',
  schema: Type.Array(DeskFarmInput),
  async read(c): Promise<DeskFarmInput[]> {
    const db = c.db as unknown as Kysely<FarmInputsTables>;
    const [rows, held] = await Promise.all([
      db.selectFrom('stations_farm_inputs').selectAll().where('active', '=', 1).orderBy('kind').orderBy('name').orderBy('id').execute(),
      c.stock.holdings(c.db, c.site.id, 'farm_input'),
    ]);
    const stock = new Map(held.map((h) => [h.item_key, Number(h.quantity)]));
    return rows.map((r) => ({ ...farmInputView(r), stock: stock.get(r.id) ?? 0 }));
  },
};

export const DeskProducer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Unsafe<'farmer' | 'seller'>({ type: 'string', enum: ['farmer', 'seller'], description: 'farmer 农户, seller 经营主体' }),
  divisionCode: Type.String({ description: 'the producer’s village' }),
});

/**
 * The traceability producers a farm-input buyer may be: those of a village point's village, or of a township
 * station's township (every one: trace numbers at most 999 a township).
 */
export const producersDesk: DeskPart = {
  key: 'producers',
  schema: Type.Array(DeskProducer),
  async read(c) {
    return c.ports.producers.producersIn(c.site.villageCode ?? c.site.townshipCode);
  },
};

export const FARM_INPUT_DESK_PARTS: readonly DeskPart[] = [farmInputsDesk, producersDesk];
