import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheck } from '../../src/modules/parties/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const LEHONG = '530621110';
const LEHONG_VILLAGE = '530621110205'; // 乐红村, the demo village operator's
const HONGBU = '530621110201'; // 红布村
const VILLAGE_SITE = 'site_ld3_530621110205';

let serial = 0;
/** A valid resident ID number of Ludian (530621), born on the date given, different on every call; sex by the 17th digit. */
function idNumber(birth = '19900315', woman = false): string {
  const order = String((++serial * 2 + (woman ? 0 : 1)) % 1000).padStart(3, '0');
  const first = `530621${birth}${order}`;
  return first + residentIdCheck(first);
}
const withWrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

async function workbook(rows: unknown[][], header = ['姓名', '身份证号', '手机号', '乡镇', '村', '建档立卡贫困户', '残疾人', '党员', '女性', '青年']): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row.map((c) => (c === undefined ? '' : c)));
  sheet.getColumn(2).numFmt = '@';
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(content: Buffer, fileName = 'roster.xlsx') {
  const boundary = '----countyhub-training';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(engines())('training core: sessions, enrolment, rosters, check-in, person-times, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const userId: Record<string, string> = {};
  // 7 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-07T02:00:00.000Z');
  const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
  let organiserId = '';
  let otherOrganiserId = '';
  let courseId = '';

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { ...(who ? as[who] : {}), ...headers }, payload: payload as object });
  const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const events = async (type: string) =>
    (await sql<{ payload: string; aggregate_id: string }>`select payload, aggregate_id from kernel_events where type = ${type} order by seq`.execute(t.database.db)).rows.map((r) => ({ aggregateId: r.aggregate_id, payload: JSON.parse(r.payload) }));
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db)).rows[0].n);
  const newSession = async (over: Record<string, unknown> = {}, who = 'county') =>
    ok(who, 'POST', '/training/sessions', { title: `网店运营基础班 ${++serial}`, organiserId, trainerName: '李老师', siteId: VILLAGE_SITE, capacity: 30, startsAt: at(10), endsAt: at(130), courseId, ...over });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'township', 'village', 'trainer', 'regulator', 'consumer', 'merchant', 'courier', 'datacenter']) {
      as[who] = await signIn(t.app, `demo.${who}`);
      userId[who] = (await call(who, 'GET', '/auth/me')).json().id;
    }
    organiserId = (await ok('county', 'POST', '/training/organisers', { name: '测试县人社局', kind: 'department', memberUserIds: [userId.trainer] })).id;
    otherOrganiserId = (await ok('county', 'POST', '/training/organisers', { name: '测试培训学校', kind: 'body' })).id;
    courseId = (await ok('county', 'POST', '/training/courses', { title: '网店开设与装修', track: 'sellers', level: 'basic', hours: 6, summary: '店铺注册、装修' })).id;
  }, 180_000);
  afterAll(() => t?.close());

  it('keeps organisers with their members and courses with a level only in the sellers track', async () => {
    const organiser = await ok('county', 'GET', `/training/organisers?limit=500`);
    expect(organiser.items.find((o: { id: string }) => o.id === organiserId)).toEqual({ id: organiserId, name: '测试县人社局', kind: 'department', contactName: '', notes: '', active: true, memberUserIds: [userId.trainer], createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect((await call('county', 'POST', '/training/organisers', { name: '测试县人社局', kind: 'body' })).json().error.code).toBe('ORGANISER_EXISTS');
    expect((await call('trainer', 'POST', '/training/organisers', { name: '讲师自建', kind: 'body' })).statusCode).toBe(403);
    const bad = await call('county', 'POST', '/training/courses', { title: '电商趋势', track: 'officials', level: 'elite', hours: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/body\.level|level/);
    expect(await ok('consumer', 'GET', `/training/courses/${courseId}`)).toEqual({ id: courseId, title: '网店开设与装修', track: 'sellers', level: 'basic', summary: '店铺注册、装修', hours: 6, online: false, organiserId: null, organiserName: null, createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect((await call('datacenter', 'GET', '/training/courses')).statusCode).toBe(403);
  });

  it('plans a session at a network site, taking its township and village, for the trainer’s own organisers only', async () => {
    const session = await newSession({}, 'trainer');
    expect(session).toEqual({
      id: expect.stringMatching(/^tses_/),
      title: expect.stringMatching(/^网店运营基础班/),
      courseId,
      courseTitle: '网店开设与装修',
      track: 'sellers',
      level: 'basic',
      organiserId,
      organiserName: '测试县人社局',
      trainerUserId: userId.trainer,
      trainerName: '李老师',
      siteId: VILLAGE_SITE,
      placeName: expect.stringContaining('乐红'),
      townshipCode: LEHONG,
      townshipName: '乐红镇',
      villageCode: LEHONG_VILLAGE,
      villageName: '乐红村',
      capacity: 30,
      enrolled: 0,
      present: 0,
      startsAt: at(10),
      endsAt: at(130),
      status: 'planned',
      notes: '',
      closedAt: null,
      cancelledAt: null,
      cancelReason: null,
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
    });
    expect((await call('trainer', 'POST', '/training/sessions', { title: '别家的课', organiserId: otherOrganiserId, trainerName: '王', siteId: VILLAGE_SITE, capacity: 10, startsAt: at(10), endsAt: at(70), track: 'officials' })).statusCode).toBe(403);
    // A past session is recorded afterwards by the county only.
    const past = { title: '补录的培训', organiserId, trainerName: '李老师', placeText: '乐红镇政府会议室', townshipCode: LEHONG, capacity: 10, startsAt: at(-60 * 24 * 10), endsAt: at(-60 * 24 * 10 + 120), track: 'officials' };
    expect((await call('trainer', 'POST', '/training/sessions', past)).json().error.message).toMatch(/startsAt/);
    expect((await ok('county', 'POST', '/training/sessions', past)).placeName).toBe('乐红镇政府会议室');
    // Impossible dates and times the wrong way round name their field.
    expect((await call('county', 'POST', '/training/sessions', { ...past, startsAt: '2026-02-30T09:00:00+08:00' })).json().error.message).toMatch(/startsAt/);
    expect((await call('county', 'POST', '/training/sessions', { ...past, endsAt: past.startsAt })).json().error.message).toMatch(/endsAt/);
    // The trainer sees the session; another township does not.
    expect((await call('trainer', 'GET', `/training/sessions/${session.id}`)).statusCode).toBe(200);
    const elsewhere = await newSession({ siteId: null, placeText: '文屏镇会议室', townshipCode: '530621101' });
    expect((await call('township', 'GET', `/training/sessions/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await call('township', 'GET', `/training/sessions/${session.id}`)).statusCode).toBe(200);
    expect((await call('consumer', 'GET', `/training/sessions/${session.id}`)).statusCode).toBe(403);
  });

  it('never lets parallel enrolments pass the capacity, and enrols the same trainee once', async () => {
    const session = await newSession({ capacity: 5 });
    const people = Array.from({ length: 10 }, (_, i) => ({ name: `并发学员${i}`, idNumber: idNumber('19880101'), villageCode: LEHONG_VILLAGE }));
    const answers = await Promise.all(people.map((trainee) => call('county', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().error.code)).toEqual(Array(5).fill('SESSION_FULL'));
    expect((await ok('county', 'GET', `/training/sessions/${session.id}`)).enrolled).toBe(5);
    expect((await ok('county', 'GET', `/training/sessions/${session.id}/roster`)).items.length).toBe(5);
    const first = answers.find((a) => a.statusCode === 201)!.json();
    const again = await ok('county', 'POST', `/training/sessions/${session.id}/enrolments`, { traineeId: first.traineeId });
    expect(again).toEqual({ ...first, created: false });
  });

  it('imports a roster: mode all refuses a file with bad rows naming each, mode valid imports the good ones', async () => {
    const session = await newSession();
    const good = idNumber('19950620', true);
    const dup = idNumber('19700101');
    const impossible = (() => {
      const first = '53062119900230' + '123';
      return first + residentIdCheck(first);
    })();
    const rows = [
      ['王芳', good, '13987001234', '乐红镇', '乐红村', '是', '', '', '', ''],
      ['坏校验', withWrongCheck(idNumber()), '', '', '', '', '', '', '', ''],
      ['坏日期', impossible, '', '', '', '', '', '', '', ''],
      ['无此村', idNumber(), '', '乐红镇', '不存在村', '', '', '', '', ''],
      ['短号码', idNumber(), '1398700123', '', '', '', '', '', '', ''],
      ['重复人', dup, '', '乐红镇', '', '否', '是', '', '', ''],
      ['重复人', dup, '13987005678', '', '红布村', '', '', '是', '', ''],
      ['乱填', idNumber(), '', '', '', '也许', '', '', '', ''],
    ];
    const file = await workbook(rows);
    const trainees = await count('training_trainees');
    const refused = await call('county', 'POST', `/training/sessions/${session.id}/roster/import?mode=all`, multipart(file).payload, multipart(file).headers);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.code).toBe('IMPORT_ROWS_INVALID');
    const problems = [
      { row: 3, column: '身份证号', message: expect.stringContaining('校验位') },
      { row: 4, column: '身份证号', message: expect.stringContaining('出生日期') },
      { row: 5, column: '村', message: expect.stringContaining('不存在村') },
      { row: 6, column: '手机号', message: expect.stringContaining('11 位') },
      { row: 9, column: '建档立卡贫困户', message: expect.stringContaining('也许') },
    ];
    expect(refused.json().error.details.rows).toEqual(problems);
    expect(await count('training_trainees')).toBe(trainees);
    expect((await ok('county', 'GET', `/training/sessions/${session.id}`)).enrolled).toBe(0);

    const imported = await call('county', 'POST', `/training/sessions/${session.id}/roster/import?mode=valid`, multipart(file).payload, multipart(file).headers);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual({ importId: expect.stringMatching(/^timp_/), mode: 'valid', rows: 8, imported: 2, traineesCreated: 2, traineesUpdated: 0, enrolled: 2, alreadyEnrolled: 0, badRows: problems });
    const roster = (await ok('county', 'GET', `/training/sessions/${session.id}/roster`)).items;
    const wang = roster.find((r: { trainee: { name: string } }) => r.trainee.name === '王芳').trainee;
    expect(wang).toEqual({
      id: expect.stringMatching(/^trn_/),
      name: '王芳',
      idNumber: `${good.slice(0, 4)}**********${good.slice(-4)}`,
      phone: '139****1234',
      masked: true,
      townshipCode: LEHONG,
      townshipName: '乐红镇',
      villageCode: LEHONG_VILLAGE,
      villageName: '乐红村',
      poor: true,
      disabled: false,
      partyMember: false,
      woman: true, // from the ID number: the roster left it blank
      youth: true, // 31 on the session's day
      claimed: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // The same ID twice in one file is one person: the later row filled the phone and party membership.
    const merged = roster.find((r: { trainee: { name: string } }) => r.trainee.name === '重复人').trainee;
    expect(merged).toMatchObject({ townshipCode: LEHONG, villageCode: HONGBU, phone: '139****5678', poor: false, disabled: true, partyMember: true, woman: false, youth: false });

    // A second roster (another session) with the same ID number enrols the same trainee and fills what was empty.
    const second = await newSession();
    const again = await workbook([['王芳', good, '', '', '', '', '是', '', '', '']]);
    const answer = await call('township', 'POST', `/training/sessions/${second.id}/roster/import`, multipart(again).payload, multipart(again).headers);
    expect(answer.json()).toMatchObject({ imported: 1, traineesCreated: 0, traineesUpdated: 1, enrolled: 1 });
    const found = await ok('county', 'GET', `/training/trainees?q=${good}`);
    expect(found.items).toEqual([{ ...wang, disabled: true, updatedAt: expect.any(String) }]);
    // A village operator of another township's session may not import; the template downloads.
    expect((await call('village', 'POST', `/training/sessions/${second.id}/roster/import`, multipart(again).payload, multipart(again).headers)).statusCode).toBe(403);
    const template = await call('township', 'GET', '/training/roster-template.xlsx');
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '身份证号', '手机号', '乡镇', '村', '建档立卡贫困户', '残疾人', '党员', '女性', '青年']);
  });

  it('checks in by QR once per session, inside its window, with the current or previous code only', async () => {
    const session = await newSession({ startsAt: at(20), endsAt: at(80) }, 'trainer');
    const code = await ok('trainer', 'GET', `/training/sessions/${session.id}/checkin-code`);
    expect(code).toEqual({ url: expect.stringMatching(new RegExp(`/learn/checkin/${session.id}\\?t=${code.token}$`)), token: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), expiresAt: new Date((Math.floor(clock.now().getTime() / 30_000) + 1) * 30_000).toISOString(), validFrom: at(-10), validTo: at(110) });
    // Without COUNTYHUB_PUBLIC_URL the QR still carries an absolute address (a phone camera opens only those): the
    // request's own origin, as the certificates' verify address does.
    expect(code.url).toMatch(new RegExp(`^http://localhost(:\\d+)?/learn/checkin/${session.id}\\?t=${code.token}$`));
    const onLan = await call('trainer', 'GET', `/training/sessions/${session.id}/checkin-code`, undefined, { host: '192.168.1.20:3000' });
    expect(onLan.json().url).toBe(`http://192.168.1.20:3000/learn/checkin/${session.id}?t=${onLan.json().token}`);
    expect((await call('consumer', 'GET', `/training/sessions/${session.id}/checkin-code`)).statusCode).toBe(403);

    // 20 minutes before the start is inside the window (30 minutes), but the consumer has no trainee record yet.
    const scan = (token: string, who = 'consumer') => call(who, 'POST', '/training/checkins', { sessionId: session.id, token });
    expect((await scan(code.token)).json().error.code).toBe('TRAINEE_PROFILE_NEEDED');
    // Filling in the form takes minutes: the code scanned then still checks this account in afterwards.
    clock.advance(3 * 60_000);
    const myId = idNumber('20000505', true);
    const me = await call('consumer', 'POST', '/training/me', { name: '赵小梅', idNumber: myId, phone: '13900001111', villageCode: HONGBU, poor: true });
    expect(me.statusCode, me.body).toBe(201);
    expect(me.json().trainee).toMatchObject({ idNumber: myId, phone: '13900001111', masked: false, townshipCode: LEHONG, villageCode: HONGBU, woman: true, youth: true, claimed: true });
    const traineeId = me.json().trainee.id;
    // Another account cannot use that old code.
    expect((await scan(code.token, 'township')).json().error.code).toBe('CHECKIN_CODE_EXPIRED');

    const first = await scan(code.token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ counted: true, personTime: { id: expect.stringMatching(/^pt_/), traineeId, sessionId: session.id, courseId, mode: 'onsite', method: 'qr', track: 'sellers', level: 'basic', countedAt: clock.now().toISOString() }, sessionTitle: session.title, placeName: session.placeName });
    // The old code was good for that one check-in only.
    expect((await scan(code.token)).json().error.code).toBe('CHECKIN_CODE_EXPIRED');
    // A fresh code: in the next window it still works (the previous is accepted), and a second scan is the same person-time.
    const shown = await ok('trainer', 'GET', `/training/sessions/${session.id}/checkin-code`);
    clock.advance(30_000);
    const second = await scan(shown.token);
    expect(second.json()).toEqual({ ...first.json(), counted: false });
    // Two windows on, the code is refused, the same way as a made-up one.
    clock.advance(30_000);
    expect((await scan(shown.token)).json().error.code).toBe('CHECKIN_CODE_EXPIRED');
    expect((await scan('AAAAAAAAAAAAAAAAAAAAAA')).json().error.code).toBe('CHECKIN_CODE_EXPIRED');

    const counted = await events('training.person-time-counted');
    expect(counted.filter((e) => e.payload.traineeId === traineeId)).toEqual([
      {
        aggregateId: traineeId,
        payload: { personTimeId: first.json().personTime.id, traineeId, sessionId: session.id, courseId, track: 'sellers', level: 'basic', mode: 'onsite', organiserId, townshipCode: LEHONG, villageCode: HONGBU, poor: true, woman: true, countedAt: first.json().personTime.countedAt },
      },
    ]);
    const mine = await ok('consumer', 'GET', '/training/me');
    expect(mine.enrolments).toEqual([{ session: expect.objectContaining({ id: session.id, enrolled: 1, present: 1 }), present: true }]);
    expect(mine.personTimes).toEqual([{ ...first.json().personTime, title: session.title }]);

    // Outside the window: more than 30 minutes after the end.
    clock.advance(110 * 60_000);
    const fresh = await ok('trainer', 'GET', `/training/sessions/${session.id}/checkin-code`);
    expect((await scan(fresh.token)).json().error.code).toBe('CHECKIN_CLOSED');
    clock.advance(-(110 * 60_000) - 4 * 60_000);
  });

  it('counts wrong codes per account in the database and makes the 11th in 10 minutes wait', async () => {
    const session = await newSession({ startsAt: at(0), endsAt: at(60) });
    const scan = () => call('merchant', 'POST', '/training/checkins', { sessionId: session.id, token: 'wrong-wrong-wrong-wron' });
    for (let i = 0; i < 10; i++) expect((await scan()).json().error.code).toBe('CHECKIN_CODE_EXPIRED');
    const blocked = await scan();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('CHECKIN_TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(500);
    expect(await count('training_checkin_misses')).toBeGreaterThanOrEqual(10);
    // Another account is not held back.
    expect((await call('courier', 'POST', '/training/checkins', { sessionId: session.id, token: 'wrong-wrong-wrong-wron' })).json().error.code).toBe('CHECKIN_CODE_EXPIRED');
    clock.advance(10 * 60_000 + 1000);
    expect((await scan()).json().error.code).toBe('CHECKIN_CODE_EXPIRED');
    clock.advance(-(10 * 60_000 + 1000));
  });

  it('ticks once, unticks with a withdrawal event, and locks attendance when closed; cancel only without person-times', async () => {
    const session = await newSession({ startsAt: at(-30), endsAt: at(60) }, 'trainer');
    const enrolled = await ok('trainer', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee: { name: '马建国', idNumber: idNumber('19800808') } });
    const tick = await ok('trainer', 'POST', `/training/sessions/${session.id}/attendance`, { traineeId: enrolled.traineeId }, 200);
    expect(tick).toEqual({ counted: true, personTime: { id: expect.stringMatching(/^pt_/), traineeId: enrolled.traineeId, sessionId: session.id, courseId, mode: 'onsite', method: 'tick', track: 'sellers', level: 'basic', countedAt: clock.now().toISOString() } });
    expect((await ok('trainer', 'POST', `/training/sessions/${session.id}/attendance`, { traineeId: enrolled.traineeId }, 200)).counted).toBe(false);
    // The trainee has no place: the event falls back to the session's.
    const counted = (await events('training.person-time-counted')).filter((e) => e.payload.personTimeId === tick.personTime.id);
    expect(counted.map((e) => [e.payload.townshipCode, e.payload.villageCode, e.payload.poor, e.payload.woman])).toEqual([[LEHONG, LEHONG_VILLAGE, false, false]]);

    expect((await call('trainer', 'POST', `/training/sessions/${session.id}/cancel`, { reason: '下雨' })).json().error.code).toBe('SESSION_HAS_ATTENDANCE');
    expect((await call('village', 'DELETE', `/training/sessions/${session.id}/attendance/${enrolled.traineeId}?reason=${encodeURIComponent('点错了')}`)).statusCode).toBe(403);
    const untick = await ok('trainer', 'DELETE', `/training/sessions/${session.id}/attendance/${enrolled.traineeId}?reason=${encodeURIComponent('点错了')}`);
    expect(untick).toEqual({ withdrawn: true, personTime: tick.personTime });
    const withdrawn = (await events('training.person-time-withdrawn')).filter((e) => e.payload.personTimeId === tick.personTime.id);
    expect(withdrawn).toEqual([{ aggregateId: enrolled.traineeId, payload: { personTimeId: tick.personTime.id, traineeId: enrolled.traineeId, withdrawnAt: clock.now().toISOString() } }]);
    expect((await ok('county', 'GET', `/training/sessions/${session.id}`)).present).toBe(0);

    const retick = await ok('trainer', 'POST', `/training/sessions/${session.id}/attendance`, { traineeId: enrolled.traineeId }, 200);
    expect(retick.counted).toBe(true);
    await ok('trainer', 'POST', `/training/sessions/${session.id}/close`, undefined, 200);
    expect((await call('trainer', 'DELETE', `/training/sessions/${session.id}/attendance/${enrolled.traineeId}?reason=${encodeURIComponent('点错了')}`)).json().error.code).toBe('SESSION_CLOSED');
    expect((await call('trainer', 'POST', `/training/sessions/${session.id}/attendance`, { traineeId: enrolled.traineeId })).json().error.code).toBe('SESSION_CLOSED');

    const empty = await newSession();
    const cancelled = await ok('county', 'POST', `/training/sessions/${empty.id}/cancel`, { reason: '讲师临时有事' }, 200);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '讲师临时有事', cancelledAt: clock.now().toISOString() });
    const audit = (await sql<{ action: string; entity_id: string; actor_user_id: string }>`select action, entity_id, actor_user_id from kernel_audit_log where action like 'training.%' and entity_id in (${session.id}, ${empty.id}) order by id`.execute(t.database.db)).rows;
    expect(audit.map((r) => [r.action, r.entity_id, r.actor_user_id])).toEqual([
      ['training.session-created', session.id, userId.trainer],
      ['training.attendance-withdrawn', session.id, userId.trainer],
      ['training.session-closed', session.id, userId.trainer],
      ['training.session-created', empty.id, userId.county],
      ['training.session-cancelled', empty.id, userId.county],
    ]);
  });

  it('masks ID numbers and phones for everyone but the trainee’s own account, and keeps sight per role', async () => {
    const session = await newSession();
    const id = idNumber('19920202');
    const added = await ok('village', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee: { name: '杨光', idNumber: id, phone: '13700002222' } });
    for (const who of ['county', 'regulator', 'township', 'village']) {
      const seen = await ok(who, 'GET', `/training/trainees/${added.traineeId}`);
      expect(seen, who).toMatchObject({ idNumber: `${id.slice(0, 4)}**********${id.slice(-4)}`, phone: '137****2222', masked: true, villageCode: LEHONG_VILLAGE });
    }
    const detail = await ok('county', 'GET', `/training/trainees/${added.traineeId}`);
    expect(detail.enrolments).toEqual([{ sessionId: session.id, title: session.title, startsAt: session.startsAt, townshipName: '乐红镇', organiserName: '测试县人社局', status: 'planned', present: false }]);
    expect(detail.personTimes).toEqual([]);
    // A trainer sees the trainees of its sessions only.
    expect((await call('trainer', 'GET', `/training/trainees/${added.traineeId}`)).statusCode).toBe(200);
    const other = await ok('county', 'POST', `/training/sessions/${(await newSession({ organiserId: otherOrganiserId })).id}/enrolments`, { trainee: { name: '外人', idNumber: idNumber(), villageCode: '530621101201' } });
    expect((await call('trainer', 'GET', `/training/trainees/${other.traineeId}`)).statusCode).toBe(404);
    expect((await call('village', 'GET', `/training/trainees/${other.traineeId}`)).statusCode).toBe(404);
    expect((await call('consumer', 'GET', `/training/trainees/${other.traineeId}`)).statusCode).toBe(403);
    // A village operator enrols only its own villagers.
    expect((await call('village', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee: { name: '别村人', idNumber: idNumber(), villageCode: HONGBU } })).json().error.message).toMatch(/villageCode/);
    // The regulator reads and never writes.
    expect((await call('regulator', 'PATCH', `/training/trainees/${added.traineeId}`, { poor: true })).statusCode).toBe(403);

    // Claiming: a record with another phone is not claimed by an account without it; one without a phone is.
    const claim = await call('courier', 'POST', '/training/me', { name: '杨光', idNumber: id });
    expect(claim.statusCode).toBe(409);
    expect(claim.json().error.code).toBe('TRAINEE_CLAIM_CONFLICT');
    const bare = idNumber('19930303');
    await ok('county', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee: { name: '无电话', idNumber: bare } });
    const claimed = await call('courier', 'POST', '/training/me', { name: '无电话', idNumber: bare });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().trainee).toMatchObject({ idNumber: bare, masked: false, claimed: true });
    expect(claimed.json().enrolments.map((e: { session: { id: string } }) => e.session.id)).toEqual([session.id]);
    // Bad ID numbers name the field.
    const bad = await call('consumer', 'POST', `/training/sessions/${session.id}/enrol`);
    expect(bad.statusCode).toBe(201);
    const wrong = await call('merchant', 'POST', '/training/me', { name: '错号', idNumber: withWrongCheck(idNumber()) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID', message: expect.stringContaining('body.idNumber') });
  });

  it('lists open sessions to any signed-in account, and enrols oneself into one', async () => {
    const session = await newSession({ startsAt: at(60 * 24), endsAt: at(60 * 24 + 90) });
    const open = await ok('merchant', 'GET', '/training/sessions/open?limit=500');
    expect(open.items.find((s: { id: string }) => s.id === session.id)).toMatchObject({ id: session.id, enrolledByMe: false });
    expect((await call('merchant', 'POST', `/training/sessions/${session.id}/enrol`)).json().error.code).toBe('TRAINEE_PROFILE_NEEDED');
    expect((await call('datacenter', 'GET', '/training/sessions/open')).statusCode).toBe(403);
    const list = await ok('county', 'GET', `/training/sessions?from=2026-12-08&to=2026-12-08&township=${LEHONG}`);
    expect(list.items.map((s: { id: string }) => s.id)).toContain(session.id);
    expect((await call('county', 'GET', '/training/sessions?from=2026-02-30')).json().error.message).toMatch(/from/);
  });
  it('changes a planned session within its rules, and finds trainees by name, whole ID number and flags', async () => {
    const session = await newSession({ capacity: 2 }, 'trainer');
    const a = await ok('trainer', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee: { name: '筛选甲', idNumber: idNumber('19850505', true), villageCode: LEHONG_VILLAGE, poor: true } });
    await ok('trainer', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee: { name: '筛选乙', idNumber: idNumber('19850505'), villageCode: LEHONG_VILLAGE } });
    expect((await call('trainer', 'PATCH', `/training/sessions/${session.id}`, { capacity: 1 })).json().error.message).toMatch(/capacity/);
    const changed = await ok('trainer', 'PATCH', `/training/sessions/${session.id}`, { capacity: 40, siteId: null, placeText: '乐红镇文化站', townshipCode: LEHONG, endsAt: at(200) });
    expect(changed).toEqual({ ...session, capacity: 40, enrolled: 2, siteId: null, placeName: '乐红镇文化站', villageCode: null, villageName: null, endsAt: at(200), updatedAt: clock.now().toISOString() });
    expect((await call('regulator', 'PATCH', `/training/sessions/${session.id}`, { capacity: 50 })).statusCode).toBe(403);
    expect((await call('township', 'PATCH', `/training/sessions/${session.id}`, { capacity: 50 })).statusCode).toBe(403);
    const poorWomen = await ok('county', 'GET', `/training/trainees?session=${session.id}&poor=true&woman=true`);
    expect(poorWomen.items.map((x: { id: string }) => x.id)).toEqual([a.traineeId]);
    const byName = await ok('trainer', 'GET', `/training/trainees?q=${encodeURIComponent('筛选')}&limit=1`);
    expect(byName.items.length).toBe(1);
    expect(byName.nextCursor).toEqual(expect.any(String));
    const next = await ok('trainer', 'GET', `/training/trainees?q=${encodeURIComponent('筛选')}&limit=1&cursor=${byName.nextCursor}`);
    expect(next.items.map((x: { name: string }) => x.name)).not.toEqual(byName.items.map((x: { name: string }) => x.name));
    const patched = await ok('village', 'PATCH', `/training/trainees/${a.traineeId}`, { partyMember: true, phone: '13811112222' });
    expect(patched).toMatchObject({ partyMember: true, phone: '138****2222', masked: true });
    expect((await call('village', 'PATCH', `/training/trainees/${a.traineeId}`, { villageCode: HONGBU })).json().error.message).toMatch(/villageCode/);
  });
  it('takes a roster of up to 2 000 people in one go and refuses a longer one unread', async () => {
    const session = await newSession({ capacity: 2000 });
    const people = Array.from({ length: 2000 }, (_, i) => [`学员${i}`, idNumber(`1987${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`), '', '乐红镇', '', i % 10 === 0 ? '是' : '', '', '', '', '']);
    const file = await workbook(people);
    const started = Date.now();
    const res = await call('county', 'POST', `/training/sessions/${session.id}/roster/import`, multipart(file).payload, multipart(file).headers);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 2000, imported: 2000, traineesCreated: 2000, enrolled: 2000, badRows: [] });
    console.info(`a 2 000-row roster took ${Date.now() - started} ms on ${engine}`);
    const longer = await workbook([...people, ['多一人', idNumber(), '', '', '', '', '', '', '', '']]);
    const refused = await call('county', 'POST', `/training/sessions/${session.id}/roster/import`, multipart(longer).payload, multipart(longer).headers);
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.code).toBe('TOO_MANY_ROWS');
  }, 120_000);
  it('keeps a roster within the places left: mode all refuses a file that does not fit, mode valid lists who got no place', async () => {
    const session = await newSession({ capacity: 2 });
    const first = idNumber('19910101');
    await ok('county', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee: { name: '先报名', idNumber: first } });
    const file = await workbook([
      ['先报名', first, '', '', '', '', '', '', '', ''],
      ['第二人', idNumber('19910102'), '', '', '', '', '', '', '', ''],
      ['第三人', idNumber('19910103'), '', '', '', '', '', '', '', ''],
    ]);
    const trainees = await count('training_trainees');
    const refused = await call('county', 'POST', `/training/sessions/${session.id}/roster/import?mode=all`, multipart(file).payload, multipart(file).headers);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('SESSION_FULL');
    expect(await count('training_trainees')).toBe(trainees);
    const valid = await call('county', 'POST', `/training/sessions/${session.id}/roster/import?mode=valid`, multipart(file).payload, multipart(file).headers);
    expect(valid.json()).toEqual({ importId: expect.any(String), mode: 'valid', rows: 3, imported: 2, traineesCreated: 2, traineesUpdated: 0, enrolled: 1, alreadyEnrolled: 1, badRows: [{ row: 4, column: '姓名', message: '名额已满（2 人），未报名' }] });
    expect((await ok('county', 'GET', `/training/sessions/${session.id}`)).enrolled).toBe(2);
  });
});
