import ExcelJS from 'exceljs';
import { shanghaiDate } from '../../../src/kernel/clock.js';
import { LEHONG, LEHONG_VILLAGE, PDF, multipart, next, residentId, type Row, type Who, type World } from './world.js';

/** Every signed-in account may be a trainee; data centres are machines. */
const LEARNERS = ['county', 'township', 'village', 'merchant', 'courier', 'regulator', 'trainer', 'consumer'] as const;
/** Staff who read sessions, rosters and trainees, each in their own sight. */
const STAFF = ['county', 'township', 'village', 'regulator', 'trainer'] as const;
const RUNNERS = ['county', 'trainer'] as const;

interface Fixture {
  organiser: string;
  course: string;
  material: string;
  /** A session in 乐红镇 running now, organised by the trainer's organiser, demo.trainer teaching. */
  session: string;
  /** A villager of 乐红村 on the session's list, ticked present: a certificate of the session's course. */
  trainee: string;
  certificate: string;
  talent: string;
  /** Each learner's own trainee record's ID number (POST /training/me again is the same record). */
  idNumbers: Partial<Record<Who, string>>;
}

const fixtures = new WeakMap<World, Promise<Fixture>>();

const iso = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
const villager = () => ({ name: `权限学员${next()}`, idNumber: residentId(), townshipCode: LEHONG, villageCode: LEHONG_VILLAGE });

/** A session of the trainer's organiser in 乐红镇's station, begun ten minutes ago (so it may be ticked and closed). */
async function newSession(w: World, organiser: string, course: string | null = null): Promise<string> {
  const body = { title: `权限测试培训${next()}`, ...(course ? { courseId: course } : { track: 'sellers', level: 'basic' }), organiserId: organiser, trainerUserId: w.userId.trainer, trainerName: '罗海燕', siteId: `site_ld2_${LEHONG}`, capacity: 500, startsAt: iso(-10 * 60_000), endsAt: iso(3 * 3600_000) };
  return (await w.ok('county', 'POST', '/training/sessions', body)).id;
}

async function enrol(w: World, session: string): Promise<string> {
  return (await w.ok('county', 'POST', `/training/sessions/${session}/enrolments`, { trainee: villager() })).traineeId;
}

/** A villager of 乐红村 enrolled in the fixture's session and ticked present. */
async function trainedVillager(w: World, session: string): Promise<string> {
  const trainee = await enrol(w, session);
  await w.ok('county', 'POST', `/training/sessions/${session}/attendance`, { traineeId: trainee });
  return trainee;
}

function fixture(w: World): Promise<Fixture> {
  let made = fixtures.get(w);
  if (!made) {
    made = (async () => {
      const organiser = (await w.ok('county', 'POST', '/training/organisers', { name: `权限测试培训学校${next()}`, kind: 'body', memberUserIds: [w.userId.trainer] })).id as string;
      const course = (await w.ok('county', 'POST', '/training/courses', { title: `权限测试课程${next()}`, track: 'sellers', level: 'basic', hours: 3, organiserId: organiser })).id as string;
      const material = await newMaterial(w, course);
      const session = await newSession(w, organiser, course);
      const trainee = await trainedVillager(w, session);
      const certificate = (await w.ok('county', 'GET', `/training/certificates?scope=managed&traineeId=${trainee}`)).items[0].id as string;
      const talent = (await w.ok('county', 'POST', '/training/talent', { kind: 'person', traineeId: trainee, reason: '权限测试推荐' })).id as string;
      // Every learner has a record of its own, so self-enrolment, check-in and learning answer 2xx.
      const idNumbers: Partial<Record<Who, string>> = {};
      for (const who of LEARNERS) {
        const mine = await w.ok(who, 'GET', '/training/me');
        if (mine.trainee) {
          idNumbers[who] = '';
          continue;
        }
        const idNumber = residentId();
        await w.ok(who, 'POST', '/training/me', { name: `权限${who}`, idNumber, townshipCode: LEHONG, villageCode: LEHONG_VILLAGE });
        idNumbers[who] = idNumber;
      }
      return { organiser, course, material, session, trainee, certificate, talent, idNumbers };
    })();
    fixtures.set(w, made);
  }
  return made;
}

async function newMaterial(w: World, course: string): Promise<string> {
  const res = await w.upload('county', `/training/courses/${course}/materials?title=${encodeURIComponent('权限测试讲义')}&minReadSeconds=0`, multipart('file', 'handout.pdf', 'application/pdf', PDF));
  if (res.statusCode !== 201) throw new Error(`material: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function rosterFile(): Promise<{ payload: Buffer; contentType: string }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('学员名单');
  sheet.addRow(['姓名', '身份证号', '手机号', '乡镇', '村', '建档立卡贫困户', '残疾人', '党员', '女性', '青年']);
  sheet.addRow([`导入学员${next()}`, residentId(), '', '乐红镇', '乐红村', '否', '否', '否', '', '']);
  return multipart('file', 'roster.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(await book.xlsx.writeBuffer()));
}

/**
 * 电商培训: the county office everything; regulators read; a trainer its sessions and its organisers' (the QR, ticks,
 * rosters, materials of its organisers' courses); township operators their township's sessions and trainees (rosters,
 * outcomes, nominations); village operators enrol their villagers into any session; every signed-in account but a
 * data centre may be a trainee (self-enrolment, QR check-in, learning, certificates); data centres nothing.
 */
export function trainingRows(w: World): Row[] {
  const fx = () => fixture(w);
  return [
    // ---- organisers and courses ----
    { op: 'GET /api/v1/training/organisers', allowed: STAFF },
    { op: 'POST /api/v1/training/organisers', allowed: ['county'], req: () => ({ url: '/training/organisers', body: { name: `权限测试组织${next()}`, kind: 'department' } }) },
    { op: 'PATCH /api/v1/training/organisers/{id}', allowed: ['county'], req: async () => ({ url: `/training/organisers/${(await fx()).organiser}`, body: { notes: `权限测试${next()}` } }) },
    { op: 'GET /api/v1/training/courses', allowed: LEARNERS },
    { op: 'POST /api/v1/training/courses', allowed: ['county'], req: () => ({ url: '/training/courses', body: { title: `权限测试课${next()}`, track: 'officials', hours: 2 } }) },
    { op: 'GET /api/v1/training/courses/{id}', allowed: LEARNERS, req: async () => ({ url: `/training/courses/${(await fx()).course}` }) },
    { op: 'PATCH /api/v1/training/courses/{id}', allowed: ['county'], req: async () => ({ url: `/training/courses/${(await fx()).course}`, body: { summary: `权限测试${next()}` } }) },

    // ---- sessions ----
    { op: 'GET /api/v1/training/sessions', allowed: STAFF },
    {
      op: 'POST /api/v1/training/sessions',
      allowed: RUNNERS,
      // A session ahead, for the trainer's own organiser (a trainer plans only for its organisers; a past one is the county's).
      req: async () => ({ url: '/training/sessions', body: { title: `权限测试新场次${next()}`, track: 'station_staff', organiserId: (await fx()).organiser, trainerName: '罗海燕', siteId: `site_ld2_${LEHONG}`, capacity: 30, startsAt: iso(86_400_000), endsAt: iso(86_400_000 + 3 * 3600_000) } }),
    },
    { op: 'GET /api/v1/training/sessions/open', allowed: LEARNERS },
    { op: 'GET /api/v1/training/sessions/{id}', allowed: STAFF, req: async () => ({ url: `/training/sessions/${(await fx()).session}` }) },
    { op: 'PATCH /api/v1/training/sessions/{id}', allowed: RUNNERS, req: async () => ({ url: `/training/sessions/${(await fx()).session}`, body: { notes: `权限测试${next()}` } }) },
    { op: 'POST /api/v1/training/sessions/{id}/cancel', allowed: RUNNERS, req: async () => ({ url: `/training/sessions/${await newSession(w, (await fx()).organiser)}/cancel`, body: { reason: '权限测试取消' } }) },
    { op: 'POST /api/v1/training/sessions/{id}/close', allowed: RUNNERS, req: async () => ({ url: `/training/sessions/${await newSession(w, (await fx()).organiser)}/close` }) },
    { op: 'GET /api/v1/training/sessions/{id}/roster', allowed: STAFF, req: async () => ({ url: `/training/sessions/${(await fx()).session}/roster` }) },
    { op: 'POST /api/v1/training/sessions/{id}/enrolments', allowed: ['county', 'township', 'village', 'trainer'], req: async () => ({ url: `/training/sessions/${(await fx()).session}/enrolments`, body: { trainee: villager() } }) },
    { op: 'POST /api/v1/training/sessions/{id}/enrol', allowed: LEARNERS, req: async () => ({ url: `/training/sessions/${(await fx()).session}/enrol` }) },
    { op: 'GET /api/v1/training/roster-template.xlsx', allowed: ['county', 'township', 'trainer'] },
    { op: 'POST /api/v1/training/sessions/{id}/roster/import', allowed: ['county', 'township', 'trainer'], req: async () => ({ url: `/training/sessions/${(await fx()).session}/roster/import?mode=all`, raw: await rosterFile() }) },

    // ---- check-in and attendance ----
    { op: 'GET /api/v1/training/sessions/{id}/checkin-code', allowed: RUNNERS, req: async () => ({ url: `/training/sessions/${(await fx()).session}/checkin-code` }) },
    {
      op: 'POST /api/v1/training/checkins',
      allowed: LEARNERS,
      req: async () => {
        const { session } = await fx();
        const { token } = await w.ok('county', 'GET', `/training/sessions/${session}/checkin-code`);
        return { url: '/training/checkins', body: { sessionId: session, token } };
      },
    },
    { op: 'POST /api/v1/training/sessions/{id}/attendance', allowed: RUNNERS, req: async () => ({ url: `/training/sessions/${(await fx()).session}/attendance`, body: { traineeId: await enrol(w, (await fx()).session) } }) },
    {
      op: 'DELETE /api/v1/training/sessions/{id}/attendance/{traineeId}',
      allowed: RUNNERS,
      req: async () => {
        const { session } = await fx();
        return { url: `/training/sessions/${session}/attendance/${await trainedVillager(w, session)}?reason=${encodeURIComponent('权限测试：点错了')}` };
      },
    },

    // ---- trainees ----
    { op: 'GET /api/v1/training/trainees', allowed: STAFF },
    { op: 'GET /api/v1/training/trainees/{id}', allowed: STAFF, req: async () => ({ url: `/training/trainees/${(await fx()).trainee}` }) },
    { op: 'PATCH /api/v1/training/trainees/{id}', allowed: ['county', 'township', 'village'], req: async () => ({ url: `/training/trainees/${(await fx()).trainee}`, body: { partyMember: true } }) },
    { op: 'GET /api/v1/training/me', allowed: LEARNERS },
    {
      op: 'POST /api/v1/training/me',
      allowed: LEARNERS,
      // The caller's own record again (or, for the refused, a new one they may not make).
      req: async (who) => {
        const { idNumbers } = await fx();
        const mine = who ? idNumbers[who] : undefined;
        if (who && mine === '') return { url: '/training/me', body: await ownBody(w, who) };
        return { url: '/training/me', body: { name: '权限测试本人', idNumber: mine ?? residentId(), townshipCode: LEHONG, villageCode: LEHONG_VILLAGE } };
      },
    },

    // ---- learning and certificates ----
    { op: 'POST /api/v1/training/courses/{id}/materials', allowed: RUNNERS, req: async () => ({ url: `/training/courses/${(await fx()).course}/materials?title=${encodeURIComponent('权限测试讲义')}`, raw: multipart('file', 'handout.pdf', 'application/pdf', PDF) }) },
    { op: 'GET /api/v1/training/courses/{id}/materials', allowed: LEARNERS, req: async () => ({ url: `/training/courses/${(await fx()).course}/materials` }) },
    { op: 'PATCH /api/v1/training/materials/{id}', allowed: RUNNERS, req: async () => ({ url: `/training/materials/${(await fx()).material}`, body: { title: `权限测试讲义${next()}` } }) },
    { op: 'DELETE /api/v1/training/materials/{id}', allowed: ['county'], req: async () => ({ url: `/training/materials/${await newMaterial(w, (await fx()).course)}` }) },
    { op: 'GET /api/v1/training/materials/{id}/content', allowed: LEARNERS, req: async () => ({ url: `/training/materials/${(await fx()).material}/content` }) },
    { op: 'GET /api/v1/training/me/courses', allowed: LEARNERS },
    { op: 'POST /api/v1/training/materials/{id}/progress', allowed: LEARNERS, req: async () => ({ url: `/training/materials/${(await fx()).material}/progress`, body: { positionSeconds: 0 } }) },
    { op: 'GET /api/v1/training/certificates', allowed: LEARNERS },
    // A villager's certificate: staff who see the villager (the trainer through its session's list); other accounts 404.
    { op: 'GET /api/v1/training/certificates/{id}', allowed: STAFF, req: async () => ({ url: `/training/certificates/${(await fx()).certificate}` }) },
    { op: 'GET /api/v1/training/certificates/{id}/pdf', allowed: STAFF, req: async () => ({ url: `/training/certificates/${(await fx()).certificate}/pdf` }) },

    // ---- progress and follow-up ----
    { op: 'GET /api/v1/training/progress', allowed: ['county', 'township', 'regulator', 'trainer'] },
    { op: 'GET /api/v1/training/follow-up', allowed: ['county', 'township', 'regulator'] },
    { op: 'POST /api/v1/training/trainees/{id}/outcomes', allowed: ['county', 'township'], req: async () => ({ url: `/training/trainees/${(await fx()).trainee}/outcomes`, body: { kind: 'employed', firmName: `权限测试电商企业${next()}` } }) },
    { op: 'GET /api/v1/training/talent', allowed: ['county', 'township', 'regulator'] },
    { op: 'POST /api/v1/training/talent', allowed: ['county', 'township'], req: async () => ({ url: '/training/talent', body: { kind: 'person', traineeId: await trainedVillager(w, (await fx()).session), reason: '权限测试推荐' } }) },
    { op: 'GET /api/v1/training/talent/{id}', allowed: ['county', 'township', 'regulator'], req: async () => ({ url: `/training/talent/${(await fx()).talent}` }) },
    { op: 'PATCH /api/v1/training/talent/{id}', allowed: ['county'], req: async () => ({ url: `/training/talent/${(await fx()).talent}`, body: { statusNote: `权限测试${next()}` } }) },
    { op: 'POST /api/v1/training/talent/{id}/support', allowed: ['county'], req: async () => ({ url: `/training/talent/${(await fx()).talent}/support`, body: { kind: 'other', amountFen: 0, givenOn: shanghaiDate(new Date()), note: '权限测试' } }) },
  ];
}

/** The record an account already had (the demo's point operator): sent again as it is, with its whole ID number. */
async function ownBody(w: World, who: Who) {
  const { trainee } = await w.ok(who, 'GET', '/training/me');
  return { name: trainee.name, idNumber: trainee.idNumber, townshipCode: trainee.townshipCode, villageCode: trainee.villageCode };
}
