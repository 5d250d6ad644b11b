/**
 * The till as the phone reckons it (pure, tested in stationQueue.test.ts): what a record moves in cash, today's
 * totals as the server last gave them plus what still waits on the phone, and the ids a record is made with.
 * The server's own rule decides (till-rule.ts); this is only what the operator sees before it has answered.
 */
import type { DayView, FarmInputView, RecordInput, RecordView } from '../../../api/station-phone.js';
import type { QueuedRecord, TillCash } from './stationQueue.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';

export { yuanTextToFen } from '../../players/money.js';

const NONE: TillCash = { inFen: 0, outFen: 0 };

const fen = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);

/**
 * The cash a record moves, as the contract's table says: deposits, hand-overs, cash bills and tickets and farm-input
 * sales come in; refunds, withdrawals, cash purchases and consignment payouts go out. A purchase's total is known only
 * once graded (the server's grading rule), so a queued one counts nothing until the server answers; a void reverses
 * the record it names (`target`, when the phone knows it).
 */
export function cashOf(record: RecordInput, context: { farmInputs?: readonly FarmInputView[]; target?: TillCash } = {}): TillCash {
  const r = record as Record<string, unknown>;
  switch (record.type) {
    case 'proxy_buy.request':
      return { inFen: fen(r.depositFen), outFen: 0 };
    case 'proxy_buy.handover':
      return { inFen: fen(r.collectedFen), outFen: 0 };
    case 'proxy_buy.cancel':
      return { inFen: 0, outFen: fen(r.refundFen) };
    case 'bill.pay':
    case 'ticket.book':
      return r.paidBy === 'cash' ? { inFen: fen(r.amountFen) + fen(r.feeFen), outFen: 0 } : NONE;
    case 'cash.withdraw':
      return { inFen: 0, outFen: fen(r.amountFen) };
    case 'consignment.payout':
      return { inFen: 0, outFen: fen(r.amountFen) };
    case 'farm_input.sale': {
      const input = context.farmInputs?.find((i) => i.id === r.inputId);
      return { inFen: input ? input.priceFen * fen(r.quantity) : 0, outFen: 0 };
    }
    case 'record.void':
      return context.target ? { inFen: context.target.outFen, outFen: context.target.inFen } : NONE;
    default:
      return NONE;
  }
}

/** A stored record's cash, for a void of it. */
export const cashOfView = (view: Pick<RecordView, 'cashInFen' | 'cashOutFen'>): TillCash => ({ inFen: view.cashInFen, outFen: view.cashOutFen });

export interface TillTotals {
  day: string;
  /** open: records are being made; closed: the server (or a queued 日结) closed it; none: nothing recorded yet. */
  status: 'none' | 'open' | 'closed';
  /** 开账 was recorded (on the server or on the phone): the opening cash is the operator's count. */
  opened: boolean;
  openingFen: number;
  inFen: number;
  outFen: number;
  expectedFen: number;
  /** Records of the day still on the phone. */
  queued: number;
  /** The server's expected cash, for a close checked against it (DAY_CHANGED when they differ). */
  serverExpectedFen: number;
}

/** 12月6日 for 2026-12-06, in the page's language. */
export const dayName = (t: Translate, day: string) => t('station.till.dayName', { month: Number(day.slice(5, 7)), date: Number(day.slice(8, 10)) });

/** A close of an earlier day is made at 23:59 Shanghai time of that day (the server files a record under its time's day). */
export const closingTimeOf = (day: string) => new Date(`${day}T23:59:00+08:00`).toISOString();

/** The Shanghai date (YYYY-MM-DD) of an ISO time, as the server counts a record's day. */
export const shanghaiDayOf = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/**
 * Today's till: the server's day (from the desk) plus the records of this site and day still on the phone. The
 * server opens a day by its first record with the previous day's counted cash (its expected cash if left open); a 开账 sets the opening cash; a queued
 * 日结 closes the day on the phone. `serverRecords` are the day's records the server listed (to tell whether anything
 * was recorded and whether 开账 was).
 */
export function tillTotals(serverDay: DayView | null | undefined, pending: readonly QueuedRecord[], siteId: string, day: string, serverRecords: readonly Pick<RecordView, 'type'>[] = []): TillTotals {
  const server = serverDay && serverDay.day === day ? serverDay : null;
  const mine = pending.filter((q) => q.siteId === siteId && shanghaiDayOf(q.record.at) === day);
  let openingFen = server?.openingCashFen ?? 0;
  let status: TillTotals['status'] = server?.status === 'closed' ? 'closed' : serverRecords.length > 0 ? 'open' : 'none';
  let opened = serverRecords.some((r) => r.type === 'day.open');
  let inFen = server?.cashInFen ?? 0;
  let outFen = server?.cashOutFen ?? 0;
  for (const q of mine) {
    if (q.record.type === 'day.open') {
      openingFen = fen((q.record as Record<string, unknown>).openingCashFen);
      opened = true;
    }
    if (q.record.type === 'day.close') status = 'closed';
    else if (status === 'none') status = 'open';
    inFen += q.cash.inFen;
    outFen += q.cash.outFen;
  }
  const serverExpectedFen = server ? server.openingCashFen + server.cashInFen - server.cashOutFen : 0;
  return { day, status, opened, openingFen, inFen, outFen, expectedFen: openingFen + inFen - outFen, queued: mine.length, serverExpectedFen };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Random bytes as base64url without padding (crypto.getRandomValues works on plain http too, unlike randomUUID). */
export function randomBase64url(bytes: number): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      out += BASE64URL[(value >> (bits - 6)) & 63];
      bits -= 6;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE64URL[(value << (6 - bits)) & 63];
  return out;
}

/** A record's clientId, made on the device: `st-` and 96 random bits (19 characters of [A-Za-z0-9_-]). */
export const newClientId = () => `st-${randomBase64url(12)}`;

/** A receipt's code: 128 random bits as 22 base64url characters; the receipt's QR points to /r/<code>. */
export const newReceiptCode = () => randomBase64url(16);

/** ¥1,234.50 from fen, exactly (integer arithmetic, no float rounding). */
export function yuan(fenValue: number): string {
  const sign = fenValue < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fenValue));
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Grams as the scale shows them: 12.35 kg (3 decimals dropped when zero). */
export function kg(grams: number): string {
  const whole = Math.floor(Math.abs(grams) / 1000);
  const rest = String(Math.abs(grams) % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${grams < 0 ? '-' : ''}${whole}${rest ? `.${rest}` : ''} kg`;
}

/** Kilograms typed as text ("12.35") to whole grams, exactly; null when it is not a weight. */
export function kgTextToGrams(text: string | undefined): number | null {
  const clean = (text ?? '').trim();
  const match = /^(\d{1,6})(?:\.(\d{0,3}))?$/.exec(clean);
  if (!match) return null;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}
