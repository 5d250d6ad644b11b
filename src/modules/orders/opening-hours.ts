/**
 * How long a cash-at-the-village-point order waits for its cash: until the point closes on the first opening day
 * that begins after the order is placed, so the villager always has one whole opening day to come by (ordered at
 * 10:00 on an open day → the next opening day's closing time; ordered at 6:00 before opening → tonight's closing).
 * The point's hours are free text kept by the network ("每天 8:00–20:00", "周一至周六 08:30-18:00"); what cannot be read
 * falls back to every day 08:00–20:00 and says so (`assumed`). Times are the county's (Asia/Shanghai, UTC+8, no DST).
 */
export interface OpeningHours {
  /** Days open, 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Minutes after midnight. */
  opensAt: number;
  closesAt: number;
  /** True when the text could not be read and the default was taken. */
  assumed: boolean;
}

export const DEFAULT_HOURS: OpeningHours = { days: [0, 1, 2, 3, 4, 5, 6], opensAt: 8 * 60, closesAt: 20 * 60, assumed: true };

const SHANGHAI_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
const WEEKDAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** "周一至周六", "周一到周五", "星期一～星期日", "工作日", "周末", "每天"; null when no days are named (every day). */
function readDays(text: string): number[] | null {
  if (/工作日/.test(text)) return [1, 2, 3, 4, 5];
  if (/(周末|双休日)/.test(text) && !/(周|星期)[一二三四五六日天]/.test(text)) return [0, 6];
  const range = /(?:周|星期|礼拜)([一二三四五六日天])\s*(?:至|到|~|～|-|—|–)\s*(?:周|星期|礼拜)?([一二三四五六日天])/.exec(text);
  if (range) {
    const from = WEEKDAY[range[1]];
    const to = WEEKDAY[range[2]];
    const days: number[] = [];
    // Monday-first week: 周一至周日 is every day, 周六至周日 the weekend.
    const mondayFirst = (d: number) => (d + 6) % 7;
    for (let d = mondayFirst(from); ; d = (d + 1) % 7) {
      days.push((d + 1) % 7);
      if (d === mondayFirst(to) || days.length === 7) break;
    }
    return days.sort();
  }
  const single = [...text.matchAll(/(?:周|星期|礼拜)([一二三四五六日天])/g)].map((m) => WEEKDAY[m[1]]);
  return single.length ? [...new Set(single)].sort() : null;
}

/** Minutes of "8:00", "08:30", "8点", "8点半", "下午6点", "晚上8:00"; null when it is no time of day. */
function readTime(hour: string, minute: string | undefined, half: string | undefined, before: string): number | null {
  let h = Number(hour);
  const m = half ? 30 : Number(minute ?? 0);
  if (/(下午|晚上|傍晚|晚)$/.test(before) && h < 12) h += 12;
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

const TIME = /(上午|早上|中午|下午|晚上|傍晚|晚)?\s*(\d{1,2})(?:\s*[:：点時时]\s*(\d{2})|\s*点\s*(半)|\s*[点时])?/;
const RANGE = new RegExp(`${TIME.source}\\s*(?:至|到|~|～|-|—|–|－)\\s*${TIME.source}`, 'g');

/** Reads a point's opening hours; the default (every day 08:00–20:00, `assumed`) when there is nothing to read. */
export function parseOpeningHours(text: string | null | undefined): OpeningHours {
  const t = (text ?? '').trim();
  if (!t) return DEFAULT_HOURS;
  const days = readDays(t) ?? ALL_DAYS;
  if (/(全天|24\s*小时|24h)/i.test(t)) return { days, opensAt: 0, closesAt: 24 * 60, assumed: false };
  const periods: [number, number][] = [];
  for (const m of t.matchAll(RANGE)) {
    const opens = readTime(m[2], m[3], m[4], m[1] ?? '');
    const closes = readTime(m[6], m[7], m[8], m[5] ?? '');
    if (opens === null || closes === null) continue;
    // "8:00-8" or "9-6": a closing hour read as before opening is in the afternoon.
    const close = closes <= opens && closes + 12 * 60 <= 24 * 60 && closes + 12 * 60 > opens ? closes + 12 * 60 : closes;
    if (close > opens) periods.push([opens, close]);
  }
  if (periods.length === 0) return DEFAULT_HOURS;
  // Split days ("8:30-12:00, 14:00-18:00") count from the first opening to the last closing.
  return { days, opensAt: Math.min(...periods.map((p) => p[0])), closesAt: Math.max(...periods.map((p) => p[1])), assumed: false };
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const DAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

/** The hours as a person reads them: "每天 08:00–20:00", "周一至周五 09:00–18:00". */
export function describeHours(hours: OpeningHours): string {
  const mondayFirst = [...hours.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const consecutive = mondayFirst.every((d, i) => i === 0 || (mondayFirst[i - 1] + 1) % 7 === d);
  const days =
    hours.days.length === 7 ? '每天' : consecutive && mondayFirst.length > 1 ? `周${DAY_NAMES[mondayFirst[0]]}至周${DAY_NAMES[mondayFirst[mondayFirst.length - 1]]}` : mondayFirst.map((d) => `周${DAY_NAMES[d]}`).join('、');
  return `${days} ${hhmm(hours.opensAt)}–${hhmm(hours.closesAt)}`;
}

/**
 * When a cash order placed at `placedAt` stops waiting: the closing time of the first opening day whose opening is
 * after `placedAt`. A point open no day at all (an empty day list) never happens: parsing gives every day then.
 */
export function cashDeadline(placedAt: Date, hours: OpeningHours): Date {
  const local = placedAt.getTime() + SHANGHAI_MS;
  const midnight = Math.floor(local / DAY_MS) * DAY_MS;
  for (let day = 0; day <= 7; day++) {
    const start = midnight + day * DAY_MS;
    const weekday = new Date(start).getUTCDay();
    if (!hours.days.includes(weekday)) continue;
    if (start + hours.opensAt * 60_000 <= local) continue;
    return new Date(start + hours.closesAt * 60_000 - SHANGHAI_MS);
  }
  return new Date(midnight + 8 * DAY_MS + hours.closesAt * 60_000 - SHANGHAI_MS);
}
