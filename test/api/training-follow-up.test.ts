import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, TEST_DATA_KEY, type TestApp } from '../helpers.js';
import { systemContext } from '../../src/kernel/context.js';
import { createSealer } from '../../src/kernel/sealed.js';
import { maskIdNumber } from '../../src/kernel/mask.js';
import { creditCodeCheck, organisationCodeCheck, residentIdCheck } from '../../src/modules/parties/index.js';
import type { Kysely } from 'kysely';

/** The training tables the fixture writes (the test reaches into them as a clerk never could). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TrainingDb = Record<string, any>;

const COUNTY = '530621';
const LEHONG = '530621110';
const LEHONG_VILLAGE = '530621110205';
const WENPING = '530621101';
const WENPING_VILLAGE = '530621101201';
const PASSWORD = 'follow-up-test-2026';
const sealer = createSealer(Buffer.from(TEST_DATA_KEY, 'base64'));
const idNumber = (first17: string) => first17 + residentIdCheck(first17);

/** Four trainees: the 17th digit even is a woman. T4 left its township blank (its person-times take the session's). */
const TRAINEES = {
  t1: { name: '马春梅', id: idNumber('53062119900101002'), township: LEHONG, village: LEHONG_VILLAGE, poor: 1, woman: 1 },
  t2: { name: '杨永福', id: idNumber('53062119850202011'), township: LEHONG, village: LEHONG_VILLAGE, poor: 0, woman: 0 },
  t3: { name: '李国平', id: idNumber('53062119920303013'), township: WENPING, village: WENPING_VILLAGE, poor: 1, woman: 0 },
  t4: { name: '张丽', id: idNumber('53062120000404024'), township: null, village: null, poor: 0, woman: 1 },
} as const;
type Key = keyof typeof TRAINEES;

let serial = 0;
function creditCode(): string {
  const org = `MA7Q${String(++serial).padStart(4, '0')}`;
  const first = `91530621${org}${organisationCodeCheck(org)}`;
  return first + creditCodeCheck(first);
}

describe.each(engines())('training progress, follow-up and talent on %s', (engine) => {
  let t: TestApp;
  let db: Kysely<TrainingDb>;
  const as: Record<string, { cookie: string }> = {};
  const users: Record<string, string> = {};
  const ids: Record<Key, string> = { t1: 'trn_t1', t2: 'trn_t2', t3: 'trn_t3', t4: 'trn_t4' };
  const clock = manualClock('2018-03-01T02:00:00.000Z');
  const names: Record<string, string> = {};
  /** Moves the clock; sessions do not live for months, so who will call signs in again. */
  const at = async (iso: string, signInAgain = false) => {
    clock.advance(Date.parse(iso) - clock.now().getTime());
    if (signInAgain) for (const [who, username] of Object.entries(names)) as[who] = await signIn(t.app, username, PASSWORD);
  };

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object });
  const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, status = 200) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  /** The trainee on the session's list, and the trainer ticks it: the core's PersonTimes, in a transaction. */
  const tick = (key: Key, session: string, countedAt: string) =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('training_enrolments').values({ id: `enr_${session}_${key}`, session_id: session, trainee_id: ids[key], source: 'operator', enrolled_by: 'test', created_at: countedAt }).onConflict((oc) => oc.doNothing()).execute();
      return t.modules.training.personTimes.count(trx, { mode: 'onsite', traineeId: ids[key], sessionId: session, method: 'tick', countedAt, countedBy: 'trainer' });
    });
  const events = async (type: string) =>
    (await sql<{ payload: string; aggregate_id: string }>`select payload, aggregate_id from kernel_events where type = ${type} order by id`.execute(t.database.db)).rows.map((r) => ({ aggregateId: r.aggregate_id, payload: JSON.parse(r.payload) }));

  beforeAll(async () => {
    t = await buildTestApp(engine, { clock });
    db = t.database.db as unknown as Kysely<TrainingDb>;
    const system = systemContext(COUNTY);
    const network = t.modules.network.service;
    await network.saveDivision(system, { code: COUNTY, name: '鲁甸县', kind: 'county', validFrom: '2017-01-01' });
    await network.saveDivision(system, { code: LEHONG, name: '乐红镇', kind: 'town', parentCode: COUNTY, validFrom: '2017-01-01' });
    await network.saveDivision(system, { code: WENPING, name: '文屏镇', kind: 'town', parentCode: COUNTY, validFrom: '2017-01-01' });
    await network.saveDivision(system, { code: LEHONG_VILLAGE, name: '乐红村', kind: 'village', parentCode: LEHONG, validFrom: '2017-01-01' });
    await network.saveDivision(system, { code: WENPING_VILLAGE, name: '龙泉村', kind: 'village', parentCode: WENPING, validFrom: '2017-01-01' });
    const accounts = [
      { username: 'fu.county', roles: ['county_admin'], scope: { kind: 'county', id: COUNTY } },
      { username: 'fu.regulator', roles: ['regulator'], scope: { kind: 'county', id: COUNTY } },
      { username: 'fu.township', roles: ['township_operator'], scope: { kind: 'township', id: LEHONG } },
      { username: 'fu.trainer', roles: ['trainer'], scope: { kind: 'county', id: COUNTY } },
      { username: 'fu.consumer', roles: ['consumer'], scope: { kind: 'county', id: COUNTY } },
      { username: 'fu.merchant', roles: ['merchant'], scope: { kind: 'county', id: COUNTY } },
    ] as const;
    for (const a of accounts) {
      users[a.username] = (await t.modules.identity.service.createUser(system, { username: a.username, displayName: a.username, password: PASSWORD, roles: [...a.roles], scope: { ...a.scope } })).id;
      names[a.username.slice(3)] = a.username;
      as[a.username.slice(3)] = await signIn(t.app, a.username, PASSWORD);
    }

    // Organisers (the county's department and a training body), the trainer a member of the first.
    const now = clock.now().toISOString();
    await db.insertInto('training_organisers').values([
      { id: 'org_rs', name: '县人社局', kind: 'department', contact_name: '王', notes: '', active: 1, created_at: now, updated_at: now },
      { id: 'org_body', name: '鲁甸县阳光职业培训学校', kind: 'body', contact_name: '李', notes: '', active: 1, created_at: now, updated_at: now },
    ]).execute();
    await db.insertInto('training_organiser_members').values({ organiser_id: 'org_rs', user_id: users['fu.trainer']!, created_at: now }).execute();
    for (const [key, p] of Object.entries(TRAINEES) as [Key, (typeof TRAINEES)[Key]][]) {
      await db.insertInto('training_trainees').values({
        id: ids[key], name: p.name, id_number_sealed: sealer.seal(p.id), id_fingerprint: sealer.fingerprint(p.id), id_number_masked: maskIdNumber(p.id)!, phone_sealed: null, phone_masked: null,
        birth_date: `${p.id.slice(6, 10)}-${p.id.slice(10, 12)}-${p.id.slice(12, 14)}`, township_code: p.township, village_code: p.village, poor: p.poor, disabled: 0, party_member: 0, woman: p.woman, youth: null,
        user_id: key === 't2' ? users['fu.consumer']! : null, created_by: 'test', created_at: now, updated_at: now,
      }).execute();
    }
    const session = (id: string, track: 'officials' | 'sellers' | 'station_staff', organiser: string, township: string, day: string) => ({
      id, title: `培训${id}`, course_id: null, track, level: track === 'sellers' ? ('basic' as const) : null, organiser_id: organiser, trainer_user_id: users['fu.trainer']!, trainer_name: '讲师', site_id: null, place_text: '会议室',
      township_code: township, village_code: null, capacity: 50, enrolled: 0, starts_at: `${day}T01:00:00.000Z`, ends_at: `${day}T08:00:00.000Z`, status: 'planned' as const, checkin_secret: 'x', notes: '', created_by: 'test', created_at: now, updated_at: now, closed_at: null, cancelled_at: null, cancel_reason: null,
    });
    await db.insertInto('training_sessions').values([session('ses_1', 'sellers', 'org_rs', LEHONG, '2018-05-10'), session('ses_2', 'officials', 'org_body', WENPING, '2018-08-20'), session('ses_3', 'station_staff', 'org_rs', LEHONG, '2018-10-15')]).execute();

    // The plan's training targets, made small (and only these): the statistics keep them.
    const targets = { tgt_training_stage1: [6, '2018-08-31'], tgt_training_half: [6, '2018-10-31'], tgt_training_all: [20, '2019-12-31'], tgt_training_poor_half: [3, '2018-10-31'], tgt_training_poor_all: [5, '2019-12-31'] } as const;
    const stats = t.database.db as unknown as Kysely<{ stats_targets: { id: string; indicator: string; value: number | null; due: string | null } }>;
    await stats.deleteFrom('stats_targets').where('indicator', 'in', ['training_person_times', 'training_poor_person_times', 'training_person_times_total', 'training_poor_person_times_total']).where('id', 'not in', Object.keys(targets)).execute();
    for (const [id, [value, due]] of Object.entries(targets)) await stats.updateTable('stats_targets').set({ value, due }).where('id', '=', id).execute();
  }, 120_000);
  afterAll(() => t?.close());

  const milestone = (id: string, label: string, indicator: string, target: number, due: string, rest: Record<string, unknown>) => ({ id, label, indicator, target, due, ...rest });

  it('counts person-times by track, township, organiser and month, and judges the milestones by a clock before and after their due dates', async () => {
    // A farmer seller with T3's ID number approved before T3 was trained: not an outcome of the training.
    const early = await ok('county', 'POST', '/parties/sellers', { kind: 'farmer', name: '李国平（龙泉村）', idNumber: TRAINEES.t3.id, contactName: '李国平', contactPhone: '13987000003', divisionCode: WENPING_VILLAGE, address: '文屏镇龙泉村' }, 201);
    await ok('county', 'POST', `/parties/sellers/${early.id}/review`, { decision: 'approve' });

    await at('2018-05-10T03:00:00.000Z');
    for (const k of ['t1', 't2', 't4'] as const) await tick(k, 'ses_1', '2018-05-10T02:00:00.000Z');
    expect(await tick('t1', 'ses_1', '2018-05-10T02:30:00.000Z')).toBeNull();
    await at('2018-08-20T03:00:00.000Z');
    for (const k of ['t1', 't3'] as const) await tick(k, 'ses_2', '2018-08-20T02:00:00.000Z');

    await at('2018-09-10T02:00:00.000Z', true);
    const early1 = await ok('county', 'GET', '/training/progress');
    expect(early1).toEqual({
      today: '2018-09-10',
      from: null,
      to: null,
      whole: true,
      totals: { personTimes: 5, poor: 3, women: 3, trainees: 4 },
      cumulative: { personTimes: 5, poor: 3, women: 3, trainees: 4 },
      byTrack: [
        { track: 'officials', name: '干部和企业负责人', personTimes: 2, poor: 2 },
        { track: 'sellers', name: '电商创业', personTimes: 3, poor: 1 },
      ],
      byTownship: [
        { townshipCode: LEHONG, name: '乐红镇', personTimes: 4, poor: 2 },
        { townshipCode: WENPING, name: '文屏镇', personTimes: 1, poor: 1 },
      ],
      byOrganiser: [
        { organiserId: 'org_rs', name: '县人社局', personTimes: 3, poor: 1 },
        { organiserId: 'org_body', name: '鲁甸县阳光职业培训学校', personTimes: 2, poor: 2 },
      ],
      byMonth: [
        { month: '2018-05', personTimes: 3, poor: 1, cumulativePersonTimes: 3, cumulativePoor: 1 },
        { month: '2018-08', personTimes: 2, poor: 2, cumulativePersonTimes: 5, cumulativePoor: 3 },
      ],
      // 90 days ending 10 September: from 13 June; the session of 20 August is in it.
      pace: { days: 90, personTimes: 2, poor: 2, method: expect.stringContaining('最近90天') },
      milestones: [
        milestone('tgt_training_stage1', '2018年8月底前电商培训不低于1750人次', 'training_person_times', 6, '2018-08-31', { counted: 5, status: 'missed', verdict: '未达标', daysLeft: 0, projection: null, behind: true, shortfall: 1 }),
        // 51 days left at 2 person-times in 90 days: 5 + ⌊2 × 51 / 90⌋ = 6.
        milestone('tgt_training_half', '2018年10月底前完成培训任务的50%', 'training_person_times', 6, '2018-10-31', { counted: 5, status: 'on_track', verdict: '进度正常', daysLeft: 51, projection: 6, behind: false, shortfall: 0 }),
        milestone('tgt_training_poor_half', '2018年10月底前完成贫困人口培训的50%', 'training_poor_person_times', 3, '2018-10-31', { counted: 3, status: 'reached', verdict: '已达标', daysLeft: 51, projection: null, behind: false, shortfall: 0 }),
        // 477 days left: 5 + ⌊2 × 477 / 90⌋ = 15, short of 20 by 5.
        milestone('tgt_training_all', '2019年底前电商培训3500人次以上', 'training_person_times', 20, '2019-12-31', { counted: 5, status: 'behind', verdict: '进度落后', daysLeft: 477, projection: 15, behind: true, shortfall: 5 }),
        milestone('tgt_training_poor_all', '建档立卡贫困人口培训350人次以上', 'training_poor_person_times', 5, '2019-12-31', { counted: 3, status: 'on_track', verdict: '进度正常', daysLeft: 477, projection: 13, behind: false, shortfall: 0 }),
      ],
    });

    // October: a third session, one mistaken tick taken back.
    await at('2018-10-15T09:00:00.000Z');
    await tick('t2', 'ses_3', '2018-10-15T02:00:00.000Z');
    const mistaken = await tick('t3', 'ses_3', '2018-10-15T02:00:00.000Z');
    await db.transaction().execute((trx) => t.modules.training.personTimes.withdraw(trx, mistaken!.id, '误勾', 'trainer'));

    await at('2018-11-05T02:00:00.000Z', true);
    const later = await ok('regulator', 'GET', '/training/progress');
    expect(later.totals).toEqual({ personTimes: 6, poor: 3, women: 3, trainees: 4 });
    expect(later.byTrack).toEqual([
      { track: 'officials', name: '干部和企业负责人', personTimes: 2, poor: 2 },
      { track: 'sellers', name: '电商创业', personTimes: 3, poor: 1 },
      { track: 'station_staff', name: '站点人员', personTimes: 1, poor: 0 },
    ]);
    expect(later.byMonth.at(-1)).toEqual({ month: '2018-10', personTimes: 1, poor: 0, cumulativePersonTimes: 6, cumulativePoor: 3 });
    expect(later.pace).toMatchObject({ days: 90, personTimes: 3, poor: 2 });
    expect(later.milestones.map((m: { id: string; status: string; counted: number; projection: number | null }) => [m.id, m.status, m.counted, m.projection])).toEqual([
      ['tgt_training_stage1', 'missed', 5, null],
      ['tgt_training_half', 'met', 6, null],
      ['tgt_training_poor_half', 'met', 3, null],
      // 421 days left at 3 in 90 days: 6 + ⌊3 × 421 / 90⌋ = 20.
      ['tgt_training_all', 'on_track', 6, 20],
      ['tgt_training_poor_all', 'on_track', 3, 12],
    ]);

    // The counts are the check-in records': recomputed from each session's list of who was present (the roster API).
    const present: { trainee: { id: string; poor: boolean; woman: boolean } }[] = [];
    for (const session of ['ses_1', 'ses_2', 'ses_3']) present.push(...(await ok('county', 'GET', `/training/sessions/${session}/roster?present=true&limit=500`)).items);
    expect(present.length).toBe(later.totals.personTimes);
    expect(present.filter((r) => r.trainee.poor).length).toBe(later.totals.poor);
    expect(present.filter((r) => r.trainee.woman).length).toBe(later.totals.women);
    expect(new Set(present.map((r) => r.trainee.id)).size).toBe(later.totals.trainees);
    expect((await events('training.person-time-counted')).length - (await events('training.person-time-withdrawn')).length).toBe(later.totals.personTimes);

    // A period: August to September, with the cumulative figure up to its end.
    const period = await ok('county', 'GET', '/training/progress?from=2018-08-01&to=2018-09-30');
    expect(period).toMatchObject({ from: '2018-08-01', to: '2018-09-30', totals: { personTimes: 2, poor: 2, women: 1, trainees: 2 }, cumulative: { personTimes: 5, poor: 3, women: 3, trainees: 4 } });
    expect(period.byMonth).toEqual([{ month: '2018-08', personTimes: 2, poor: 2, cumulativePersonTimes: 5, cumulativePoor: 3 }]);
    const bad = await call('county', 'GET', '/training/progress?from=2018-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('from') });
    expect((await call('county', 'GET', '/training/progress?from=2018-09-01&to=2018-08-01')).json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'querystring.to' } });
  });

  it('shows a township its township and a trainer its organisers’ share, not judged against the county’s targets; others are refused', async () => {
    const township = await ok('township', 'GET', '/training/progress');
    expect(township).toMatchObject({ whole: false, totals: { personTimes: 5, poor: 2, women: 3, trainees: 3 } });
    expect(township.byTownship).toEqual([{ townshipCode: LEHONG, name: '乐红镇', personTimes: 5, poor: 2 }]);
    expect(township.milestones.map((m: { status: string; verdict: string | null; behind: boolean | null }) => [m.status, m.verdict, m.behind])).toEqual(Array(5).fill(['share', null, null]));
    expect((await call('township', 'GET', `/training/progress?township=${WENPING}`)).statusCode).toBe(403);

    const trainer = await ok('trainer', 'GET', '/training/progress');
    expect(trainer).toMatchObject({ whole: false, totals: { personTimes: 4, poor: 1 } });
    expect(trainer.byOrganiser).toEqual([{ organiserId: 'org_rs', name: '县人社局', personTimes: 4, poor: 1 }]);
    expect((await call('trainer', 'GET', '/training/progress?organiser=org_body')).statusCode).toBe(403);

    const county = await ok('county', 'GET', '/training/progress?organiser=org_body&track=officials');
    expect(county).toMatchObject({ whole: false, totals: { personTimes: 2, poor: 2 } });
    for (const who of ['consumer', 'merchant']) expect((await call(who, 'GET', '/training/progress')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/training/progress')).statusCode).toBe(401);
  });

  it('finds the farmer seller with a trainee’s ID approved after the first training, once, with its event and its sales since', async () => {
    // T1 applied to sell after training (by the county, a farmer); approved on 2018-11-05.
    const seller = await ok('county', 'POST', '/parties/sellers', { kind: 'farmer', name: '马春梅（乐红村青花椒）', idNumber: TRAINEES.t1.id, contactName: '马春梅', contactPhone: '13987000001', divisionCode: LEHONG_VILLAGE, address: '乐红镇乐红村' }, 201);
    await ok('county', 'POST', `/parties/sellers/${seller.id}/review`, { decision: 'approve' });

    // T2's account runs an operating village point.
    await t.modules.network.service.createSite(systemContext(COUNTY), { name: '乐红村服务点', address: '乐红村委会', kind: 'village_point', divisionCode: LEHONG_VILLAGE, status: 'operating', statusDate: '2018-10-01', operator: { userId: users['fu.consumer']!, name: '杨永福', phone: null, poorHousehold: false, disabled: false, partyMember: false } });

    const first = await t.modules.training.followUp.autoMatch();
    expect(first).toEqual({ checked: 4, recorded: 2 });
    expect(await t.modules.training.followUp.autoMatch()).toEqual({ checked: 4, recorded: 0 });
    const recorded = await events('training.outcome-recorded');
    expect(recorded).toEqual([
      { aggregateId: ids.t1, payload: { outcomeId: expect.stringMatching(/^out_/), traineeId: ids.t1, kind: 'seller', townshipCode: LEHONG, poor: true, firstTrainedAt: '2018-05-10T02:00:00.000Z', recordedAt: '2018-11-05T02:00:00.000Z' } },
      { aggregateId: ids.t2, payload: { outcomeId: expect.stringMatching(/^out_/), traineeId: ids.t2, kind: 'point_operator', townshipCode: LEHONG, poor: false, firstTrainedAt: '2018-05-10T02:00:00.000Z', recordedAt: '2018-11-05T02:00:00.000Z' } },
    ]);

    // Its orders: one paid before the first training (not counted), one after, partly refunded.
    const followUp = t.modules.training.followUp;
    const sale = (seq: number, type: 'orders.paid' | 'orders.refunded', payload: Record<string, unknown>) => followUp.receiveSale({ seq, type, version: 1, aggregateId: String(payload.orderId), occurredAt: '2018-11-01T00:00:00.000Z', payload } as never);
    await sale(900001, 'orders.paid', { orderId: 'ord_a', sellerId: seller.id, paidAt: '2018-04-01T00:00:00.000Z', totalFen: 10_000 });
    await sale(900002, 'orders.paid', { orderId: 'ord_b', sellerId: seller.id, paidAt: '2018-10-01T00:00:00.000Z', totalFen: 25_000 });
    await sale(900003, 'orders.refunded', { orderId: 'ord_b', refundedAt: '2018-10-03T00:00:00.000Z', amountFen: 5_000 });
    await sale(900003, 'orders.refunded', { orderId: 'ord_b', refundedAt: '2018-10-03T00:00:00.000Z', amountFen: 5_000 });

    const list = await ok('county', 'GET', '/training/follow-up?outcome=seller');
    expect(list).toEqual({
      items: [
        {
          traineeId: ids.t1, name: '马春梅', idNumber: maskIdNumber(TRAINEES.t1.id), townshipCode: LEHONG, townshipName: '乐红镇', villageCode: LEHONG_VILLAGE, villageName: '乐红村', poor: true,
          firstTrainedAt: '2018-05-10T02:00:00.000Z', personTimes: 2,
          outcomes: [{ id: recorded[0]!.payload.outcomeId, traineeId: ids.t1, kind: 'seller', kindName: '本平台卖家', name: '马春梅（乐红村青花椒）', playerId: null, shopId: null, source: 'auto', beganAt: '2018-11-05T02:00:00.000Z', note: '', recordedAt: '2018-11-05T02:00:00.000Z', salesSinceFen: 20_000, salesMonths: null }],
          salesSinceFen: 20_000,
        },
      ],
      nextCursor: null,
    });
    expect((await ok('county', 'GET', '/training/follow-up?outcome=none')).items.map((i: { traineeId: string }) => i.traineeId)).toEqual([ids.t3, ids.t4]);
    expect((await ok('county', 'GET', '/training/follow-up?outcome=point_operator')).items[0].outcomes).toEqual([
      { id: recorded[1]!.payload.outcomeId, traineeId: ids.t2, kind: 'point_operator', kindName: '站点经营', name: '乐红村服务点', playerId: null, shopId: null, source: 'auto', beganAt: null, note: '', recordedAt: '2018-11-05T02:00:00.000Z', salesSinceFen: null, salesMonths: null },
    ]);
    const paged = await ok('county', 'GET', '/training/follow-up?limit=3');
    expect(paged.items.length).toBe(3);
    expect((await ok('county', 'GET', `/training/follow-up?limit=3&cursor=${paged.nextCursor}`)).items.map((i: { traineeId: string }) => i.traineeId)).toEqual([ids.t4]);
    // A township sees its trainees; a trainer and a consumer nothing of this.
    expect((await ok('township', 'GET', '/training/follow-up')).items.map((i: { traineeId: string }) => i.traineeId)).toEqual([ids.t1, ids.t2]);
    expect((await call('township', 'GET', `/training/follow-up?township=${WENPING}`)).statusCode).toBe(403);
    for (const who of ['trainer', 'consumer']) expect((await call(who, 'GET', '/training/follow-up')).statusCode).toBe(403);
  });

  it('links a shop elsewhere and an employment by hand, once each, with the shop’s months since the first training', async () => {
    const player = await ok('county', 'POST', '/players/players', { name: '乐红杨氏核桃网店', kind: 'individual', creditCode: creditCode(), contactName: '杨永福', contactPhone: '13987000002', townshipCode: LEHONG, villageCode: LEHONG_VILLAGE }, 201);
    const shop = await ok('county', 'POST', `/players/players/${player.id}/shops`, { platform: 'pdd', name: '杨氏核桃', openedOn: '2018-03-01' }, 201);
    for (const [month, salesFen] of [['2018-04', 70_000], ['2018-09', 120_000], ['2018-10', 150_000]] as const) await ok('county', 'POST', '/players/reports', { shopId: shop.id, month, salesFen, orders: 10, produceFen: 0 }, 201);

    const linked = await ok('township', 'POST', `/training/trainees/${ids.t2}/outcomes`, { kind: 'shop', playerId: player.id, shopId: shop.id, note: '镇上登记' }, 201);
    // May (the first training's month) on: September and October.
    expect(linked).toEqual({ id: expect.stringMatching(/^out_/), traineeId: ids.t2, kind: 'shop', kindName: '站外开店', name: '乐红杨氏核桃网店 · 拼多多 杨氏核桃', playerId: player.id, shopId: shop.id, source: 'hand', beganAt: null, note: '镇上登记', recordedAt: '2018-11-05T02:00:00.000Z', salesSinceFen: 270_000, salesMonths: 2 });
    const again = await call('county', 'POST', `/training/trainees/${ids.t2}/outcomes`, { kind: 'shop', playerId: player.id, shopId: shop.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('OUTCOME_EXISTS');
    const employed = await ok('county', 'POST', `/training/trainees/${ids.t3}/outcomes`, { kind: 'employed', firmName: '昭通云品电子商务有限公司' }, 201);
    expect(employed).toMatchObject({ kind: 'employed', name: '昭通云品电子商务有限公司', salesSinceFen: null });

    expect((await call('county', 'POST', `/training/trainees/${ids.t2}/outcomes`, { kind: 'shop', playerId: 'ply_nope' })).json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.playerId' } });
    expect((await call('county', 'POST', `/training/trainees/${ids.t2}/outcomes`, { kind: 'employed' })).json().error).toMatchObject({ details: { field: 'body.firmName' } });
    // Another township's trainee is out of sight; readers and trainers do not write.
    expect((await call('township', 'POST', `/training/trainees/${ids.t3}/outcomes`, { kind: 'employed', firmName: '某公司' })).statusCode).toBe(404);
    for (const who of ['regulator', 'trainer', 'consumer']) expect((await call(who, 'POST', `/training/trainees/${ids.t2}/outcomes`, { kind: 'employed', firmName: '某公司' })).statusCode).toBe(403);

    const kinds = (await events('training.outcome-recorded')).map((e) => [e.aggregateId, e.payload.kind, e.payload.townshipCode, e.payload.poor, e.payload.firstTrainedAt]);
    expect(kinds).toEqual([
      [ids.t1, 'seller', LEHONG, true, '2018-05-10T02:00:00.000Z'],
      [ids.t2, 'point_operator', LEHONG, false, '2018-05-10T02:00:00.000Z'],
      [ids.t2, 'shop', LEHONG, false, '2018-05-10T02:00:00.000Z'],
      [ids.t3, 'employed', WENPING, true, '2018-08-20T02:00:00.000Z'],
    ]);
  });

  it('filters the follow-up by one trainee (the trainee page); a trainee out of sight gives an empty list, not another’s data', async () => {
    const one = (who: string, trainee: string, more = '') => ok(who, 'GET', `/training/follow-up?trainee=${trainee}${more}`);
    const t2 = await one('county', ids.t2);
    expect(t2.items.map((i: { traineeId: string }) => i.traineeId)).toEqual([ids.t2]);
    // Both recorded at the same moment: their order is the ids', so compare them by kind.
    expect(t2.items[0].outcomes.map((o: { kind: string; name: string; salesSinceFen: number | null }) => [o.kind, o.name, o.salesSinceFen]).sort()).toEqual([
      ['point_operator', '乐红村服务点', null],
      ['shop', '乐红杨氏核桃网店 · 拼多多 杨氏核桃', 270_000],
    ]);
    expect(t2.items[0].salesSinceFen).toBe(270_000);
    expect(t2.nextCursor).toBeNull();
    // The same trainee for a regulator and its own township; with an outcome filter it does not match, it is not listed.
    expect((await one('regulator', ids.t3)).items.map((i: { outcomes: { kind: string }[] }) => i.outcomes.map((o) => o.kind))).toEqual([['employed']]);
    expect((await one('township', ids.t1)).items.map((i: { traineeId: string }) => i.traineeId)).toEqual([ids.t1]);
    expect((await one('county', ids.t2, '&outcome=seller')).items).toEqual([]);
    // Another township's trainee (T3, 文屏镇), a trainee without a township, an unknown id: an empty list for the township.
    expect(await one('township', ids.t3)).toEqual({ items: [], nextCursor: null });
    expect(await one('township', ids.t4)).toEqual({ items: [], nextCursor: null });
    expect(await one('county', 'trn_nope')).toEqual({ items: [], nextCursor: null });
    expect((await call('township', 'GET', `/training/follow-up?trainee=${ids.t3}&township=${WENPING}`)).statusCode).toBe(403);
    for (const who of ['trainer', 'consumer']) expect((await call(who, 'GET', `/training/follow-up?trainee=${ids.t2}`)).statusCode).toBe(403);
    expect((await call('county', 'GET', '/training/follow-up?trainee=')).statusCode).toBe(400);
  });

  it('keeps a shortlist of talent and teams with the support given; a township nominates in its township, the county decides', async () => {
    const person = await ok('township', 'POST', '/training/talent', { kind: 'person', traineeId: ids.t1, reason: '开网店带动全村销售花椒' }, 201);
    expect(person).toEqual({
      id: expect.stringMatching(/^tal_/), kind: 'person', name: '马春梅', members: [{ traineeId: ids.t1, name: '马春梅', idNumber: maskIdNumber(TRAINEES.t1.id), villageName: '乐红村', poor: true }],
      townshipCode: LEHONG, townshipName: '乐红镇', reason: '开网店带动全村销售花椒', status: 'nominated', statusName: '已推荐', statusNote: '', support: [], supportFen: 0, nominatedBy: 'fu.township', createdAt: '2018-11-05T02:00:00.000Z', updatedAt: '2018-11-05T02:00:00.000Z',
    });
    expect((await call('township', 'POST', '/training/talent', { kind: 'person', traineeId: ids.t3, reason: '外乡镇' })).json().error).toMatchObject({ details: { field: 'body.traineeId' } });
    const teamBody = { kind: 'team', teamName: '乐红花椒电商团队', members: [ids.t1, ids.t2], townshipCode: LEHONG, reason: '团队运营拼多多店铺' };
    const nominateTeam = () => t.app.inject({ method: 'POST', url: '/api/v1/training/talent', headers: { ...as.county, 'idempotency-key': 'team-1' }, payload: teamBody });
    const team = (await nominateTeam()).json();
    // A replay with the same Idempotency-Key answers the first nomination; nothing is nominated twice.
    expect((await nominateTeam()).json().id).toBe(team.id);
    expect(team.members.map((m: { name: string }) => m.name)).toEqual(['马春梅', '杨永福']);

    const supported = await ok('county', 'POST', `/training/talent/${person.id}/support`, { kind: 'funding', amountFen: 500_000, givenOn: '2018-11-01', note: '创业补贴' }, 201);
    expect(supported).toMatchObject({ status: 'supported', statusName: '已扶持', supportFen: 500_000, support: [{ kind: 'funding', kindName: '资金扶持', amountFen: 500_000, givenOn: '2018-11-01', note: '创业补贴', recordedBy: 'fu.county' }] });
    expect((await ok('county', 'PATCH', `/training/talent/${person.id}`, { status: 'awarded', statusNote: '县级优秀电商人才' })).status).toBe('awarded');
    const back = await call('county', 'PATCH', `/training/talent/${person.id}`, { status: 'nominated' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('TALENT_STATUS_CONFLICT');
    await ok('county', 'PATCH', `/training/talent/${team.id}`, { status: 'dropped' });
    expect((await call('county', 'POST', `/training/talent/${team.id}/support`, { kind: 'award', amountFen: 1, givenOn: '2018-11-02' })).statusCode).toBe(409);
    const badDate = await call('county', 'POST', `/training/talent/${person.id}/support`, { kind: 'award', amountFen: 1, givenOn: '2018-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('givenOn');

    // Ids made in one millisecond of the test clock need not sort in the order they were made: compare as a set.
    expect((await ok('regulator', 'GET', '/training/talent')).items.map((i: { name: string; status: string }) => [i.name, i.status]).sort()).toEqual([['乐红花椒电商团队', 'dropped'], ['马春梅', 'awarded']]);
    expect((await ok('township', 'GET', '/training/talent?status=awarded')).items.map((i: { id: string }) => i.id)).toEqual([person.id]);
    expect((await ok('township', 'GET', `/training/talent/${person.id}`)).supportFen).toBe(500_000);
    for (const who of ['trainer', 'consumer']) expect((await call(who, 'GET', '/training/talent')).statusCode).toBe(403);
    expect((await call('regulator', 'POST', '/training/talent', { kind: 'person', traineeId: ids.t1, reason: 'x' })).statusCode).toBe(403);
    expect((await call('township', 'PATCH', `/training/talent/${person.id}`, { reason: 'x' })).statusCode).toBe(403);
    expect((await call('township', 'POST', `/training/talent/${person.id}/support`, { kind: 'other', amountFen: 1, givenOn: '2018-11-02' })).statusCode).toBe(403);
  });
});
