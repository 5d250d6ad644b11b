/**
 * How a training milestone of the plan is judged (pure). A milestone is cumulative since the programme's start:
 * "3 500 person-times by 2019-12-31" counts every person-time up to and including its due date (Asia/Shanghai).
 *
 * - Past its due date: what was counted by the due date decides, 达标 (met) or 未达标 (missed).
 * - Not yet due: what is counted so far; reached already (已达标), or a projection to the due date from the pace of
 *   the last 90 days — the person-times counted in the 90 days ending today (or since the first person-time when the
 *   programme is younger than that) divided by those days, times the days from tomorrow to the due date, added to
 *   what is counted — and `behind` with the shortfall when the projection falls short of the target.
 */

export const PACE_DAYS = 90;

export type MilestoneStatus = 'met' | 'missed' | 'reached' | 'on_track' | 'behind';
export const MILESTONE_VERDICTS: Record<MilestoneStatus, string> = { met: '达标', missed: '未达标', reached: '已达标', on_track: '进度正常', behind: '进度落后' };

export interface MilestoneFacts {
  /** Today, YYYY-MM-DD in Asia/Shanghai. */
  today: string;
  /** Counted with a Shanghai date on or before the due date. */
  countedByDue: number;
  /** Counted up to today. */
  countedNow: number;
  /** Counted in the pace window (`paceDays` days ending today). */
  paceCount: number;
  /** The pace window's length in days (≤ 90; shorter when the programme is younger). */
  paceDays: number;
}

export interface MilestoneJudgement {
  status: MilestoneStatus;
  verdict: string;
  /** What the verdict reads: counted by the due date once past, counted so far before. */
  counted: number;
  /** Days from today to the due date (0 once due or past). */
  daysLeft: number;
  /** Before the due date and not yet reached: counted + pace × daysLeft, rounded down. Else null. */
  projection: number | null;
  behind: boolean;
  /** target − counted once past, target − projection when behind; else 0. */
  shortfall: number;
}

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function judgeMilestone(target: number, due: string, facts: MilestoneFacts): MilestoneJudgement {
  if (facts.today > due) {
    const met = facts.countedByDue >= target;
    const status = met ? 'met' : 'missed';
    return { status, verdict: MILESTONE_VERDICTS[status], counted: facts.countedByDue, daysLeft: 0, projection: null, behind: !met, shortfall: met ? 0 : target - facts.countedByDue };
  }
  const daysLeft = daysBetween(facts.today, due);
  if (facts.countedNow >= target) return { status: 'reached', verdict: MILESTONE_VERDICTS.reached, counted: facts.countedNow, daysLeft, projection: null, behind: false, shortfall: 0 };
  const projection = facts.countedNow + (facts.paceDays > 0 ? Math.floor((facts.paceCount * daysLeft) / facts.paceDays) : 0);
  const behind = projection < target;
  const status = behind ? 'behind' : 'on_track';
  return { status, verdict: MILESTONE_VERDICTS[status], counted: facts.countedNow, daysLeft, projection, behind, shortfall: behind ? target - projection : 0 };
}
