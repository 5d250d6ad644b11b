import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { recordAudit } from '../../kernel/audit.js';
import { isoNow, shanghaiDate, type Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { conflict, invalidField, notFound } from '../../kernel/errors.js';
import { afterKey, cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import type { PageResult } from '../../kernel/http/paging.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { newId } from '../../kernel/ids.js';
import { CONFIGURERS, READERS } from './access.js';
import type { FarmInputPriceRow, FarmInputRow, FarmInputsTables } from './farm-inputs.tables.js';
import { checkRegistrationNumber, FARM_INPUT_KIND_LABELS, FARM_INPUT_KINDS, type FarmInputKind } from './registration-number.js';
import { filledText } from './typed-text.js';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description && { description }) });
const PriceFen = Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'fen a unit' });
const RegistrationNo = Nullable(Type.String({ maxLength: 60 }), {
  description: '农药登记证号 (PD20080001), 肥料登记证号 (农肥(2019)准字1234号) or 品种审定/登记编号 (国审玉20170013, GPD马铃薯(2018)530032); null only for a fertiliser exempt from registration (复合肥, 尿素 made to a national standard)',
});

export const FarmInputInput = Type.Object({
  name: Text(40, '吡虫啉, 复合肥 15-15-15 …'),
  kind: StringEnum(FARM_INPUT_KINDS, { description: 'seed 种子, fertiliser 肥料, pesticide 农药' }),
  registrationNo: Type.Optional(RegistrationNo),
  maker: Text(60, 'the producer on the label'),
  spec: Text(60, '10%可湿性粉剂 20克/袋'),
  unit: Text(6, 'what one unit sold is: 袋, 瓶, 株, 千克'),
  priceFen: PriceFen,
  restricted: Type.Optional(Type.Boolean({ description: '限制使用农药: a sale needs the buyer’s resident ID number (pesticides only)' })),
});
export type FarmInputInput = Static<typeof FarmInputInput>;

export const FarmInputPatch = Type.Object({
  name: Type.Optional(Text(40)),
  kind: Type.Optional(StringEnum(FARM_INPUT_KINDS)),
  registrationNo: Type.Optional(RegistrationNo),
  maker: Type.Optional(Text(60)),
  spec: Type.Optional(Text(60)),
  unit: Type.Optional(Text(6)),
  priceFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'a new price, charged for sales made from now on' })),
  restricted: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean({ description: 'false: no longer sold (sales made from now on are refused INPUT_INACTIVE)' })),
});
export type FarmInputPatch = Static<typeof FarmInputPatch>;

export const FarmInputView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StringEnum(FARM_INPUT_KINDS),
  kindName: Type.String({ description: '种子, 肥料, 农药' }),
  registrationNo: Nullable(Type.String()),
  registrationLabel: Type.String({ description: 'what the number is called on the receipt (免于登记 when none)' }),
  registrationForm: Nullable(Type.String({ description: '农药登记, 肥料登记（省级）, 非主要农作物品种登记 …' })),
  maker: Type.String(),
  spec: Type.String(),
  unit: Type.String(),
  priceFen: Type.Integer(),
  restricted: Type.Boolean(),
  active: Type.Boolean(),
  inactiveSince: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  createdByName: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedByName: Type.String(),
});
export type FarmInputView = Static<typeof FarmInputView>;

export const FarmInputQuery = Type.Object({
  kind: Type.Optional(StringEnum(FARM_INPUT_KINDS)),
  active: Type.Optional(Type.Boolean({ description: 'only those sold now (true) or stopped (false)' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'part of the name, maker or registration number' })),
});

/** 免于登记: what the receipt says of a fertiliser without a number. */
export const EXEMPT_LABEL = '免于登记';

export function farmInputView(row: FarmInputRow): FarmInputView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kindName: FARM_INPUT_KIND_LABELS[row.kind],
    registrationNo: row.registration_no,
    registrationLabel: row.registration_label ?? EXEMPT_LABEL,
    registrationForm: row.registration_form,
    maker: row.maker,
    spec: row.spec,
    unit: row.unit,
    priceFen: Number(row.price_fen),
    restricted: row.restricted === 1,
    active: row.active === 1,
    inactiveSince: row.inactive_since,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
  };
}

/** The price of an input in force at `at` (the first price when `at` is before it: a phone's clock a little behind). */
export async function priceAt(db: Kysely<FarmInputsTables>, inputId: string, at: string): Promise<number | null> {
  const before = await db.selectFrom('stations_farm_input_prices').select('price_fen').where('input_id', '=', inputId).where('from_at', '<=', at).orderBy('from_at', 'desc').limit(1).executeTakeFirst();
  if (before) return Number(before.price_fen);
  const first = await db.selectFrom('stations_farm_input_prices').select('price_fen').where('input_id', '=', inputId).orderBy('from_at').limit(1).executeTakeFirst();
  return first ? Number(first.price_fen) : null;
}

type Registration = Pick<FarmInputRow, 'registration_no' | 'registration_label' | 'registration_form'>;

/**
 * 农资目录 The county's farm-input catalogue: seeds, fertilisers and pesticides with their registration numbers
 * (checked by kind), maker, package and price; every price kept from when it holds, so a sale made offline is charged
 * the price of its time. County admins change it; whoever reads the stations reads it.
 */
export class FarmInputService {
  constructor(
    private readonly db: Kysely<FarmInputsTables>,
    private readonly clock: Clock,
  ) {}

  private registration(kind: FarmInputKind, raw: string | null | undefined, field: string): Registration {
    const thisYear = Number(shanghaiDate(this.clock.now()).slice(0, 4));
    if (raw === null || raw === undefined || raw.trim() === '') {
      if (kind === 'fertiliser') return { registration_no: null, registration_label: null, registration_form: null };
      throw invalidField(field, `${FARM_INPUT_KIND_LABELS[kind]}须填${kind === 'seed' ? '品种审定或登记编号' : '农药登记证号'}`, 'REGISTRATION_NUMBER_INVALID');
    }
    const checked = checkRegistrationNumber(kind, raw, thisYear);
    if (!checked.ok) throw invalidField(field, checked.reason, 'REGISTRATION_NUMBER_INVALID');
    return { registration_no: checked.number, registration_label: checked.label, registration_form: checked.form };
  }

  private checkRestricted(kind: FarmInputKind, restricted: boolean) {
    if (restricted && kind !== 'pesticide') throw invalidField('body.restricted', '只有农药才有“限制使用”之分 (only a pesticide is restricted-use)');
  }

  async list(ctx: RequestContext, filter: Static<typeof FarmInputQuery>, limit: number, cursor: string | undefined): Promise<PageResult<FarmInputView>> {
    requireRole(ctx, ...READERS);
    const key = cursorKey(cursor, 2);
    let q = this.db.selectFrom('stations_farm_inputs').selectAll().orderBy('name').orderBy('id').limit(limit + 1);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
    if (filter.q) {
      const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('name', 'like', like), eb('maker', 'like', like), eb('registration_no', 'like', like)]));
    }
    if (key) q = q.where((eb) => afterKey(eb, ['name', 'id'], key, 'asc'));
    const page = toKeysetPage(await q.execute(), limit, (r) => [r.name, r.id]);
    return { items: page.items.map(farmInputView), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<FarmInputView> {
    requireRole(ctx, ...READERS);
    const row = await this.db.selectFrom('stations_farm_inputs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Farm input');
    return farmInputView(row);
  }

  /** Inputs sold now, by name (what the phone caches). */
  active(): Promise<FarmInputRow[]> {
    return this.db.selectFrom('stations_farm_inputs').selectAll().where('active', '=', 1).orderBy('name').orderBy('id').execute();
  }

  private async checkUnique(trx: Kysely<FarmInputsTables>, row: Pick<FarmInputRow, 'id' | 'registration_no' | 'name' | 'spec' | 'maker'>) {
    let q = trx.selectFrom('stations_farm_inputs').select(['id', 'name']).where('id', '!=', row.id).where('spec', '=', row.spec);
    q = row.registration_no === null ? q.where('registration_no', 'is', null).where('name', '=', row.name).where('maker', '=', row.maker) : q.where('registration_no', '=', row.registration_no);
    const same = await q.executeTakeFirst();
    if (same) throw conflict('FARM_INPUT_EXISTS', `目录里已有同一登记证号、同一规格的农资：${same.name}`, { field: row.registration_no ? 'body.registrationNo' : 'body.name', id: same.id });
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('FARM_INPUT_EXISTS', '目录里已有同一登记证号、同一规格的农资', { field: 'body.registrationNo' });
      throw err;
    }
  }

  async create(ctx: RequestContext, input: FarmInputInput): Promise<FarmInputView> {
    const principal = requireRole(ctx, ...CONFIGURERS);
    const registration = this.registration(input.kind, input.registrationNo, 'body.registrationNo');
    this.checkRestricted(input.kind, input.restricted ?? false);
    const now = isoNow(this.clock);
    const row: FarmInputRow = {
      id: newId('fin'),
      name: filledText(input.name, 'body.name'),
      kind: input.kind,
      ...registration,
      maker: filledText(input.maker, 'body.maker'),
      spec: filledText(input.spec, 'body.spec'),
      unit: filledText(input.unit, 'body.unit'),
      price_fen: input.priceFen,
      restricted: input.restricted ? 1 : 0,
      active: 1,
      inactive_since: null,
      created_at: now,
      created_by_name: principal.displayName,
      updated_at: now,
      updated_by_name: principal.displayName,
    };
    await this.write(() =>
      this.db.transaction().execute(async (trx) => {
        await this.checkUnique(trx, row);
        await trx.insertInto('stations_farm_inputs').values(row).execute();
        await trx.insertInto('stations_farm_input_prices').values({ input_id: row.id, from_at: now, price_fen: row.price_fen, set_by_name: principal.displayName }).execute();
        await recordAudit(trx, ctx, { action: 'farm_input.created', entityType: 'stations_farm_input', entityId: row.id, details: { name: row.name, kind: row.kind, registrationNo: row.registration_no, spec: row.spec, priceFen: row.price_fen, restricted: input.restricted ?? false } });
      }),
    );
    return farmInputView(row);
  }

  async update(ctx: RequestContext, id: string, patch: FarmInputPatch): Promise<FarmInputView> {
    const principal = requireRole(ctx, ...CONFIGURERS);
    if (Object.keys(patch).length === 0) throw invalidField('body', '没有要修改的内容 (nothing to change)');
    const now = isoNow(this.clock);
    const updated = await this.write(() =>
      this.db.transaction().execute(async (trx) => {
        const old = await trx.selectFrom('stations_farm_inputs').selectAll().where('id', '=', id).executeTakeFirst();
        if (!old) throw notFound('Farm input');
        const kind = patch.kind ?? old.kind;
        const registration = patch.registrationNo !== undefined || patch.kind !== undefined ? this.registration(kind, patch.registrationNo === undefined ? old.registration_no : patch.registrationNo, 'body.registrationNo') : {};
        const restricted = patch.restricted ?? (old.restricted === 1 && kind === 'pesticide');
        this.checkRestricted(kind, restricted);
        const row: FarmInputRow = {
          ...old,
          ...registration,
          kind,
          ...(patch.name !== undefined && { name: filledText(patch.name, 'body.name') }),
          ...(patch.maker !== undefined && { maker: filledText(patch.maker, 'body.maker') }),
          ...(patch.spec !== undefined && { spec: filledText(patch.spec, 'body.spec') }),
          ...(patch.unit !== undefined && { unit: filledText(patch.unit, 'body.unit') }),
          ...(patch.priceFen !== undefined && { price_fen: patch.priceFen }),
          restricted: restricted ? 1 : 0,
          ...(patch.active !== undefined && patch.active !== (old.active === 1) && { active: patch.active ? 1 : 0, inactive_since: patch.active ? null : now }),
          updated_at: now,
          updated_by_name: principal.displayName,
        };
        await this.checkUnique(trx, row);
        const { id: _id, ...changes } = row;
        await trx.updateTable('stations_farm_inputs').set(changes).where('id', '=', id).execute();
        if (patch.priceFen !== undefined && patch.priceFen !== Number(old.price_fen)) {
          const price: FarmInputPriceRow = { input_id: id, from_at: now, price_fen: patch.priceFen, set_by_name: principal.displayName };
          await trx.insertInto('stations_farm_input_prices').values(price).onConflict((oc) => oc.columns(['input_id', 'from_at']).doUpdateSet({ price_fen: price.price_fen, set_by_name: price.set_by_name })).execute();
        }
        const changed = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v]));
        await recordAudit(trx, ctx, { action: 'farm_input.updated', entityType: 'stations_farm_input', entityId: id, details: { name: row.name, changed, ...(patch.priceFen !== undefined && { priceFenBefore: Number(old.price_fen) }) } });
        return row;
      }),
    );
    return farmInputView(updated);
  }
}
