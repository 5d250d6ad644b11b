import type { Clock } from '../../kernel/clock.js';
import { shanghaiDate } from '../../kernel/clock.js';
import { hasRole, requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { AppError, conflict, invalidField, notFound } from '../../kernel/errors.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { maskPhone } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import { mayWrite, REGISTRARS, REPORTERS, sightOf } from './access.js';
import { PlayerRegistered, ShopOpened } from './events.js';
import type { CreditCodeCheck, PlayerPlaces } from './ports.js';
import type { PlayersRepository, ShopWithPlayer } from './players.repository.js';
import type { PlayerCreate, PlayerFilter, PlayerUpdate, PlayerView, ShopCreate, ShopFilter, ShopView } from './players.schema.js';
import { PLATFORM_LABELS, type PlayerRow, type ShopRow } from './players.tables.js';

export const shopView = (row: ShopWithPlayer): ShopView => ({
  id: row.id,
  playerId: row.player_id,
  playerName: row.player_name,
  platform: row.platform,
  platformName: PLATFORM_LABELS[row.platform],
  name: row.name,
  url: row.url,
  openedOn: row.opened_on,
  status: row.status,
  closedOn: row.closed_on,
  lastReportedMonth: row.last_month ?? null,
});

/** A shop's address: http or https only (no javascript:, no file:), at most 500 characters. */
function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '不是有效的网址 is not a web address';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '网址须以 http:// 或 https:// 开头 must be an http or https address';
  return null;
}

/** Market players and their shops on other platforms. */
export class PlayerService {
  constructor(
    private readonly repo: PlayersRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly events: EventPublisher,
    private readonly places: PlayerPlaces,
    private readonly identifiers: CreditCodeCheck,
  ) {}

  private async view(ctx: RequestContext, row: PlayerRow & { shop_count?: number }, names?: Map<string, string>): Promise<PlayerView> {
    const known = names ?? (await this.places.names());
    const full = hasRole(ctx, 'county_admin') || (!!row.owner_user_id && row.owner_user_id === ctx.principal?.userId);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      creditCode: row.credit_code,
      contactName: row.contact_name,
      contactPhone: full ? this.sealer.open(row.contact_phone_sealed) : row.contact_phone_masked,
      townshipCode: row.township_code,
      townshipName: known.get(row.township_code) ?? '未知乡镇',
      villageCode: row.village_code,
      villageName: row.village_code ? (known.get(row.village_code) ?? '未知村') : null,
      ownerUserId: row.owner_user_id,
      notes: row.notes,
      shopCount: row.shop_count ?? 0,
      isDemo: row.is_demo === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** A player the caller may see, else 404. */
  async visible(ctx: RequestContext, id: string): Promise<PlayerRow> {
    const row = await this.repo.player(id);
    const sight = sightOf(ctx);
    if (!row || (sight.kind === 'township' && row.township_code !== sight.code) || (sight.kind === 'owner' && row.owner_user_id !== sight.userId)) throw notFound('Player');
    return row;
  }

  private async checkPlace(townshipCode: string, villageCode: string | null | undefined) {
    const township = await this.places.place(townshipCode);
    if (!township || township.villageCode) throw invalidField('body.townshipCode', '不是本县现行的乡镇 is not a township of the county');
    if (villageCode) {
      const village = await this.places.place(villageCode);
      if (!village?.villageCode) throw invalidField('body.villageCode', '不是本县现行的村 is not a village of the county');
      if (village.townshipCode !== townshipCode) throw invalidField('body.villageCode', `不属于${township.townshipName} is not in the township`);
    }
  }

  async register(ctx: RequestContext, input: PlayerCreate): Promise<PlayerView> {
    const principal = requireRole(ctx, ...REGISTRARS);
    if (!hasRole(ctx, 'county_admin') && (principal.scope.kind !== 'township' || principal.scope.id !== input.townshipCode)) {
      throw invalidField('body.townshipCode', '乡镇服务站只能登记本乡镇的市场主体 a township registers its own players only');
    }
    const creditCode = input.creditCode.toUpperCase();
    const problem = this.identifiers.creditCodeProblem(creditCode);
    if (problem) throw invalidField('body.creditCode', `统一社会信用代码有误：${problem}`, 'CREDIT_CODE_INVALID');
    await this.checkPlace(input.townshipCode, input.villageCode);
    const now = this.clock.now().toISOString();
    const row: PlayerRow = {
      id: newId('ply'),
      name: input.name.trim(),
      kind: input.kind,
      credit_code: creditCode,
      contact_name: input.contactName.trim(),
      contact_phone_sealed: this.sealer.seal(input.contactPhone),
      contact_phone_masked: maskPhone(input.contactPhone)!,
      township_code: input.townshipCode,
      village_code: input.villageCode ?? null,
      owner_user_id: input.ownerUserId ?? null,
      notes: input.notes ?? '',
      is_demo: input.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.repo.db.transaction().execute(async (trx) => {
        await trx.insertInto('players_players').values(row).execute();
        await this.events.publish(trx, PlayerRegistered, row.id, { playerId: row.id, name: row.name, kind: row.kind, townshipCode: row.township_code, villageCode: row.village_code, registeredAt: now });
        await recordAudit(trx, ctx, { action: 'player.registered', entityType: 'player', entityId: row.id, details: { name: row.name, kind: row.kind, creditCode } }, this.clock.now());
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw conflict('PLAYER_EXISTS', 'body.creditCode: 该统一社会信用代码已登记 a player with this credit code is registered', { field: 'body.creditCode' });
    }
    return this.view(ctx, row);
  }

  async list(ctx: RequestContext, filter: PlayerFilter, limit: number, cursor?: string): Promise<PageResult<PlayerView>> {
    const rows = await this.repo.listPlayers(sightOf(ctx), { ...filter, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    const names = await this.places.names();
    return { items: await Promise.all(page.items.map((r) => this.view(ctx, r, names))), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<PlayerView & { shops: ShopView[] }> {
    const row = await this.visible(ctx, id);
    const shops = (await this.repo.shopsOf(id)).map(shopView);
    return { ...(await this.view(ctx, { ...row, shop_count: shops.length })), shops };
  }

  async update(ctx: RequestContext, id: string, changes: PlayerUpdate): Promise<PlayerView & { shops: ShopView[] }> {
    const row = await this.visible(ctx, id);
    mayWrite(ctx, row, 'register');
    if (changes.villageCode) await this.checkPlace(row.township_code, changes.villageCode);
    const update: Partial<PlayerRow> = {
      ...(changes.name !== undefined && { name: changes.name.trim() }),
      ...(changes.contactName !== undefined && { contact_name: changes.contactName.trim() }),
      ...(changes.contactPhone !== undefined && { contact_phone_sealed: this.sealer.seal(changes.contactPhone), contact_phone_masked: maskPhone(changes.contactPhone)! }),
      ...(changes.villageCode !== undefined && { village_code: changes.villageCode }),
      ...(changes.ownerUserId !== undefined && { owner_user_id: changes.ownerUserId }),
      ...(changes.notes !== undefined && { notes: changes.notes }),
      updated_at: this.clock.now().toISOString(),
    };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('players_players').set(update).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'player.updated', entityType: 'player', entityId: id, details: { ...changes, contactPhone: maskPhone(changes.contactPhone) } }, this.clock.now());
    });
    return this.get(ctx, id);
  }

  async addShop(ctx: RequestContext, playerId: string, input: ShopCreate): Promise<ShopView> {
    requireRole(ctx, ...REPORTERS);
    const player = await this.visible(ctx, playerId);
    mayWrite(ctx, player, 'report');
    if (input.url) {
      const problem = urlProblem(input.url);
      if (problem) throw invalidField('body.url', problem);
    }
    if (input.openedOn > shanghaiDate(this.clock.now())) throw invalidField('body.openedOn', '开店日期不能晚于今天 cannot be in the future');
    const now = this.clock.now().toISOString();
    const row: ShopRow = {
      id: newId('shp'),
      player_id: playerId,
      township_code: player.township_code,
      platform: input.platform,
      name: input.name.trim(),
      url: input.url ?? null,
      opened_on: input.openedOn,
      status: 'operating',
      closed_on: null,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.repo.db.transaction().execute(async (trx) => {
        await trx.insertInto('players_shops').values(row).execute();
        await this.events.publish(trx, ShopOpened, row.id, { shopId: row.id, playerId, platform: row.platform, openedOn: row.opened_on, townshipCode: row.township_code });
        await recordAudit(trx, ctx, { action: 'player.shop_opened', entityType: 'player', entityId: playerId, details: { shopId: row.id, platform: row.platform, name: row.name } }, this.clock.now());
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw conflict('SHOP_EXISTS', `body.name: 该主体在${PLATFORM_LABELS[input.platform]}已有同名店铺 the player already has a shop of this name there`, { field: 'body.name' });
    }
    return shopView({ ...row, player_name: player.name, last_month: null });
  }

  async closeShop(ctx: RequestContext, shopId: string, closedOn: string): Promise<ShopView> {
    signedIn(ctx);
    const shop = await this.repo.shop(shopId);
    if (!shop) throw notFound('Shop');
    const player = await this.visible(ctx, shop.player_id);
    mayWrite(ctx, player, 'report');
    if (shop.status === 'closed') throw new AppError(409, 'SHOP_CLOSED', `店铺已于 ${shop.closed_on} 关闭 The shop is closed`);
    if (closedOn < shop.opened_on) throw invalidField('body.closedOn', `不能早于开店日期 ${shop.opened_on} is before the shop opened`);
    if (closedOn > shanghaiDate(this.clock.now())) throw invalidField('body.closedOn', '不能晚于今天 cannot be in the future');
    const now = this.clock.now().toISOString();
    await this.repo.db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('players_shops').set({ status: 'closed', closed_on: closedOn, updated_at: now }).where('id', '=', shopId).where('status', '=', 'operating').executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new AppError(409, 'SHOP_CLOSED', '店铺已关闭 The shop is closed');
      await recordAudit(trx, ctx, { action: 'player.shop_closed', entityType: 'player', entityId: shop.player_id, details: { shopId, closedOn } }, this.clock.now());
    });
    return shopView({ ...shop, status: 'closed', closed_on: closedOn });
  }

  async shops(ctx: RequestContext, filter: ShopFilter, limit: number, cursor?: string): Promise<PageResult<ShopView>> {
    const rows = await this.repo.listShops(sightOf(ctx), { ...filter, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map(shopView), nextCursor: page.nextCursor };
  }
}
