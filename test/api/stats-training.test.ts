/**
 * Training in the county's statistics, on both engines, from one fixed list of inputs (as stats_inputs keeps them):
 * person-times and the poor's by period, township and track, a repeated delivery, withdrawals (one before its count),
 * distinct trainees that a withdrawal takes out only where nothing else counts them, completions (one revoked and
 * completed again, one revoked for good, one revoked before it came) and outcomes, the
 * cumulative figures the plan's targets are judged on, the data screen's gauges, the drill-down by township, and a
 * rebuild that gives back exactly what live application built.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsInput } from '../../src/modules/stats/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const T1 = '530621110'; // 乐红镇
const V1 = '530621110205'; // 乐红村
const T2 = '530621101'; // 文屏镇
const names = { [T1]: '乐红镇', [V1]: '乐红村', [T2]: '文屏镇' };

let seq = 2000;
const input = (type: string, payload: Record<string, unknown>, aggregateId: string): StatsInput => ({ seq: ++seq, type, version: 1, aggregateId, occurredAt: '2026-12-01T00:00:00.000Z', payload });
const counted = (id: string, trainee: string, countedAt: string, o: { track?: string; poor?: boolean; township?: string | null; village?: string | null; mode?: string } = {}) =>
  input(
    'training.person-time-counted',
    {
      personTimeId: id,
      traineeId: trainee,
      sessionId: o.mode === 'online' ? null : 'trs_1',
      courseId: o.mode === 'online' ? 'trc_1' : null,
      track: o.track ?? 'sellers',
      level: o.track === 'sellers' || !o.track ? 'basic' : null,
      mode: o.mode ?? 'onsite',
      organiserId: 'tro_1',
      townshipCode: o.township === undefined ? T1 : o.township,
      villageCode: o.village === undefined ? (o.township === undefined ? V1 : null) : o.village,
      poor: o.poor ?? false,
      woman: false,
      countedAt,
      _x: { names },
    },
    trainee,
  );
const completed = (id: string, trainee: string, completedAt: string, o: { track?: string; township?: string | null } = {}) =>
  input('training.course-completed', { completionId: id, traineeId: trainee, courseId: 'trc_9', track: o.track ?? 'officials', level: null, mode: 'onsite', townshipCode: o.township === undefined ? T2 : o.township, poor: false, completedAt, _x: { names } }, trainee);
const revoked = (id: string, trainee: string, revokedAt: string) => input('training.course-completion-revoked', { completionId: id, traineeId: trainee, courseId: 'trc_9', revokedAt }, trainee);
const withdrawn = (id: string, trainee: string) => input('training.person-time-withdrawn', { personTimeId: id, traineeId: trainee, withdrawnAt: '2026-12-05T00:00:00.000Z' }, trainee);

/** Shanghai is UTC+8: 2026-10-31T16:30Z is 1 November there. */
function inputs(): StatsInput[] {
  seq = 2000;
  return [
    counted('tpt_1', 'trn_a', '2026-11-03T02:00:00.000Z', { poor: true }),
    counted('tpt_2', 'trn_a', '2026-11-20T02:00:00.000Z', { poor: true }),
    counted('tpt_3', 'trn_b', '2026-10-31T16:30:00.000Z', { track: 'officials', township: T2 }),
    counted('tpt_4', 'trn_c', '2026-12-02T01:00:00.000Z', { track: 'station_staff', mode: 'online' }),
    counted('tpt_5', 'trn_d', '2025-06-10T01:00:00.000Z', { poor: true }),
    counted('tpt_1', 'trn_a', '2026-11-03T02:00:00.000Z', { poor: true }), // delivered again under another seq: counted once
    withdrawn('tpt_2', 'trn_a'), // a mistaken tick: trn_a still counts in November (tpt_1), not on 20 November
    counted('tpt_6', 'trn_e', '2026-12-03T01:00:00.000Z', { township: T2, poor: true }),
    withdrawn('tpt_6', 'trn_e'), // trn_e's only person-time: out of December, the quarter and the year
    withdrawn('tpt_9', 'trn_f'), // before its count (never in seq order): the count adds nothing
    counted('tpt_9', 'trn_f', '2026-12-04T01:00:00.000Z'),
    input('training.course-completed', { completionId: 'tcp_1', traineeId: 'trn_a', courseId: 'trc_2', track: 'sellers', level: 'basic', mode: 'onsite', townshipCode: T1, poor: true, completedAt: '2026-11-03T02:00:00.000Z', _x: { names } }, 'trn_a'),
    input('training.course-completed', { completionId: 'tcp_2', traineeId: 'trn_c', courseId: 'trc_1', track: 'station_staff', level: null, mode: 'online', townshipCode: T1, poor: false, completedAt: '2026-12-02T01:00:00.000Z', _x: { names } }, 'trn_c'),
    input('training.outcome-recorded', { outcomeId: 'toc_1', traineeId: 'trn_a', kind: 'seller', townshipCode: T1, poor: true, firstTrainedAt: '2026-11-03T02:00:00.000Z', recordedAt: '2026-11-25T02:00:00.000Z', _x: { names } }, 'trn_a'),
    // A completion revoked (its only tick withdrawn) leaves November; completed again (same completionId), it counts in December.
    completed('tcp_3', 'trn_e', '2026-11-10T02:00:00.000Z'),
    completed('tcp_3', 'trn_e', '2026-11-10T02:00:00.000Z'), // delivered again under another seq: counted once
    revoked('tcp_3', 'trn_e', '2026-11-12T02:00:00.000Z'),
    revoked('tcp_3', 'trn_e', '2026-11-12T02:00:00.000Z'), // delivered again: taken back once
    completed('tcp_3', 'trn_e', '2026-12-03T01:00:00.000Z'),
    // Revoked for good.
    completed('tcp_4', 'trn_b', '2026-11-01T03:00:00.000Z', { track: 'sellers' }),
    revoked('tcp_4', 'trn_b', '2026-11-02T03:00:00.000Z'),
    // Revoked before its completion came (never in seq order): the completion adds nothing.
    revoked('tcp_5', 'trn_f', '2026-12-05T00:00:00.000Z'),
    completed('tcp_5', 'trn_f', '2026-12-04T01:00:00.000Z'),
    input('training.outcome-recorded', { outcomeId: 'toc_2', traineeId: 'trn_d', kind: 'point_operator', townshipCode: T2, poor: true, firstTrainedAt: null, recordedAt: '2026-12-04T02:00:00.000Z', _x: { names } }, 'trn_d'),
  ];
}

type Fig = { indicator: string; value: number | null; status: string; target: { value: number | null; label: string; due: string | null } | null };
const KEYS = ['training_person_times', 'training_poor_person_times', 'training_person_times_total', 'training_poor_person_times_total', 'training_trainees', 'training_completions', 'training_outcomes'];

describe.each(engines())('training in the statistics on %s', (engine) => {
  let t: TestApp;
  let county: { cookie: string };
  beforeAll(async () => {
    // 7 December 2026, noon in Shanghai.
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock: manualClock('2026-12-07T04:00:00.000Z') });
    county = await signIn(t.app, 'demo.county');
    for (const i of inputs()) await t.modules.stats.rollups.store(i);
  }, 120_000);
  afterAll(() => t?.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: county });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const figures = async (grain: string, period: string, place = ''): Promise<Record<string, Fig>> =>
    Object.fromEntries(((await get(`/stats/figures?grain=${grain}&period=${period}${place}`)).figures as Fig[]).map((f) => [f.indicator, f]));
  const values = async (grain: string, period: string, place = '') => {
    const f = await figures(grain, period, place);
    return Object.fromEntries(KEYS.map((k) => [k, f[k]!.value]));
  };

  it('lists the training indicators as live, with their sources, owners and words', async () => {
    const list = (await get('/stats/indicators?limit=100')).items as { key: string; status: string; sources: string[]; owner: string; dims: string[]; definition: string }[];
    const byKey = new Map(list.map((i) => [i.key, i]));
    for (const key of KEYS) expect(byKey.get(key), key).toMatchObject({ status: 'live' });
    expect(byKey.get('training_person_times')).toMatchObject({ owner: '县人力资源和社会保障局', dims: ['township', 'village', 'track'], sources: ['training.person-time-counted@1', 'training.person-time-withdrawn@1'] });
    expect(byKey.get('training_poor_person_times')!.owner).toBe('县扶贫开发办公室');
    expect(byKey.get('training_person_times_total')!.definition).toContain('累计');
    expect(byKey.get('training_completions')).toMatchObject({ sources: ['training.course-completed@1', 'training.course-completion-revoked@1'], definition: expect.stringContaining('冲减该次结业') });
    expect(byKey.get('training_completions')!.definition).not.toContain('不冲减');
  });

  it('counts person-times once, takes back a withdrawal from its own period, and counts trainees once per period', async () => {
    expect(await values('month', '2026-11')).toEqual({
      training_person_times: 2,
      training_poor_person_times: 1,
      training_person_times_total: 3,
      training_poor_person_times_total: 2,
      training_trainees: 2,
      training_completions: 1,
      training_outcomes: 1,
    });
    expect(await values('month', '2026-12')).toEqual({
      training_person_times: 1,
      training_poor_person_times: 0,
      training_person_times_total: 4,
      training_poor_person_times_total: 2,
      training_trainees: 1,
      training_completions: 2,
      training_outcomes: 1,
    });
    expect(await values('quarter', '2026-Q4')).toMatchObject({ training_person_times: 3, training_trainees: 3 });
    expect(await values('year', '2025')).toMatchObject({ training_person_times: 1, training_poor_person_times: 1, training_person_times_total: 1, training_trainees: 1 });
    // 1 November in Shanghai; 20 November's tick was withdrawn, and trn_a is no trainee of that day.
    expect(await values('day', '2026-11-01')).toMatchObject({ training_person_times: 1, training_trainees: 1 });
    expect(await values('day', '2026-11-20')).toMatchObject({ training_person_times: 0, training_poor_person_times: 0, training_trainees: 0 });
  });

  it('takes a revoked completion back from the period it was counted in, and counts it again where it was completed again', async () => {
    // tcp_3 (文屏镇, officials): November's completion revoked, completed again on 3 December; tcp_4 revoked; tcp_5 revoked first.
    expect((await values('month', '2026-11', `&township=${T2}`)).training_completions).toBe(0);
    expect((await values('day', '2026-11-10')).training_completions).toBe(0);
    expect((await values('day', '2026-11-01')).training_completions).toBe(0);
    expect((await values('month', '2026-12', `&township=${T2}`)).training_completions).toBe(1);
    expect((await values('day', '2026-12-03')).training_completions).toBe(1);
    expect((await values('day', '2026-12-04')).training_completions).toBe(0);
    expect((await values('year', '2026')).training_completions).toBe(3);
    const tracks = await get('/stats/breakdown?indicator=training_completions&grain=year&period=2026&dim=track');
    expect(tracks.items.map((i: { label: string; value: number }) => [i.label, i.value])).toEqual([
      ['干部和企业负责人', 1],
      ['电商创业', 1],
      ['站点人员', 1],
    ]);
  });

  it('answers townships, villages and tracks with Chinese labels', async () => {
    expect(await values('month', '2026-11', `&township=${T1}`)).toMatchObject({ training_person_times: 1, training_poor_person_times: 1, training_trainees: 1, training_person_times_total: 2 });
    expect(await values('month', '2026-11', `&township=${T2}`)).toMatchObject({ training_person_times: 1, training_poor_person_times: 0, training_trainees: 1 });
    expect(await values('year', '2026', `&village=${V1}`)).toMatchObject({ training_person_times: 2, training_trainees: 2 });
    const tracks = await get('/stats/breakdown?indicator=training_person_times&grain=year&period=2026&dim=track');
    expect(tracks.items.map((i: { label: string; value: number }) => [i.label, i.value])).toEqual([
      ['干部和企业负责人', 1],
      ['电商创业', 1],
      ['站点人员', 1],
    ]);
    const outcomes = await get('/stats/breakdown?indicator=training_outcomes&grain=year&period=2026&dim=kind');
    expect(outcomes.items.map((i: { label: string; value: number }) => [i.label, i.value])).toEqual([
      ['经营服务站点', 1],
      ['成为本平台卖家', 1],
    ]);
    const places = await get('/stats/places?grain=month&period=2026-11');
    const row = (code: string) => places.items.find((r: { code: string }) => r.code === code);
    expect(row(T1)).toMatchObject({ name: '乐红镇', trainingPersonTimes: 1, trainingPoorPersonTimes: 1 });
    expect(row(T2)).toMatchObject({ name: '文屏镇', trainingPersonTimes: 1, trainingPoorPersonTimes: 0 });
  });

  it('reads the plan’s training targets against the figures since the programme began', async () => {
    const year = await figures('year', '2026');
    expect(year.training_person_times!.target).toBeNull();
    expect(year.training_person_times_total!.target).toMatchObject({ value: 3500, due: '2019-12-31', label: '2019年底前电商培训3500人次以上' });
    expect(year.training_poor_person_times_total!.target).toMatchObject({ value: 350, due: '2019-12-31' });
    expect((await figures('month', '2018-08')).training_person_times_total!.target).toMatchObject({ value: 1750, due: '2018-08-31' });
    expect((await figures('month', '2018-10')).training_poor_person_times_total!.target).toMatchObject({ value: 175, due: '2018-10-31' });
  });

  it('shows the data screen’s training gauges: since the programme began, against 3 500 and 350, with this month', async () => {
    const screen = await get('/stats/screen');
    expect(screen.month).toBe('2026-12');
    const gauge = (key: string) => screen.gauges.find((g: { indicator: string }) => g.indicator === key);
    expect(gauge('training_person_times_total')).toEqual({ indicator: 'training_person_times_total', name: '累计电商培训人次', value: 4, target: 3500, targetLabel: '2019年底前电商培训3500人次以上', status: 'live', month: 1 });
    expect(gauge('training_poor_person_times_total')).toMatchObject({ name: '累计贫困人口培训人次', value: 2, target: 350, status: 'live', month: 0 });
    expect(gauge('point_coverage').month).toBeNull();
  });

  it('changes nothing when every input is delivered again', async () => {
    const before = await values('year', '2026');
    for (const i of inputs()) await t.modules.stats.rollups.store(i);
    expect(await values('year', '2026')).toEqual(before);
  });

  it('rebuilds from the stored inputs to exactly the figures live application built', async () => {
    const periods: [string, string, string?][] = [['month', '2026-11'], ['month', '2026-12'], ['day', '2026-11-20'], ['day', '2026-12-03'], ['quarter', '2026-Q4'], ['year', '2026'], ['year', '2025'], ['month', '2026-11', `&township=${T2}`], ['month', '2026-12', `&township=${T2}`], ['day', '2026-11-10'], ['year', '2026', `&village=${V1}`]];
    const before = await Promise.all(periods.map(([g, p, place]) => values(g, p, place)));
    const tracks = await get('/stats/breakdown?indicator=training_person_times&grain=year&period=2026&dim=track');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/stats/rebuilds', headers: county });
    expect(res.statusCode, res.body).toBe(202);
    await t.modules.stats.rebuilds.run(res.json().id);
    expect((await get('/stats/rebuilds/latest')).rebuild).toMatchObject({ state: 'done' });
    expect(await Promise.all(periods.map(([g, p, place]) => values(g, p, place)))).toEqual(before);
    expect(await get('/stats/breakdown?indicator=training_person_times&grain=year&period=2026&dim=track')).toEqual(tracks);
    expect((await values('month', '2026-11')).training_completions).toBe(1);
    expect((await values('month', '2026-12')).training_completions).toBe(2);
  });
});
