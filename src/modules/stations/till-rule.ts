import { shanghaiDate } from '../../kernel/clock.js';
import { reasonExplains } from './close-reason.js';

/** How far ahead of the server a device's clock may be before its record is refused CLOCK_AHEAD. */
export const CLOCK_AHEAD_MS = 10 * 60_000;
/** How many days back a record may still be sent (its day is then refused TOO_OLD). */
export const MAX_AGE_DAYS = 31;

/** The day a record made at `at` belongs to: its Shanghai date. */
export const recordDay = (at: string) => shanghaiDate(new Date(at));

const dayNumber = (day: string) => Math.round(new Date(`${day}T00:00:00Z`).getTime() / 86_400_000);

/** Why a record made at `at` may not be taken now, or null. */
export function timeProblem(at: string, now: Date): { code: 'CLOCK_AHEAD' | 'TOO_OLD'; message: string } | null {
  const made = new Date(at).getTime();
  if (made - now.getTime() > CLOCK_AHEAD_MS) return { code: 'CLOCK_AHEAD', message: '记录时间比服务器时间晚十分钟以上，请校准手机时间后重发' };
  if (dayNumber(shanghaiDate(now)) - dayNumber(recordDay(at)) > MAX_AGE_DAYS) return { code: 'TOO_OLD', message: `记录日期早于 ${MAX_AGE_DAYS} 天前，不能再补录` };
  return null;
}

export interface TillLine {
  cashInFen: number;
  cashOutFen: number;
  voided: boolean;
}

/** A day's till: opening + Σ in − Σ out over the records not voided. */
export function tillOf(openingCashFen: number, lines: readonly TillLine[]) {
  let cashInFen = 0;
  let cashOutFen = 0;
  for (const l of lines) {
    if (l.voided) continue;
    cashInFen += l.cashInFen;
    cashOutFen += l.cashOutFen;
  }
  return { openingCashFen, cashInFen, cashOutFen, expectedCashFen: openingCashFen + cashInFen - cashOutFen };
}

export interface CloseInput {
  countedCashFen: number;
  /** What the phone computed. */
  expectedCashFen: number;
  reason?: string;
}

/** Whether a day may close as the phone asks, given what the server expects: the refusal, or the closing figures. */
export function closeDecision(input: CloseInput, serverExpectedFen: number):
  | { ok: false; code: 'DAY_CHANGED' | 'REASON_REQUIRED'; message: string; details: Record<string, unknown> }
  | { ok: true; differenceFen: number; reason: string | null } {
  if (input.expectedCashFen !== serverExpectedFen) {
    return { ok: false, code: 'DAY_CHANGED', message: '当日账目已有变化（另一台设备的记录或撤销），请刷新后重新结账', details: { expectedCashFen: serverExpectedFen } };
  }
  const differenceFen = input.countedCashFen - serverExpectedFen;
  const reason = input.reason?.trim() ?? '';
  if (differenceFen !== 0 && !reasonExplains(reason)) {
    return { ok: false, code: 'REASON_REQUIRED', message: '实点现金与应有现金不符，请填写原因（至少 4 个字）', details: { expectedCashFen: serverExpectedFen, differenceFen } };
  }
  return { ok: true, differenceFen, reason: reason || null };
}
