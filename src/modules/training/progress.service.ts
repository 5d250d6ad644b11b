import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { forbidden, invalidField } from '../../kernel/errors.js';
import type { FollowUpRepository, PersonTimeFact, PersonTimeWhere } from './follow-up.repository.js';
import type { TrainingTargets } from './follow-up.ports.js';
import type { TrainingPlaces } from './ports.js';
import { addDays, daysBetween, judgeMilestone, PACE_DAYS } from './progress.rules.js';
import type { MilestoneView, ProgressFilter, ProgressView } from './progress.schema.js';
import { TRACK_LABELS, TRACKS } from './training.tables.js';

/** Who reads progress: the county, regulators, township operators (their township), trainers (their organisers'). */
export const PROGRESS_READERS = ['county_admin', 'regulator', 'township_operator', 'trainer'] as const;

const PACE_METHOD = `按最近${PACE_DAYS}天（培训开始不足${PACE_DAYS}天时按开始以来）的日均人次推算到截止日 The pace of the last ${PACE_DAYS} days (or since the first person-time, when sooner), per day, times the days left, added to what is counted`;

interface Tally {
  personTimes: number;
  poor: number;
}
const tally = (): Tally => ({ personTimes: 0, poor: 0 });
const add = (t: Tally, f: PersonTimeFact) => {
  t.personTimes += 1;
  t.poor += f.poor;
};

/** 培训进度: person-times against the plan's dated targets, from training's own person-time rows. */
export class ProgressService {
  constructor(
    private readonly repo: FollowUpRepository,
    private readonly places: TrainingPlaces,
    private readonly targets: TrainingTargets,
    private readonly clock: Clock,
  ) {}

  /** The person-times a caller may count, and whether they are the whole county's. */
  private async sight(ctx: RequestContext, filter: ProgressFilter): Promise<{ where: PersonTimeWhere; whole: boolean }> {
    const principal = requireRole(ctx, ...PROGRESS_READERS);
    const where: PersonTimeWhere = { track: filter.track };
    if (hasRole(ctx, 'county_admin', 'regulator')) {
      where.township = filter.township;
      if (filter.organiser) where.organisers = [filter.organiser];
    } else if (hasRole(ctx, 'township_operator') && principal.scope.kind === 'township') {
      if (filter.township && filter.township !== principal.scope.id) throw forbidden('乡镇只能查看本乡镇的培训进度 A township reads its own progress');
      where.township = principal.scope.id;
      if (filter.organiser) where.organisers = [filter.organiser];
    } else if (hasRole(ctx, 'trainer')) {
      const mine = await this.repo.organisersOf(principal.userId);
      if (filter.organiser && !mine.includes(filter.organiser)) throw forbidden('培训老师只能查看所属培训单位的进度 A trainer reads its organisers’ share');
      where.organisers = filter.organiser ? [filter.organiser] : mine;
      where.township = filter.township;
    } else throw forbidden('无权查看培训进度 You may not read training progress');
    const whole = !where.township && !where.organisers && !where.track;
    return { where, whole };
  }

  async progress(ctx: RequestContext, filter: ProgressFilter): Promise<ProgressView> {
    if (filter.from && filter.to && filter.from > filter.to) throw invalidField('querystring.to', '截止日期不能早于开始日期 must not be before from');
    const { where, whole } = await this.sight(ctx, filter);
    const today = shanghaiDate(this.clock.now());
    const [facts, book, organisers, targets] = await Promise.all([this.repo.personTimes(where), this.places.placeBook(), this.repo.organiserNames(), this.targets.trainingTargets()]);
    const dated = facts.map((f) => ({ f, day: shanghaiDate(new Date(f.counted_at)) }));
    const from = filter.from ?? null;
    const to = filter.to ?? null;
    const inRange = dated.filter(({ day }) => (!from || day >= from) && (!to || day <= to));
    const upTo = dated.filter(({ day }) => !to || day <= to);

    const totals = (rows: typeof dated) => ({
      personTimes: rows.length,
      poor: rows.reduce((n, r) => n + r.f.poor, 0),
      women: rows.reduce((n, r) => n + r.f.woman, 0),
      trainees: new Set(rows.map((r) => r.f.trainee_id)).size,
    });

    const by = <K>(key: (f: PersonTimeFact) => K) => {
      const m = new Map<K, Tally>();
      for (const { f } of inRange) {
        const k = key(f);
        const t = m.get(k) ?? tally();
        add(t, f);
        m.set(k, t);
      }
      return m;
    };
    const largestFirst = <T extends Tally & { name: string }>(rows: T[]) => rows.sort((a, b) => b.personTimes - a.personTimes || a.name.localeCompare(b.name, 'zh-CN'));
    const townshipNames = new Map(book.townships.map((t) => [t.code, t.name]));
    const tracks = by((f) => f.track);
    const byTrack = TRACKS.filter((t) => tracks.has(t)).map((track) => ({ track, name: TRACK_LABELS[track], ...tracks.get(track)! }));
    const byTownship = largestFirst([...by((f) => f.township_code)].map(([code, t]) => ({ townshipCode: code, name: code ? (townshipNames.get(code) ?? '未知乡镇') : '未填乡镇', ...t })));
    const byOrganiser = largestFirst([...by((f) => f.organiser_id)].map(([id, t]) => ({ organiserId: id, name: id ? (organisers.get(id) ?? '未知培训单位') : '未指定培训单位', ...t })));

    // Months in range with the cumulative figure since the programme's start (rows before `from` count in it).
    const months = new Map<string, Tally>();
    for (const { f, day } of inRange) {
      const t = months.get(day.slice(0, 7)) ?? tally();
      add(t, f);
      months.set(day.slice(0, 7), t);
    }
    const before = dated.filter(({ day }) => from && day < from);
    let running: Tally = { personTimes: before.length, poor: before.reduce((n, r) => n + r.f.poor, 0) };
    const byMonth = [...months.keys()].sort().map((month) => {
      const t = months.get(month)!;
      running = { personTimes: running.personTimes + t.personTimes, poor: running.poor + t.poor };
      return { month, ...t, cumulativePersonTimes: running.personTimes, cumulativePoor: running.poor };
    });

    // The pace: the last 90 days ending today, or since the first person-time when the programme is younger.
    const first = dated[0]?.day;
    const paceDays = first ? Math.max(1, Math.min(PACE_DAYS, daysBetween(first, today) + 1)) : PACE_DAYS;
    const paceFrom = addDays(today, -(paceDays - 1));
    const paced = dated.filter(({ day }) => day >= paceFrom && day <= today);
    const pace = { days: paceDays, personTimes: paced.length, poor: paced.reduce((n, r) => n + r.f.poor, 0), method: PACE_METHOD };

    const milestones: MilestoneView[] = targets
      .sort((a, b) => a.due.localeCompare(b.due) || a.indicator.localeCompare(b.indicator) || a.id.localeCompare(b.id))
      .map((t) => {
        const poorOnly = t.indicator === 'training_poor_person_times';
        const count = (rows: typeof dated) => (poorOnly ? rows.reduce((n, r) => n + r.f.poor, 0) : rows.length);
        const j = judgeMilestone(t.value, t.due, {
          today,
          countedByDue: count(dated.filter(({ day }) => day <= t.due)),
          countedNow: count(dated.filter(({ day }) => day <= today)),
          paceCount: poorOnly ? pace.poor : pace.personTimes,
          paceDays,
        });
        const base = { id: t.id, indicator: t.indicator as MilestoneView['indicator'], label: t.label, target: t.value, due: t.due, counted: j.counted, daysLeft: j.daysLeft, projection: j.projection };
        // A part of the county is not judged against the county's target: its share is shown, not a verdict.
        return whole ? { ...base, status: j.status, verdict: j.verdict, behind: j.behind, shortfall: j.shortfall } : { ...base, status: 'share' as const, verdict: null, behind: null, shortfall: null };
      });

    return { today, from, to, whole, totals: totals(inRange), cumulative: totals(upTo), byTrack, byTownship, byOrganiser, byMonth, pace, milestones };
  }
}
