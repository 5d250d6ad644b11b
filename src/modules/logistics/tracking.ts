import { recordAudit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import type { RevisionedMap } from '../../kernel/read-cache.js';
import type { Sealer } from '../../kernel/sealed.js';
import { AppError } from '../../kernel/errors.js';
import { escapeHtml as escape } from '../../kernel/html.js';
import { maskName, maskPhone } from '../../kernel/mask.js';
import { GuessCounters } from './guess-counters.js';
import { ADDRESS_RULE, secondsLeft, WAYBILL_RULE } from './guess-rule.js';
import { eventCode, toKuaidi100 } from './kuaidi100.js';
import { carrierName, type EventRow, type ParcelRow, type ScanType } from './logistics.tables.js';
import type { LogisticsRepository } from './logistics.repository.js';
import type { LogisticsPlaces } from './ports.js';
import { purgeSmsCounters } from './sms-limits.js';

/** What each scan means to the person waiting for the parcel, in Chinese and English. */
const WORDS: Record<ScanType, [string, string]> = {
  received_county: ['已到达县仓配中心', 'Arrived at the county warehouse'],
  sorted: ['已分拣，等待发往乡镇', 'Sorted for its township'],
  loaded: ['已装车发出', 'On its way'],
  arrived_township: ['已到达乡镇中转站', 'Arrived at the township transfer station'],
  arrived_village: ['已到达村级服务点，可凭取件码领取', 'At the village point, ready to collect'],
  notified: ['已短信通知收件人取件', 'Recipient told by SMS'],
  picked_up: ['已签收（服务点代收后本人领取）', 'Collected'],
  returned: ['已退回', 'Returned'],
  handed_to_carrier: ['已交快递公司发出', 'Handed to the carrier'],
  problem: ['异常，服务点正在处理', 'A problem is being handled'],
  carrier_update: ['快递公司运输中', 'With the carrier'],
};

export interface TrackedEvent {
  at: string;
  type: ScanType;
  text: string;
  textEn: string;
  place: string | null;
}

export interface Tracking {
  waybillNo: string;
  carrier: string | null;
  carrierName: string | null;
  recipient: string;
  phone: string;
  status: ParcelRow['status'];
  statusText: string;
  point: string | null;
  events: TrackedEvent[];
}

/** Each event's code in a Kuaidi100 answer, kept beside it (not in the public JSON). */
const codes = new WeakMap<TrackedEvent, number>();

/** Answers kept at once; past this the cache starts again (a crawler must not fill the memory). */
const MAX_ANSWERS = 20_000;

/**
 * Public tracking: the waybill number and the last four digits of the recipient's phone give the timeline,
 * with names and phones masked and no address.
 */
export class TrackingService {
  /** Recent answers by waybill and phone digits, with the logistics revision they were read at. */
  private readonly answers: RevisionedMap<Tracking>;
  /** Each cached answer written out as JSON once. */
  private readonly bodies = new WeakMap<Tracking, string>();
  private readonly counters: GuessCounters;
  /** Locks this process has made or read (key → end, epoch ms), so a kept answer is not given past them. */
  private readonly locks = new Map<string, number>();

  /** `answerTtlMs`: how long an answer is reused, at most; a logistics write in any process drops it once committed. */
  constructor(
    private readonly repo: LogisticsRepository,
    private readonly places: LogisticsPlaces,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    answerTtlMs = 5_000,
  ) {
    this.counters = new GuessCounters(repo.db);
    this.answers = repo.cache<Tracking>({ max: MAX_ANSWERS, ttlMs: answerTtlMs, clock });
  }

  /**
   * Four digits leave 10 000 guesses, so misses are counted per address and per waybill (guess-rule.ts): an address
   * or a waybill over its limit is refused for a while, found or not, so guessing cannot tell it when it is right.
   * Every process reads the same counts and locks from the database (with the parcel, in the same statement); each
   * lock is audited (no digits in it). A kept answer (found with the right digits in the last few seconds) is given
   * again unless this process knows of a lock; another process's new lock reaches it when the answer expires.
   */
  async lookup(waybillNo: string, phoneLast4: string, ctx: RequestContext): Promise<Tracking> {
    const now = this.clock.now();
    const at = now.getTime();
    const keys: [string, string] = [`ip:${ctx.ip}`, `waybill:${waybillNo}`];
    const known = Math.max(...keys.map((k) => this.locks.get(k) ?? 0));
    if (known > at) throw tooMany(Math.ceil((known - at) / 1000));

    const key = `${waybillNo}\n${phoneLast4}`;
    // Revision first: the answer read after it is at least as new.
    const revision = await this.answers.revision.read();
    const kept = this.answers.get(key, revision);
    if (kept) return kept;
    const found = await this.read(waybillNo, phoneLast4, keys, now);
    if (typeof found === 'number') {
      // Locked by another process: the answer kept here for these digits goes too.
      this.answers.delete(key);
      throw tooMany(found);
    }
    if (found === 'missed') {
      const wait = await this.counters.lockedFor(keys, now);
      if (wait > 0) throw tooMany(wait);
      await this.countMiss(ctx, keys, now);
      throw new AppError(404, 'NOT_FOUND', 'No parcel with this waybill number and phone');
    }
    this.answers.set(key, revision, found);
    return found;
  }

  /** Counts a miss on the address and the waybill; a lock it causes is remembered here and audited. */
  private async countMiss(ctx: RequestContext, keys: [string, string], now: Date): Promise<void> {
    for (const lock of await this.counters.miss([[keys[0], ADDRESS_RULE], [keys[1], WAYBILL_RULE]], now)) {
      this.remember(lock.key, lock.counter.locked_until);
      const by = lock.key.startsWith('ip:') ? 'address' : 'waybill';
      const rule = by === 'address' ? ADDRESS_RULE : WAYBILL_RULE;
      await recordAudit(this.repo.db, ctx, { action: 'logistics.track.locked', entityType: by, entityId: lock.key.slice(lock.key.indexOf(':') + 1), details: { by, misses: rule.limit, strike: lock.counter.strikes, lockedUntil: lock.counter.locked_until, retryAfterSeconds: lock.retryAfterSeconds } }, now);
    }
  }

  private remember(key: string, lockedUntil: string | null) {
    if (!lockedUntil) return;
    if (this.locks.size >= MAX_ANSWERS) this.locks.clear();
    this.locks.set(key, Date.parse(lockedUntil));
  }

  /** The answer as the JSON the API sends (the route's schema documents it); written once while it is cached. */
  json(tracking: Tracking): string {
    let body = this.bodies.get(tracking);
    if (body === undefined) this.bodies.set(tracking, (body = JSON.stringify(tracking)));
    return body;
  }

  /**
   * The timeline, read with any lock on the address or the waybill in the same statement: 'missed' when no parcel
   * matches, the seconds left when one does but a lock runs.
   */
  private async read(waybillNo: string, phoneLast4: string, keys: string[], now: Date): Promise<Tracking | 'missed' | number> {
    const row = await this.repo.db
      .selectFrom('logistics_parcels')
      .selectAll()
      .select((eb) => eb.selectFrom('logistics_guess_counters').select((c) => c.fn.max('locked_until').as('until')).where('key', 'in', keys).where('locked_until', '>', now.toISOString()).as('locked_until'))
      .where('waybill_no', '=', waybillNo)
      .where('phone_last4', '=', phoneLast4)
      .executeTakeFirst();
    if (!row) return 'missed';
    if (row.locked_until) return secondsLeft(row.locked_until, now);
    const events = await this.repo.db.selectFrom('logistics_events').selectAll().where('parcel_id', '=', row.id).where('flagged', '=', 0).orderBy('at', 'desc').orderBy('recorded_at', 'desc').orderBy('event_id', 'desc').execute();
    const book = await this.places.placeBook();
    const point = row.point_site_id ? (book.siteName.get(row.point_site_id) ?? null) : null;
    const describe = (e: EventRow): TrackedEvent => {
      const [text, textEn] = WORDS[e.type];
      const place = e.site_id ? (book.siteName.get(e.site_id) ?? null) : null;
      // A carrier's own scan says where it was in its own words; ours say what happened here.
      const event: TrackedEvent = { at: e.at, type: e.type, text: e.type === 'carrier_update' && e.note ? e.note : text, textEn, place };
      codes.set(event, eventCode(e.type, e.event_id));
      return event;
    };
    const statusWords = row.status in WORDS ? WORDS[row.status as ScanType] : row.direction === 'down' ? ['快递公司已发出，尚未到县', 'With the carrier, not yet in the county'] : ['服务点已收件', 'Handed in at the village point'];
    return {
      waybillNo,
      carrier: row.carrier,
      carrierName: row.carrier ? carrierName(row.carrier) : null,
      recipient: maskName(row.recipient_name),
      phone: maskPhone(this.sealer.open(row.recipient_phone)) ?? '',
      status: row.status,
      statusText: statusWords[0],
      point,
      events: events.map(describe),
    };
  }

  /** Drops guess counters that no longer matter (housekeeping). */
  async purgeMisses(): Promise<void> {
    const now = this.clock.now();
    for (const [key, until] of this.locks) if (until <= now.getTime()) this.locks.delete(key);
    await this.counters.purge(now);
    await purgeSmsCounters(this.repo.db, now);
  }

  /** The same timeline in the shape of a Kuaidi100 query answer, for systems that speak it. */
  kuaidi100(t: Tracking) {
    const code = (e: TrackedEvent) => codes.get(e) ?? eventCode(e.type, '');
    // The answer's state is its newest event's, so the two never disagree; with no events yet, the parcel's.
    const state = t.events.length ? code(t.events[0]) : (toKuaidi100(t.status).subState ?? toKuaidi100(t.status).state);
    const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    return {
      message: 'ok',
      nu: t.waybillNo,
      com: t.carrier ?? '',
      ischeck: t.status === 'picked_up' ? '1' : '0',
      state: String(state),
      data: t.events.map((e) => ({ time: local(e.at), ftime: local(e.at), context: e.place ? `【${e.place}】${e.text}` : e.text, status: String(code(e)) })),
    };
  }
}

/** 429 with the wait in seconds (the kernel sends it as Retry-After). */
function tooMany(seconds: number): AppError {
  return new AppError(429, 'TOO_MANY_LOOKUPS', `Too many lookups that found nothing for this waybill or from this address; try again in ${Math.ceil(seconds / 60)} minutes`, { retryAfterSeconds: seconds });
}

/** "15 分钟" / "2 小时": when to try again, for the page. */
export function waitWords(seconds: number): [string, string] {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return [`${minutes} 分钟`, `${minutes} minutes`];
  const hours = Math.ceil(minutes / 60);
  return [`${hours} 小时`, `${hours} hour${hours > 1 ? 's' : ''}`];
}

const shanghaiTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');

/** The public tracking page: one small HTML document, no script, readable on a slow phone. */
export function trackingPage(county: string, query: { waybillNo?: string; phoneLast4?: string }, result: Tracking | { error: string } | null): string {
  const form = `<form method="get" action="/track"><label>运单号 Waybill<input name="waybillNo" inputmode="text" autocomplete="off" required pattern="[A-Za-z0-9-]{6,32}" value="${escape(query.waybillNo ?? '')}"></label><label>收件人手机后四位 Last 4 digits of the phone<input name="phoneLast4" inputmode="numeric" required pattern="\\d{4}" maxlength="4" value="${escape(query.phoneLast4 ?? '')}"></label><button type="submit">查询 Track</button></form>`;
  let body = '';
  if (result && 'error' in result) body = `<p class="err">${escape(result.error)}</p>`;
  else if (result) {
    const items = result.events.map((e, i) => `<li${i === 0 ? ' class="now"' : ''}><time>${shanghaiTime(e.at)}</time><b>${escape(e.text)}</b>${e.place ? `<span>${escape(e.place)}</span>` : ''}<small>${escape(e.textEn)}</small></li>`).join('');
    body = `<section><h2>${escape(result.statusText)}</h2><p>${escape(result.carrierName ?? '')} ${escape(result.waybillNo)} · 收件人 ${escape(result.recipient)} ${escape(result.phone)}${result.point ? ` · 取件点 ${escape(result.point)}` : ''}</p><ol>${items || '<li>暂无物流信息 No scans yet</li>'}</ol></section>`;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>包裹查询 · ${escape(county)}</title><style>
body{margin:0;font:15px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f5f5}
header{background:#1677ff;color:#fff;padding:12px 16px}header h1{margin:0;font-size:18px}header p{margin:0;opacity:.85;font-size:13px}
main{max-width:560px;margin:0 auto;padding:12px}form,section{background:#fff;border-radius:8px;padding:12px 16px;margin-bottom:12px}
label{display:block;margin-bottom:8px;font-size:13px;color:#595959}input{display:block;width:100%;box-sizing:border-box;font-size:16px;padding:8px;border:1px solid #d9d9d9;border-radius:6px;margin-top:4px}
button{width:100%;font-size:16px;padding:10px;border:0;border-radius:6px;background:#1677ff;color:#fff}
h2{margin:0 0 4px;font-size:17px}section>p{margin:0 0 12px;color:#595959;font-size:13px}.err{background:#fff2f0;border:1px solid #ffccc7;padding:10px 16px;border-radius:8px}
ol{list-style:none;margin:0;padding:0 0 0 14px;border-left:2px solid #e8e8e8}li{position:relative;padding:0 0 14px 10px}li:before{content:"";position:absolute;left:-21px;top:6px;width:10px;height:10px;border-radius:50%;background:#bfbfbf}
li.now:before{background:#52c41a}time{display:block;font-size:12px;color:#8c8c8c}b{font-weight:500}li span{display:block;font-size:13px;color:#595959}small{display:block;color:#8c8c8c;font-size:12px}
</style></head><body><header><h1>${escape(county)}农村物流 · 包裹查询</h1><p>Parcel tracking · 县—乡—村 48 小时送达</p></header><main>${form}${body}</main></body></html>`;
}
