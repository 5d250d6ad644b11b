/**
 * The rules of a shop's monthly report, pure: which months may be reported, when a report is late, when its figures
 * look implausible, and how an amount written in yuan becomes fen. Messages are Chinese: the county reads them.
 */

export interface Flag {
  code: 'late' | 'jump' | 'drop' | 'no_orders' | 'high_order_value' | 'low_order_value' | 'produce_over_sales';
  message: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (text: string) => MONTH.test(text);

/** The month after `month` ('2026-12' → '2027-01'). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `month` ('2027-01' → '2026-12'). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The calendar month (Asia/Shanghai) of an instant. */
export const shanghaiMonth = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/** Why a month may not be reported now, or null: it must have ended, and the shop must have been open in it. */
export function monthProblem(month: string, now: Date, shop: { openedOn: string; closedOn: string | null }): string | null {
  if (!isMonth(month)) return '月份应写作 YYYY-MM，如 2026-11';
  if (month >= shanghaiMonth(now)) return `${month} 尚未结束，只能填报已结束的月份`;
  if (month < shop.openedOn.slice(0, 7)) return `店铺 ${shop.openedOn} 才开业，不能填报此前的月份`;
  if (shop.closedOn && month > shop.closedOn.slice(0, 7)) return `店铺已于 ${shop.closedOn} 关闭，不能填报此后的月份`;
  return null;
}

/** A report is late when it arrives after the 10th of the following month (Asia/Shanghai). */
export function isLate(month: string, reportedAt: Date): boolean {
  const day = new Date(reportedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return day > `${nextMonth(month)}-10`;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

/** Compared with the median of at least this many of the shop's previous months. */
export const MIN_HISTORY = 3;
export const HISTORY_MONTHS = 6;
const HIGH_ORDER_FEN = 500_000;
const LOW_ORDER_FEN = 100;

/**
 * Why a month's figures look implausible (empty when they do not): sales over 5× or under 1/5 of the median of the
 * shop's previous reported months (the last 6, when there are at least 3) — unless the same month a year before was
 * within the same bounds (a harvest season, not a typo) — sales without orders, an average order
 * over ¥5,000 or under ¥1, produce over sales. A flagged report still counts; the county reviews it.
 */
export function implausibleFlags(figures: { salesFen: number; orders: number; produceFen: number }, previousSalesFen: number[], sameMonthLastYearFen: number | null = null): Flag[] {
  const flags: Flag[] = [];
  const { salesFen, orders, produceFen } = figures;
  const history = previousSalesFen.slice(-HISTORY_MONTHS);
  const mid = history.length >= MIN_HISTORY ? median(history) : null;
  // A harvest month is many times the months before it; when the same month a year ago was as big, it is the season.
  const seasonal = (ratioOk: (lastYear: number) => boolean) => sameMonthLastYearFen !== null && sameMonthLastYearFen > 0 && ratioOk(sameMonthLastYearFen);
  if (mid !== null && mid > 0) {
    if (salesFen > mid * 5 && !seasonal((ly) => salesFen <= ly * 5)) flags.push({ code: 'jump', message: `销售额 ${yuan(salesFen)} 超过前 ${history.length} 个月中位数 ${yuan(mid)} 的 5 倍` });
    else if (salesFen * 5 < mid && !seasonal((ly) => salesFen * 5 >= ly)) flags.push({ code: 'drop', message: `销售额 ${yuan(salesFen)} 不到前 ${history.length} 个月中位数 ${yuan(mid)} 的五分之一` });
  }
  if (orders === 0 && salesFen > 0) flags.push({ code: 'no_orders', message: '有销售额但订单数为 0' });
  if (orders > 0) {
    const average = salesFen / orders;
    if (average > HIGH_ORDER_FEN) flags.push({ code: 'high_order_value', message: `平均每单 ${yuan(Math.round(average))}，超过 ¥5,000` });
    else if (average < LOW_ORDER_FEN) flags.push({ code: 'low_order_value', message: `平均每单 ${yuan(Math.round(average))}，不到 ¥1` });
  }
  if (produceFen > salesFen) flags.push({ code: 'produce_over_sales', message: '农产品销售额大于销售总额' });
  return flags;
}

export const lateFlag = (month: string): Flag => ({ code: 'late', message: `迟报：${month} 的月报应在 ${nextMonth(month)}-10 前报送` });

/** Largest amount a report takes: ¥10 亿 a shop a month. */
export const MAX_FEN = 100_000_000_000;

/**
 * An amount in yuan as people write it ("1234.5", "1,234.56", "¥88") in fen, exactly: the text is parsed as
 * digits, never as a float. Null when it is not an amount of at most two decimals.
 */
export function yuanToFen(text: string): number | null {
  const clean = text.trim().replace(/^[¥￥]/, '').replace(/[,，\s]/g, '');
  const match = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(clean);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/** A month as a spreadsheet holds it: '2026-11', '2026/11', '2026年11月', '2026-11-01', or an Excel date. */
export function monthFromCell(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 7);
  const text = String(value ?? '').trim();
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\s*\d{1,2}\s*日?)?$/.exec(text);
  if (!match) return null;
  const month = `${match[1]}-${match[2].padStart(2, '0')}`;
  return isMonth(month) ? month : null;
}
