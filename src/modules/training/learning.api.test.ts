import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, TEST_DATA_KEY, type TestApp } from '../../../test/helpers.js';
import { pdfText } from '../../../test/api/reports-pdf-text.js';
import { createSealer } from '../../kernel/sealed.js';
import { newId } from '../../kernel/ids.js';
import { systemContext } from '../../kernel/context.js';
import { mp4Skeleton } from './materials.sniff.js';
import { handoutPdf } from './certificates.pdf.js';
import type { TrainingDatabase } from './training.tables.js';

const LEHONG = '530621110';
const LEHONG_VILLAGE = '530621110205';
const OTHER_TOWNSHIP = '530621101';
const MIB = 1024 * 1024;

function multipart(content: Buffer, fields: Record<string, string> = {}, fileName = 'material.bin', type = 'application/octet-stream') {
  const boundary = '----countyhub-learning';
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The squares of the QR code drawn in a PDF page (pdfkit writes `x y w h re`), as module rows and columns. */
function qrModules(pdf: Buffer): Set<string> {
  const raw = pdf.toString('latin1');
  const rects: [number, number, number][] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    let text: string;
    try {
      text = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const r of text.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)) if (Math.abs(Number(r[3]) - Number(r[4])) < 1e-6) rects.push([Number(r[1]), Number(r[2]), Number(r[3])]);
  }
  const sizes = new Map<string, number>();
  for (const [, , w] of rects) sizes.set(w.toFixed(4), (sizes.get(w.toFixed(4)) ?? 0) + 1);
  const cell = Number([...sizes.entries()].sort((a, b) => b[1] - a[1])[0][0]);
  const cells = rects.filter(([, , w]) => Math.abs(w - cell) < 1e-3);
  const x0 = Math.min(...cells.map((c) => c[0]));
  const y0 = Math.min(...cells.map((c) => c[1]));
  return new Set(cells.map(([x, y]) => `${Math.round((y - y0) / cell)},${Math.round((x - x0) / cell)}`));
}

function expectedModules(text: string): Set<string> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const out = new Set<string>();
  for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) out.add(`${r},${c}`);
  return out;
}

describe.each(engines())('remote learning, completions and certificates, on %s', (engine) => {
  let t: TestApp;
  let db: Kysely<TrainingDatabase>;
  const as: Record<string, { cookie: string }> = {};
  const ids: Record<string, string> = {};
  const trainees: Record<string, string> = {};
  const clock = manualClock('2026-06-01T02:00:00.000Z');
  const sealer = createSealer(Buffer.from(TEST_DATA_KEY, 'base64'));
  let organiserId = '';
  let otherOrganiserId = '';

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { ...(who ? as[who] : {}), ...headers }, payload: payload as object });
  const upload = (who: string, courseId: string, content: Buffer, query = 'title=%E8%AF%BE%E4%BB%B6', fields: Record<string, string> = {}) => {
    const { payload, headers } = multipart(content, fields);
    return t.app.inject({ method: 'POST', url: `/api/v1/training/courses/${courseId}/materials${query ? `?${query}` : ''}`, headers: { ...as[who], ...headers }, payload });
  };
  const events = async (type: string, aggregateId: string) =>
    (await sql<{ payload: string }>`select payload from kernel_events where type = ${type} and aggregate_id = ${aggregateId} order by id`.execute(t.database.db)).rows.map((r) => JSON.parse(r.payload));
  const now = () => clock.now().toISOString();

  async function course(title: string, online: boolean, organiser: string | null, track = 'sellers', level: string | null = 'basic') {
    const id = newId('crs');
    await db.insertInto('training_courses').values({ id, title, track: track as 'sellers', level: level as 'basic', summary: '测试课程', hours_tenths: 15, online: online ? 1 : 0, organiser_id: organiser, created_at: now(), updated_at: now() }).execute();
    return id;
  }

  /** The trainee record of a demo account (made here, as `POST /training/me` would, when the account has none). */
  async function traineeOf(who: string, name: string, idNumber: string, township: string | null, village: string | null) {
    const userId = ids[who];
    const existing = await db.selectFrom('training_trainees').select('id').where('user_id', '=', userId).executeTakeFirst();
    if (existing) {
      await db.updateTable('training_trainees').set({ name, township_code: township, village_code: village }).where('id', '=', existing.id).execute();
      return existing.id;
    }
    const id = newId('trn');
    await db
      .insertInto('training_trainees')
      .values({ id, name, id_number_sealed: sealer.seal(idNumber), id_fingerprint: sealer.fingerprint(idNumber), id_number_masked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, phone_sealed: null, phone_masked: null, birth_date: '1990-03-15', township_code: township, village_code: village, poor: 1, disabled: 0, party_member: 0, woman: 1, youth: 1, user_id: userId, created_by: userId, created_at: now(), updated_at: now() })
      .execute();
    return id;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    db = t.database.db as unknown as Kysely<TrainingDatabase>;
    for (const who of ['county', 'township', 'village', 'regulator', 'trainer', 'consumer', 'merchant', 'courier', 'datacenter']) {
      as[who] = await signIn(t.app, `demo.${who}`);
      ids[who] = (await call(who, 'GET', '/auth/me')).json().id;
    }
    organiserId = newId('org');
    otherOrganiserId = newId('org');
    await db.insertInto('training_organisers').values([
      { id: organiserId, name: `测试培训机构${organiserId.slice(-4)}`, kind: 'body', contact_name: '李老师', notes: '', active: 1, created_at: now(), updated_at: now() },
      { id: otherOrganiserId, name: `县妇联测试${otherOrganiserId.slice(-4)}`, kind: 'department', contact_name: '王老师', notes: '', active: 1, created_at: now(), updated_at: now() },
    ]).execute();
    await db.insertInto('training_organiser_members').values({ organiser_id: organiserId, user_id: ids.trainer, created_at: now() }).execute();
    trainees.consumer = await traineeOf('consumer', '张建华', '530621199003151028', LEHONG, LEHONG_VILLAGE);
    trainees.merchant = await traineeOf('merchant', '李四', '530621198805052013', OTHER_TOWNSHIP, null);
  }, 180_000);
  afterAll(() => t?.close());

  it('uploads materials checked by their bytes, with limits on who and what', async () => {
    const courseId = await course('网店开设基础', true, organiserId);
    const foreign = await course('巾帼电商', true, otherOrganiserId);
    const pdf = await handoutPdf('网店开设讲义', [{ heading: '一、注册', text: '选择平台，准备证照。' }]);
    expect((await upload('consumer', courseId, pdf)).statusCode).toBe(403);
    expect((await upload('datacenter', courseId, pdf)).statusCode).toBe(403);
    const refused = await upload('trainer', foreign, pdf);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    const doc = await upload('trainer', courseId, pdf, 'title=%E7%BD%91%E5%BA%97%E8%AE%B2%E4%B9%89&minReadSeconds=60');
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json()).toEqual({ id: expect.stringMatching(/^mat_/), courseId, kind: 'document', contentType: 'application/pdf', title: '网店讲义', position: 1, sizeBytes: pdf.length, durationSeconds: null, minReadSeconds: 60, createdAt: now() });

    // Title and length as form fields before the file (the console's form); the MP4's own header is not needed then.
    const video = await upload('county', courseId, mp4Skeleton(300), '', { title: '开店视频', durationSeconds: '280' });
    expect(video.statusCode, video.body).toBe(201);
    expect(video.json()).toMatchObject({ kind: 'video', contentType: 'video/mp4', title: '开店视频', position: 2, durationSeconds: 280 });

    const zip = await upload('county', courseId, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]));
    expect(zip.statusCode).toBe(400);
    expect(zip.json().error).toMatchObject({ code: 'UNSUPPORTED_MATERIAL', details: { field: 'body.file' } });
    const cut = await upload('county', courseId, pdf.subarray(0, pdf.length - 200));
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error).toMatchObject({ code: 'NOT_A_PDF', details: { field: 'body.file' } });
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(400)]);
    const noLength = await upload('county', courseId, webm);
    expect(noLength.statusCode).toBe(400);
    expect(noLength.json().error.details).toEqual({ field: 'body.durationSeconds' });
    const noTitle = await upload('county', courseId, pdf, '');
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.details).toEqual({ field: 'body.title' });
    // Nothing of the refused uploads is kept.
    const rows = await db.selectFrom('training_materials').select(['title', 'state']).where('course_id', '=', courseId).orderBy('position').execute();
    expect(rows).toEqual([{ title: '网店讲义', state: 'ready' }, { title: '开店视频', state: 'ready' }]);
    const list = await call('merchant', 'GET', `/training/courses/${courseId}/materials?limit=1`);
    expect(list.json().items.map((m: { title: string }) => m.title)).toEqual(['网店讲义']);
    const next = await call('merchant', 'GET', `/training/courses/${courseId}/materials?limit=1&cursor=${list.json().nextCursor}`);
    expect(next.json()).toEqual({ items: [expect.objectContaining({ title: '开店视频' })], nextCursor: null });
  });

  it('serves a video of several pieces with byte-exact ranges, and reads its length from the mp4 header', async () => {
    const courseId = await course('店铺运营', true, organiserId);
    const file = mp4Skeleton(754, Math.floor(2.5 * MIB));
    for (let i = 0; i < file.length; i += 997) file[i] = i % 251; // not a repeating pattern
    file.writeUInt32BE(8 + Math.floor(2.5 * MIB), 24); // keep the mdat size right after the scribbles
    const up = await upload('county', courseId, file);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'video', durationSeconds: 754, sizeBytes: file.length });
    const url = `/training/materials/${up.json().id}/content`;

    const whole = await call('consumer', 'GET', url);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers).toMatchObject({ 'accept-ranges': 'bytes', 'content-type': 'video/mp4', 'content-length': String(file.length) });
    expect(whole.rawPayload.equals(file)).toBe(true);

    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      [`bytes=${MIB - 10}-${MIB + 9}`, MIB - 10, MIB + 9], // across the first piece boundary
      [`bytes=${MIB}-${2 * MIB}`, MIB, 2 * MIB], // a whole piece and one byte of the next
      ['bytes=-500', file.length - 500, file.length - 1],
      [`bytes=${file.length - 3}-`, file.length - 3, file.length - 1],
      [`bytes=5-${file.length + 1000}`, 5, file.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await call('merchant', 'GET', url, undefined, { range });
      expect(res.statusCode, range).toBe(206);
      expect(res.headers['content-range'], range).toBe(`bytes ${start}-${end}/${file.length}`);
      expect(res.headers['content-length'], range).toBe(String(end - start + 1));
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.rawPayload.equals(file.subarray(start, end + 1)), range).toBe(true);
    }
    const past = await call('consumer', 'GET', url, undefined, { range: `bytes=${file.length}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${file.length}`);
    expect(past.json().error.code).toBe('RANGE_NOT_SATISFIABLE');
    // Several ranges, or a unit we do not know: the whole file (RFC 9110 lets a server ignore Range).
    expect((await call('consumer', 'GET', url, undefined, { range: 'bytes=0-1,5-6' })).statusCode).toBe(200);
    expect((await call(null, 'GET', url, undefined, { range: 'bytes=0-99' })).statusCode).toBe(401);
    expect((await call('datacenter', 'GET', url)).statusCode).toBe(403);
  });

  it('credits a video at most the wall time between reports; done at 90 %', async () => {
    const courseId = await course('直播带货', true, organiserId);
    const up = await upload('county', courseId, mp4Skeleton(100), 'title=v&durationSeconds=100');
    const materialId = up.json().id;
    const report = (body: unknown, who = 'consumer') => call(who, 'POST', `/training/materials/${materialId}/progress`, body);

    expect((await report({ positionSeconds: 0 }, 'courier')).json().error.code).toBe('TRAINEE_PROFILE_NEEDED');
    expect((await report({ done: true })).json().error.details).toEqual({ field: 'body.done' });
    const first = await report({ positionSeconds: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ progress: { materialId, openedAt: now(), positionSeconds: 0, watchedSeconds: 0, secondsLeft: 90, percent: 0, doneAt: null }, courseCompleted: false });
    // Jumping to the end three seconds later: three seconds.
    clock.advance(3_000);
    expect((await report({ positionSeconds: 100 })).json().progress).toMatchObject({ positionSeconds: 100, watchedSeconds: 3, secondsLeft: 87 });
    // Back to 3 and watched for real, reporting every 15 s.
    clock.advance(1_000);
    await report({ positionSeconds: 3 });
    let last = null;
    for (let position = 18; position <= 90; position += 15) {
      clock.advance(15_000);
      last = (await report({ positionSeconds: position })).json();
    }
    expect(last.progress).toMatchObject({ positionSeconds: 78, watchedSeconds: 78, doneAt: null });
    clock.advance(15_000);
    const done = (await report({ positionSeconds: 93 })).json();
    expect(done.progress).toMatchObject({ watchedSeconds: 93, secondsLeft: 0, percent: 100, doneAt: now() });
    expect(done.courseCompleted).toBe(true);
  });

  it('never credits idle time: a video opened, left for 20 minutes, then jumped to the end earns one report’s ceiling (60 s)', async () => {
    const courseId = await course('农产品拍摄', true, organiserId);
    const materialId = (await upload('county', courseId, mp4Skeleton(1200), 'title=v&durationSeconds=1200')).json().id;
    // Opening the content counts as the first report.
    expect((await call('consumer', 'GET', `/training/materials/${materialId}/content`)).statusCode).toBe(200);
    clock.advance(1200_000);
    const jumped = await call('consumer', 'POST', `/training/materials/${materialId}/progress`, { positionSeconds: 1200 });
    expect(jumped.statusCode, jumped.body).toBe(200);
    expect(jumped.json()).toMatchObject({ progress: { positionSeconds: 1200, watchedSeconds: 60, secondsLeft: 1020, doneAt: null }, courseCompleted: false });
    // Reporting the end again and again later adds nothing: the position has not moved.
    clock.advance(15_000);
    expect((await call('consumer', 'POST', `/training/materials/${materialId}/progress`, { positionSeconds: 1200 })).json().progress.watchedSeconds).toBe(60);
  });

  it('a document is read only after its minimum reading time from the first opening', async () => {
    const courseId = await course('客服技巧', false, organiserId);
    const pdf = await handoutPdf('客服讲义', [{ heading: '一', text: '礼貌回复。' }]);
    const materialId = (await upload('county', courseId, pdf)).json().id;
    // Opening the content starts the reading clock.
    expect((await call('consumer', 'GET', `/training/materials/${materialId}/content`)).statusCode).toBe(200);
    clock.advance(60_000);
    const early = await call('consumer', 'POST', `/training/materials/${materialId}/progress`, { done: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'READING_TIME_NOT_REACHED', details: { secondsLeft: 60 } });
    clock.advance(60_000);
    const read = await call('consumer', 'POST', `/training/materials/${materialId}/progress`, { done: true });
    expect(read.json()).toMatchObject({ progress: { doneAt: now(), percent: 100 }, courseCompleted: false }); // not an online course
    expect(await events('training.course-completed', trainees.consumer).then((e) => e.filter((x) => x.courseId === courseId))).toEqual([]);
  });

  it('completes an online course once: one person-time, one event, one certificate, even when the last two reports arrive together', async () => {
    const courseId = await course('网店装修', true, organiserId, 'sellers', 'advanced');
    const pdf = await handoutPdf('装修讲义', [{ heading: '一', text: '主图与详情页。' }]);
    const docId = (await upload('county', courseId, pdf, 'title=doc&minReadSeconds=30')).json().id;
    const videoId = (await upload('county', courseId, mp4Skeleton(40), 'title=vid')).json().id;
    const report = (materialId: string, body: unknown) => call('merchant', 'POST', `/training/materials/${materialId}/progress`, body);
    await report(docId, { positionSeconds: 0 });
    await report(videoId, { positionSeconds: 0 });
    clock.advance(35_000);
    // 35 s watched of 40; 36 makes 90 %.
    expect((await report(videoId, { positionSeconds: 35 })).json().progress.doneAt).toBeNull();
    clock.advance(5_000);
    const at = now();
    const answers = await Promise.all([report(docId, { done: true }), report(videoId, { positionSeconds: 40 })]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.filter((a) => a.json().courseCompleted)).toHaveLength(1);

    const personTimes = await db.selectFrom('training_person_times').selectAll().where('trainee_id', '=', trainees.merchant).where('course_id', '=', courseId).execute();
    expect(personTimes).toEqual([expect.objectContaining({ mode: 'online', method: 'online', session_id: null, track: 'sellers', level: 'advanced', organiser_id: organiserId, township_code: OTHER_TOWNSHIP })]);
    const completed = (await events('training.course-completed', trainees.merchant)).filter((e) => e.courseId === courseId);
    expect(completed).toEqual([{ completionId: expect.stringMatching(/^tcm_/), traineeId: trainees.merchant, courseId, track: 'sellers', level: 'advanced', mode: 'online', townshipCode: OTHER_TOWNSHIP, poor: true, completedAt: at }]);
    const counted = (await events('training.person-time-counted', trainees.merchant)).filter((e) => e.courseId === courseId);
    expect(counted).toHaveLength(1);
    const certs = (await call('merchant', 'GET', '/training/certificates')).json().items.filter((c: { courseId: string }) => c.courseId === courseId);
    expect(certs).toEqual([
      {
        id: expect.stringMatching(/^cert_/),
        number: expect.stringMatching(/^PX530621-2026-\d{6}$/),
        traineeId: trainees.merchant,
        holderName: '李四',
        idNumberMasked: '5306**********2013',
        courseId,
        courseTitle: '网店装修',
        track: 'sellers',
        trackName: '电商创业',
        level: 'advanced',
        levelName: '进阶',
        hoursTenths: 15,
        organiserName: expect.stringContaining('测试培训机构'),
        mode: 'online',
        issuedOn: '2026-06-01',
        status: 'valid',
        revokedAt: null,
        revokeReason: null,
        verifyUrl: expect.stringMatching(/^http:\/\/localhost(:\d+)?\/c\/[A-Za-z0-9_-]{22}$/),
      },
    ]);
    // More reports change nothing.
    clock.advance(15_000);
    expect((await report(videoId, { positionSeconds: 40 })).json().courseCompleted).toBe(false);
    expect(await db.selectFrom('training_certificates').select('id').where('trainee_id', '=', trainees.merchant).where('course_id', '=', courseId).execute()).toHaveLength(1);
    const mine = (await call('merchant', 'GET', '/training/me/courses?limit=500')).json().items.find((c: { courseId: string }) => c.courseId === courseId);
    expect(mine).toMatchObject({ title: '网店装修', materialsDone: 2, completedAt: at, certificateId: certs[0].id });
  });

  describe('onsite completion, the certificate PDF and the verify page', () => {
    let sessionId = '';
    let courseId = '';
    let certificate: { id: string; verifyUrl: string; number: string } = { id: '', verifyUrl: '', number: '' };
    /** The trainer ticks the trainee present (the core's route); true when it counted a new person-time. */
    const countPresent = async (traineeId: string) => {
      const res = await call('trainer', 'POST', `/training/sessions/${sessionId}/attendance`, { traineeId });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().counted as boolean;
    };

    beforeAll(async () => {
      courseId = await course('农村电商发展模式与案例', false, null, 'officials', null);
      sessionId = newId('ses');
      await db
        .insertInto('training_sessions')
        .values({ id: sessionId, title: '乡镇干部电商培训', course_id: courseId, track: 'officials', level: null, organiser_id: organiserId, trainer_user_id: ids.trainer, trainer_name: '李老师', site_id: null, place_text: '乐红镇政府会议室', township_code: LEHONG, village_code: null, capacity: 50, enrolled: 0, starts_at: now(), ends_at: new Date(clock.now().getTime() + 3 * 3600_000).toISOString(), status: 'planned', checkin_secret: 'x', notes: '', created_by: ids.county, created_at: now(), updated_at: now() })
        .execute();
    });

    it('a trainee counted present completes the session’s course once, with a certificate', async () => {
      expect(await countPresent(trainees.consumer)).toBe(true);
      expect(await countPresent(trainees.consumer)).toBe(false);
      const completed = (await events('training.course-completed', trainees.consumer)).filter((e) => e.courseId === courseId);
      expect(completed).toEqual([expect.objectContaining({ mode: 'onsite', track: 'officials', level: null, townshipCode: LEHONG, poor: true })]);
      const certs = (await call('consumer', 'GET', '/training/certificates')).json().items.filter((c: { courseId: string }) => c.courseId === courseId);
      expect(certs).toEqual([expect.objectContaining({ holderName: '张建华', mode: 'onsite', trackName: '干部和企业负责人', levelName: null, organiserName: expect.stringContaining('测试培训机构'), status: 'valid' })]);
      certificate = certs[0];
    });

    it('the PDF names the holder and the course, and its QR code is the verify address', async () => {
      const res = await call('consumer', 'GET', `/training/certificates/${certificate.id}/pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = pdfText(res.rawPayload);
      for (const words of ['结 业 证 书', '张建华', '农村电商发展模式与案例', '干部和企业负责人', '5306**********1028', certificate.number, certificate.verifyUrl]) expect(text).toContain(words);
      expect(qrModules(res.rawPayload)).toEqual(expectedModules(certificate.verifyUrl));
      expect(res.rawPayload.toString('latin1')).toContain(`/URI (${certificate.verifyUrl})`);
    });

    it('who may read a certificate: its holder and staff in sight; others as if there were none', async () => {
      const url = `/training/certificates/${certificate.id}`;
      for (const who of ['consumer', 'county', 'regulator', 'township', 'village', 'trainer']) expect((await call(who, 'GET', url)).statusCode, who).toBe(200);
      for (const who of ['merchant', 'courier']) expect((await call(who, 'GET', url)).statusCode, who).toBe(404);
      expect((await call('datacenter', 'GET', url)).statusCode).toBe(403);
      expect((await call(null, 'GET', url)).statusCode).toBe(401);
      const managed = async (who: string) => (await call(who, 'GET', `/training/certificates?scope=managed&courseId=${courseId}`)).json().items.map((c: { id: string }) => c.id);
      expect(await managed('township')).toEqual([certificate.id]);
      expect(await managed('trainer')).toEqual([certificate.id]);
      expect(await managed('village')).toEqual([certificate.id]); // the demo village point is in the holder's village
      expect((await call('consumer', 'GET', '/training/certificates?scope=managed')).statusCode).toBe(403);
    });

    it('a trainer also sees the certificates of sessions it taught for an organiser it is not a member of', async () => {
      const otherCourse = await course('巾帼电商创业', false, otherOrganiserId, 'sellers', 'basic');
      const taught = newId('ses');
      await db
        .insertInto('training_sessions')
        .values({ id: taught, title: '妇联电商培训', course_id: otherCourse, track: 'sellers', level: 'basic', organiser_id: otherOrganiserId, trainer_user_id: ids.trainer, trainer_name: '李老师', site_id: null, place_text: '文屏镇', township_code: OTHER_TOWNSHIP, village_code: null, capacity: 50, enrolled: 0, starts_at: now(), ends_at: new Date(clock.now().getTime() + 3 * 3600_000).toISOString(), status: 'planned', checkin_secret: 'x', notes: '', created_by: ids.county, created_at: now(), updated_at: now() })
        .execute();
      const tick = await call('trainer', 'POST', `/training/sessions/${taught}/attendance`, { traineeId: trainees.merchant });
      expect(tick.statusCode, tick.body).toBe(200);
      const cert = (await call('merchant', 'GET', `/training/certificates?courseId=${otherCourse}`)).json().items[0];
      expect(cert).toMatchObject({ organiserName: expect.stringContaining('县妇联测试'), mode: 'onsite' });
      expect((await call('trainer', 'GET', `/training/certificates?scope=managed&courseId=${otherCourse}`)).json().items.map((c: { id: string }) => c.id)).toEqual([cert.id]);
      expect((await call('trainer', 'GET', `/training/certificates/${cert.id}`)).statusCode).toBe(200);
      expect((await call('township', 'GET', `/training/certificates/${cert.id}`)).statusCode).toBe(404); // the holder is of 文屏镇
    });

    it('the public page says 有效 with the name partly masked, 未找到 for an unknown code', async () => {
      const code = certificate.verifyUrl.split('/c/')[1];
      const page = await t.app.inject({ method: 'GET', url: `/c/${code}`, remoteAddress: '203.0.113.7' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('有效');
      expect(page.body).toContain('张*华');
      expect(page.body).not.toContain('张建华');
      expect(page.body).toContain('农村电商发展模式与案例');
      expect(page.body).toContain(certificate.number);
      expect(page.body).not.toContain('<script');
      const unknown = await t.app.inject({ method: 'GET', url: '/c/AAAAAAAAAAAAAAAAAAAAAA', remoteAddress: '203.0.113.7' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('未找到');
    });

    it('withdrawing the only attendance revokes the certificate; the page says 已撤销; attending again issues a new one', async () => {
      const [first] = (await events('training.course-completed', trainees.consumer)).filter((e) => e.courseId === courseId);
      const untick = await call('trainer', 'DELETE', `/training/sessions/${sessionId}/attendance/${trainees.consumer}?reason=${encodeURIComponent('误勾，未到场')}`);
      expect(untick.statusCode, untick.body).toBe(200);
      const revokedAt = now();
      // The revocation is announced in the withdrawal's transaction, so statistics take the completion back.
      expect((await events('training.course-completion-revoked', trainees.consumer)).filter((e) => e.courseId === courseId)).toEqual([{ completionId: first.completionId, traineeId: trainees.consumer, courseId, revokedAt }]);
      expect(await db.selectFrom('training_completions').select(['id', 'revoked_at']).where('trainee_id', '=', trainees.consumer).where('course_id', '=', courseId).execute()).toEqual([{ id: first.completionId, revoked_at: revokedAt }]);
      const got = (await call('consumer', 'GET', `/training/certificates/${certificate.id}`)).json();
      expect(got).toMatchObject({ status: 'revoked', revokedAt: now(), revokeReason: expect.stringContaining('签到已撤销') });
      expect((await call('consumer', 'GET', `/training/certificates/${certificate.id}/pdf`)).json().error.code).toBe('CERTIFICATE_REVOKED');
      const page = await t.app.inject({ method: 'GET', url: `/c/${certificate.verifyUrl.split('/c/')[1]}`, remoteAddress: '203.0.113.8' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('已撤销');
      expect(page.body).not.toContain('>有效<');

      clock.advance(60_000);
      await countPresent(trainees.consumer);
      const certs = (await call('consumer', 'GET', `/training/certificates?courseId=${courseId}`)).json().items;
      expect(certs.map((c: { status: string }) => c.status)).toEqual(['valid', 'revoked']);
      expect(certs[0].number).not.toBe(certificate.number);
      // The same completion, reinstated at the new tick and announced again (same completionId) so the figures count it again.
      const completed = (await events('training.course-completed', trainees.consumer)).filter((e) => e.courseId === courseId);
      expect(completed).toEqual([first, { ...first, completedAt: now() }]);
      expect(await db.selectFrom('training_completions').select(['id', 'completed_at', 'revoked_at']).where('trainee_id', '=', trainees.consumer).where('course_id', '=', courseId).execute()).toEqual([{ id: first.completionId, completed_at: now(), revoked_at: null }]);
      // A second tick changes nothing; nothing more is revoked.
      expect(await countPresent(trainees.consumer)).toBe(false);
      expect((await events('training.course-completed', trainees.consumer)).filter((e) => e.courseId === courseId)).toHaveLength(2);
      expect((await events('training.course-completion-revoked', trainees.consumer)).filter((e) => e.courseId === courseId)).toHaveLength(1);
    });

    it('limits unknown codes per address: the eleventh lookup in the hour is refused, even for a real code', async () => {
      const code = certificate.verifyUrl.split('/c/')[1];
      const from = (url: string, remoteAddress = '198.51.100.20') => t.app.inject({ method: 'GET', url, remoteAddress });
      for (let i = 0; i < 10; i++) expect((await from(`/c/guess${String(i).padStart(17, '0')}`)).statusCode).toBe(404);
      const refused = await from(`/c/${code}`);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
      expect(refused.body).toContain('查询太频繁');
      // Another address is not held.
      expect((await from(`/c/${code}`, '198.51.100.21')).statusCode).toBe(200);
      clock.advance(3600_000);
      expect((await from(`/c/${code}`)).statusCode).toBe(200);
    });
  });

  it('deleting a material: county admins only; one with progress is hidden, one without goes', async () => {
    const courseId = await course('物流软件', true, organiserId);
    const pdf = await handoutPdf('物流讲义', [{ heading: '一', text: '扫码入库。' }]);
    const used = (await upload('county', courseId, pdf)).json().id;
    const unused = (await upload('county', courseId, pdf)).json().id;
    await call('consumer', 'POST', `/training/materials/${used}/progress`, { positionSeconds: 0 });
    expect((await call('trainer', 'DELETE', `/training/materials/${used}`)).statusCode).toBe(403);
    expect((await call('county', 'DELETE', `/training/materials/${used}`)).json()).toEqual({ id: used, outcome: 'hidden' });
    expect((await call('county', 'DELETE', `/training/materials/${unused}`)).json()).toEqual({ id: unused, outcome: 'deleted' });
    expect((await call('consumer', 'GET', `/training/materials/${used}/content`)).statusCode).toBe(404);
    expect(await db.selectFrom('training_materials').select(['id', 'state']).where('course_id', '=', courseId).execute()).toEqual([{ id: used, state: 'hidden' }]);
    expect(await db.selectFrom('training_material_progress').select('material_id').where('material_id', '=', used).execute()).toHaveLength(1);
  });

  it('makes the demo’s handouts as real Chinese PDFs, once per course', async () => {
    const courseId = await course('微商与社交电商入门（线上）', true, null);
    const made = await t.modules.training.materials.uploadDemoHandouts(systemContext('530621'), courseId);
    expect(made.map((m) => [m.kind, m.title])).toEqual([
      ['document', '微商入门讲义（一）：朋友圈与微信群卖货'],
      ['document', '微商入门讲义（二）：小程序与本平台开店'],
    ]);
    const pdf = await call('consumer', 'GET', `/training/materials/${made[0].id}/content`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('朋友圈每天发什么');
    expect(await t.modules.training.materials.uploadDemoHandouts(systemContext('530621'), courseId)).toEqual([]);
  });

  it('hourly housekeeping drops verify counters whose hour has passed and uploads a crash left behind for a day', async () => {
    const courseId = await course('售后服务', true, organiserId);
    const stale = newId('mat');
    await db
      .insertInto('training_materials')
      .values({ id: stale, course_id: courseId, kind: 'video', content_type: 'video/mp4', title: '断开的上传', position: 1, size_bytes: 0, chunk_bytes: MIB, chunks: 0, duration_seconds: null, min_read_seconds: 120, state: 'uploading', uploaded_by: ids.county, created_at: now(), updated_at: now(), hidden_at: null })
      .execute();
    await t.app.inject({ method: 'GET', url: '/c/nothing-here-at-all-xx', remoteAddress: '192.0.2.55' });
    expect(await db.selectFrom('training_verify_counters').select('key').execute()).not.toEqual([]);
    expect(await t.modules.training.materials.purgeStaleUploads()).toBe(0);
    clock.advance(25 * 3600_000);
    expect(await t.modules.training.materials.purgeStaleUploads()).toBe(1);
    expect(await db.selectFrom('training_materials').select('id').where('id', '=', stale).execute()).toEqual([]);
    expect(await t.modules.training.certificates.purgeCounters()).toBeGreaterThan(0);
    expect(await db.selectFrom('training_verify_counters').select('key').execute()).toEqual([]);
  });

  it('hourly housekeeping drops check-in scans remembered for an account without a trainee record more than a day ago', async () => {
    const sessionId = newId('ses');
    const ago = (ms: number) => new Date(clock.now().getTime() - ms).toISOString();
    await db
      .insertInto('training_checkin_pending')
      .values([
        { user_id: ids.courier, session_id: sessionId, token_hash: 'a'.repeat(64), scanned_at: ago(24 * 3600_000 + 60_000) },
        { user_id: ids.datacenter, session_id: sessionId, token_hash: 'b'.repeat(64), scanned_at: ago(23 * 3600_000) },
        { user_id: ids.merchant, session_id: sessionId, token_hash: 'c'.repeat(64), scanned_at: ago(5 * 60_000) },
      ])
      .execute();
    await t.jobs.runNow('training.learning-housekeeping');
    await t.jobs.tick();
    const left = await db.selectFrom('training_checkin_pending').select('user_id').where('session_id', '=', sessionId).orderBy('scanned_at').execute();
    expect(left.map((r) => r.user_id)).toEqual([ids.datacenter, ids.merchant]);
  });
});
