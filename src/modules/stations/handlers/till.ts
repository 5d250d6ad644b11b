import { Type } from 'typebox';
import { DayClosed, ServiceVoided, type ServiceKind } from '../events.js';
import { dayFigures, normaliseDay, settleCarriedOpening } from '../days.service.js';
import { tallyRecord } from '../tallies.js';
import { closeDecision } from '../till-rule.js';
import { refusal, yuan, type RecordHandler } from './types.js';

const Fen = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000_00, description });

/** 开账 The opening cash counted into the till (a day opened by its first record takes what `openingCashFor` says). */
export const dayOpen: RecordHandler<{ openingCashFen: number }> = {
  type: 'day.open',
  schema: Type.Object({ openingCashFen: Fen('备用金 the cash in the till at opening, fen') }),
  service: null,
  async apply(trx, c, input) {
    const day = await trx.selectFrom('stations_days').select(['opened_explicitly']).where('site_id', '=', c.site.id).where('day', '=', c.day).executeTakeFirstOrThrow();
    if (day.opened_explicitly === 1) throw refusal('DAY_ALREADY_OPEN', '今天已经开过账了');
    await trx.updateTable('stations_days').set({ opening_cash_fen: input.openingCashFen, opened_explicitly: 1, opening_carried: 0 }).where('site_id', '=', c.site.id).where('day', '=', c.day).execute();
    return { amountFen: 0, feeFen: 0, cashInFen: 0, cashOutFen: 0, details: { openingCashFen: input.openingCashFen }, summary: `开账 · 备用金 ${yuan(input.openingCashFen)}` };
  },
};

/**
 * 日结 The day's cash counted against what the records say; closed once, nothing more is recorded for it. The day is
 * the record's (its `at`), so a day left open can be closed later; the next day's opening carried from it becomes
 * the count.
 */
export const dayClose: RecordHandler<{ countedCashFen: number; expectedCashFen: number; reason?: string }> = {
  type: 'day.close',
  schema: Type.Object({
    countedCashFen: Fen('实点现金 the cash counted in the till'),
    expectedCashFen: Type.Integer({ minimum: -100_000_000_00, maximum: 100_000_000_00, description: '应有现金 what the phone computed (opening + in − out)' }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '差异原因 why counted ≠ expected (at least 4 characters then)' })),
  }),
  service: null,
  async apply(trx, c, input) {
    const day = normaliseDay(await trx.selectFrom('stations_days').selectAll().where('site_id', '=', c.site.id).where('day', '=', c.day).executeTakeFirstOrThrow());
    const figures = await dayFigures(trx, c.site.id, c.day, day.opening_cash_fen);
    const decision = closeDecision(input, figures.expectedCashFen);
    if (!decision.ok) throw refusal(decision.code, decision.message, decision.details);
    const now = c.clock.now().toISOString();
    const closedBy = c.ctx.principal?.displayName ?? '';
    await trx
      .updateTable('stations_days')
      .set({ status: 'closed', counted_cash_fen: input.countedCashFen, expected_cash_fen: figures.expectedCashFen, difference_fen: decision.differenceFen, reason: decision.reason, closed_at: now, closed_by_name: closedBy })
      .where('site_id', '=', c.site.id)
      .where('day', '=', c.day)
      .execute();
    await settleCarriedOpening(trx, c.site.id, c.day, input.countedCashFen);
    await c.core.events.publish(trx, DayClosed, `${c.site.id}:${c.day}`, {
      siteId: c.site.id,
      townshipCode: c.site.townshipCode,
      villageCode: c.site.villageCode,
      day: c.day,
      openingCashFen: figures.openingCashFen,
      cashInFen: figures.cashInFen,
      cashOutFen: figures.cashOutFen,
      expectedCashFen: figures.expectedCashFen,
      countedCashFen: input.countedCashFen,
      differenceFen: decision.differenceFen,
      reason: decision.reason,
      services: figures.services,
    });
    const details = { openingCashFen: figures.openingCashFen, cashInFen: figures.cashInFen, cashOutFen: figures.cashOutFen, expectedCashFen: figures.expectedCashFen, countedCashFen: input.countedCashFen, differenceFen: decision.differenceFen, reason: decision.reason, services: figures.services };
    const diff = decision.differenceFen === 0 ? '' : ` · 差额 ${yuan(decision.differenceFen)}`;
    return { amountFen: 0, feeFen: 0, cashInFen: 0, cashOutFen: 0, details, summary: `日结 · 应有 ${yuan(figures.expectedCashFen)} · 实点 ${yuan(input.countedCashFen)}${diff}` };
  },
};

const UNVOIDABLE = new Set(['day.open', 'day.close', 'record.void']);

/** 撤销 A mistaken record withdrawn the same day: its cash leaves the till's sums, its stock moves are taken back. */
export const recordVoid: RecordHandler<{ targetClientId: string; reason: string }> = {
  type: 'record.void',
  schema: Type.Object({
    targetClientId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'the clientId of the record to void (this site, this day)' }),
    reason: Type.String({ minLength: 2, maxLength: 200, description: '撤销原因' }),
  }),
  service: null,
  async apply(trx, c, input) {
    const target = await c.clientRef('*', input.targetClientId);
    if (!target) throw refusal('UNKNOWN_REFERENCE', '要撤销的记录不存在（可能尚未上传）');
    if (UNVOIDABLE.has(target.type)) throw refusal('NOT_VOIDABLE', '开账、日结和撤销记录不能撤销');
    if (target.voided_by) throw refusal('ALREADY_VOIDED', '这条记录已经撤销过了');
    if (target.day !== c.day) throw refusal('VOID_OTHER_DAY', '只能撤销当天的记录');
    await c.stock.reverse(trx, target.id, c.recordId);
    // A record its provider refused no longer counts (provider-refusal.ts): the void takes back its cash only.
    const counted = (await c.core.handlerOf(target.type)?.onVoid?.(trx, c, target)) !== 'uncounted';
    await trx.updateTable('stations_records').set({ voided_by: c.recordId, void_reason: input.reason }).where('id', '=', target.id).execute();
    if (counted) await tallyRecord(trx, target, -1);
    if (target.service && counted) {
      await c.core.events.publish(trx, ServiceVoided, target.id, {
        recordId: target.id,
        voidRecordId: c.recordId,
        siteId: target.site_id,
        townshipCode: target.township_code,
        villageCode: target.village_code,
        day: target.day,
        service: target.service as ServiceKind,
        amountFen: Number(target.amount_fen),
        feeFen: Number(target.fee_fen),
        customerId: target.customer_id,
        poor: target.poor === 1,
      });
    }
    return {
      amountFen: 0,
      feeFen: 0,
      cashInFen: 0,
      cashOutFen: 0,
      details: { targetRecordId: target.id, targetClientId: target.client_id, targetSummary: target.summary, reason: input.reason },
      summary: `撤销 · ${target.summary}`,
    };
  },
};

export const TILL_HANDLERS = [dayOpen, dayClose, recordVoid];
