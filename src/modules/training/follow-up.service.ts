import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { conflict, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import type { EventOf, EventPublisher } from '../../kernel/events/index.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { defineJob, type JobDef } from '../../kernel/jobs/index.js';
import { OutcomeRecorded } from './events.js';
import type { FOLLOW_UP_INPUT_EVENTS } from './follow-up.events.js';
import type { FollowUpRepository, TrainedTrainee } from './follow-up.repository.js';
import type { FollowUpFilter, FollowUpItem, OutcomeCreate, OutcomeView } from './follow-up.schema.js';
import { OUTCOME_LABELS, type OutcomeRow } from './follow-up.tables.js';
import type { FollowUpPorts } from './follow-up.ports.js';
import type { TrainingPlaces } from './ports.js';
import type { TrainingDatabase } from './training.tables.js';

/** Who reads follow-up: the county, regulators, township operators (trainees of their township). */
export const FOLLOW_UP_READERS = ['county_admin', 'regulator', 'township_operator'] as const;
/** Who links an outcome by hand: the county, a township operator for trainees of its township. */
export const OUTCOME_WRITERS = ['county_admin', 'township_operator'] as const;
export const FOLLOW_UP_JOB = 'training.follow-up';
/** Trainees looked at per batch by the job (one port call per batch; each outcome its own transaction). */
const BATCH = 500;

/** An ISO time as UTC `…Z`, so times compare as text whatever offset they were written with. */
const utc = (iso: string) => new Date(iso).toISOString();

/** A candidate outcome the job found: recorded once, whatever the number of runs. */
type Found = Pick<OutcomeRow, 'kind' | 'ref' | 'ref_name' | 'began_at'>;

/**
 * 培训跟踪: what trainees went on to do. Sellers (the same ID fingerprint as a farmer seller approved after the first
 * training) and point operators (the trainee's account runs an operating station or village point) are matched by
 * the hourly job; a shop elsewhere (a market player of the register, or one of its shops) and employment are linked
 * by hand. Each outcome is recorded once (unique trainee, kind, ref) with its event in the same transaction.
 */
export class FollowUpService {
  constructor(
    private readonly repo: FollowUpRepository,
    private readonly ports: FollowUpPorts,
    private readonly places: TrainingPlaces,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** The township a reader is held to (undefined for the county and regulators); another asked → 403. */
  private township(ctx: RequestContext, roles: readonly ('county_admin' | 'regulator' | 'township_operator')[], asked?: string): string | undefined {
    const principal = requireRole(ctx, ...roles);
    if (hasRole(ctx, 'county_admin') || (roles.includes('regulator') && hasRole(ctx, 'regulator'))) return asked;
    if (hasRole(ctx, 'township_operator') && principal.scope.kind === 'township') {
      if (asked && asked !== principal.scope.id) throw forbidden('乡镇只能查看本乡镇的学员 A township reads its own trainees');
      return principal.scope.id;
    }
    throw forbidden('无权查看培训跟踪 You may not read the follow-up');
  }

  async list(ctx: RequestContext, filter: FollowUpFilter, limit: number, cursor?: string): Promise<PageResult<FollowUpItem>> {
    const township = this.township(ctx, FOLLOW_UP_READERS, filter.township);
    const rows = await this.repo.trainedTrainees({ township, trainee: filter.trainee, outcome: filter.outcome, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    const [outcomes, book] = await Promise.all([this.repo.outcomesOf(page.items.map((t) => t.id)), this.places.placeBook()]);
    const townships = new Map(book.townships.map((t) => [t.code, t.name]));
    const villages = new Map(book.villages.map((v) => [v.code, v.name]));
    const items: FollowUpItem[] = [];
    for (const t of page.items) {
      const first = utc(t.first_trained_at);
      const views = await Promise.all(outcomes.filter((o) => o.trainee_id === t.id).map((o) => this.view(o, first)));
      items.push({
        traineeId: t.id,
        name: t.name,
        idNumber: t.id_number_masked,
        townshipCode: t.township_code,
        townshipName: t.township_code ? (townships.get(t.township_code) ?? '未知乡镇') : null,
        villageCode: t.village_code,
        villageName: t.village_code ? (villages.get(t.village_code) ?? '未知村') : null,
        poor: t.poor === 1,
        firstTrainedAt: first,
        personTimes: t.person_times,
        outcomes: views,
        salesSinceFen: views.reduce((n, v) => n + (v.salesSinceFen ?? 0), 0),
      });
    }
    return { items, nextCursor: page.nextCursor };
  }

  /** An outcome with its sales since the trainee's first training (null when it has none to count). */
  private async view(o: OutcomeRow, firstTrainedAt: string | null): Promise<OutcomeView> {
    let salesSinceFen: number | null = null;
    let salesMonths: number | null = null;
    if (firstTrainedAt && o.kind === 'seller') salesSinceFen = await this.repo.sellerSalesSince(o.ref, firstTrainedAt);
    if (firstTrainedAt && o.kind === 'shop' && o.player_id) {
      const sales = await this.ports.players.salesSince(o.player_id, o.shop_id, shanghaiDate(new Date(firstTrainedAt)).slice(0, 7));
      salesSinceFen = sales.salesFen;
      salesMonths = sales.months;
    }
    return {
      id: o.id,
      traineeId: o.trainee_id,
      kind: o.kind,
      kindName: OUTCOME_LABELS[o.kind],
      name: o.ref_name,
      playerId: o.player_id,
      shopId: o.shop_id,
      source: o.source,
      beganAt: o.began_at,
      note: o.note,
      recordedAt: o.recorded_at,
      salesSinceFen,
      salesMonths,
    };
  }

  /** Links a shop elsewhere or an employment to a trainee by hand (409 OUTCOME_EXISTS when already linked). */
  async record(ctx: RequestContext, traineeId: string, input: OutcomeCreate): Promise<OutcomeView> {
    const township = this.township(ctx, OUTCOME_WRITERS);
    const trainee = await this.repo.trainee(traineeId);
    if (!trainee || (township && trainee.township_code !== township)) throw notFound('Trainee');
    let found: Found & Pick<OutcomeRow, 'player_id' | 'shop_id'>;
    if (input.kind === 'shop') {
      if (!input.playerId) throw invalidField('body.playerId', '请选择市场主体 choose the market player');
      const player = await this.ports.players.player(input.playerId);
      if (!player) throw invalidField('body.playerId', '市场主体不存在 no such market player');
      const shop = input.shopId ? player.shops.find((s) => s.id === input.shopId) : undefined;
      if (input.shopId && !shop) throw invalidField('body.shopId', '该店铺不属于所选市场主体 the shop is not the player’s');
      found = { kind: 'shop', ref: shop?.id ?? player.id, ref_name: shop ? `${player.name} · ${shop.platformName} ${shop.name}` : player.name, began_at: null, player_id: player.id, shop_id: shop?.id ?? null };
    } else {
      const firm = input.firmName?.trim();
      if (!firm) throw invalidField('body.firmName', '请填写就业的电商企业 name the firm');
      if (input.playerId || input.shopId) throw invalidField(input.playerId ? 'body.playerId' : 'body.shopId', '就业不关联店铺 employment names a firm, not a shop');
      found = { kind: 'employed', ref: `firm:${firm}`, ref_name: firm, began_at: null, player_id: null, shop_id: null };
    }
    const row = await this.repo.db.transaction().execute(async (trx) => {
      const recorded = await this.write(trx, traineeId, { ...found }, 'hand', input.note?.trim() ?? '', ctx.principal!.username);
      if (!recorded) throw conflict('OUTCOME_EXISTS', '该学员已登记此项成效 This outcome is already recorded for the trainee', { kind: found.kind });
      await recordAudit(trx, ctx, { action: 'training.outcome_linked', entityType: 'trainee', entityId: traineeId, details: { kind: found.kind, name: found.ref_name } });
      return recorded;
    });
    return this.view(row, row.first_trained_at);
  }

  /**
   * Records an outcome unless the same (trainee, kind, ref) is recorded, and publishes `training.outcome-recorded`
   * in the same transaction. Null when it was recorded before.
   */
  private async write(trx: Kysely<TrainingDatabase>, traineeId: string, found: Found & Partial<Pick<OutcomeRow, 'player_id' | 'shop_id'>>, source: OutcomeRow['source'], note: string, by: string): Promise<OutcomeRow | null> {
    const trainee = await trx.selectFrom('training_trainees').select(['id', 'township_code', 'poor']).where('id', '=', traineeId).executeTakeFirstOrThrow();
    const first = await this.repo.firstTrainedAt(traineeId, trx);
    const now = this.clock.now();
    const row: OutcomeRow = {
      id: newId('out', now.getTime()),
      trainee_id: traineeId,
      kind: found.kind,
      ref: found.ref,
      ref_name: found.ref_name,
      player_id: found.player_id ?? null,
      shop_id: found.shop_id ?? null,
      source,
      began_at: found.began_at,
      township_code: trainee.township_code,
      poor: Number(trainee.poor),
      first_trained_at: first ? utc(first) : null,
      note,
      recorded_by: by,
      recorded_at: now.toISOString(),
    };
    if (!(await this.repo.insertOutcome(trx, row))) return null;
    await this.events.publish(trx, OutcomeRecorded, traineeId, {
      outcomeId: row.id,
      traineeId,
      kind: row.kind,
      townshipCode: row.township_code,
      poor: row.poor === 1,
      firstTrainedAt: row.first_trained_at,
      recordedAt: row.recorded_at,
    });
    return row;
  }

  /** What the job finds for a batch of trained trainees: farmer sellers approved after the first training, points run. */
  private async candidates(batch: TrainedTrainee[]): Promise<Map<string, Found[]>> {
    const out = new Map<string, Found[]>();
    const push = (id: string, f: Found) => out.set(id, [...(out.get(id) ?? []), f]);
    const byPrint = new Map(batch.map((t) => [t.id_fingerprint, t]));
    for (const s of await this.ports.sellers.farmersByFingerprint([...byPrint.keys()])) {
      const t = byPrint.get(s.fingerprint);
      if (!t || !s.approvedAt || Date.parse(s.approvedAt) < Date.parse(t.first_trained_at)) continue;
      push(t.id, { kind: 'seller', ref: s.sellerId, ref_name: s.name, began_at: utc(s.approvedAt) });
    }
    const byUser = new Map(batch.filter((t) => t.user_id).map((t) => [t.user_id!, t]));
    for (const p of await this.ports.points.operatedBy([...byUser.keys()])) {
      const t = byUser.get(p.userId);
      if (t) push(t.id, { kind: 'point_operator', ref: p.siteId, ref_name: p.name, began_at: null });
    }
    return out;
  }

  /**
   * The hourly matching: every trained trainee, a batch at a time; each new outcome in its own transaction guarded by
   * the unique (trainee, kind, ref), so a run cut short and run again records nothing twice. `after` is called after
   * each outcome's transaction (the kill test stops there).
   */
  async autoMatch(after?: (recorded: OutcomeRow) => Promise<void>): Promise<{ checked: number; recorded: number }> {
    let checked = 0;
    let recorded = 0;
    let cursor: string | undefined;
    for (;;) {
      const batch = await this.repo.trainedTrainees({ after: cursor }, BATCH);
      if (batch.length === 0) break;
      checked += batch.length;
      const found = await this.candidates(batch);
      for (const t of batch) {
        for (const f of found.get(t.id) ?? []) {
          const row = await this.repo.db.transaction().execute((trx) => this.write(trx, t.id, f, 'auto', '', 'system'));
          if (!row) continue;
          recorded += 1;
          await after?.(row);
        }
      }
      cursor = batch[batch.length - 1]!.id;
    }
    return { checked, recorded };
  }

  job(after?: (recorded: OutcomeRow) => Promise<void>): JobDef {
    return defineJob({
      name: FOLLOW_UP_JOB,
      title: '培训成效跟踪 Trainees who became sellers or run a point, matched hourly',
      every: 3600_000,
      run: () => this.autoMatch(after),
    });
  }

  /**
   * The subscriber `training.seller-sales`: each paid order and refund as a row keyed by the event's number (a
   * redelivery finds it); a refund takes its seller and date from the order's payment (one never kept is skipped).
   */
  async receiveSale(event: EventOf<(typeof FOLLOW_UP_INPUT_EVENTS)[number]>): Promise<void> {
    const seq = Number(event.seq);
    if (event.type === 'orders.paid') {
      const p = event.payload;
      await this.repo.insertSale({ seq, order_id: p.orderId, seller_id: p.sellerId, paid_at: utc(p.paidAt), amount_fen: p.totalFen });
      return;
    }
    const paid = await this.repo.paymentOf(event.payload.orderId);
    if (!paid) return;
    await this.repo.insertSale({ seq, order_id: event.payload.orderId, seller_id: paid.seller_id, paid_at: paid.paid_at, amount_fen: -event.payload.amountFen });
  }
}
