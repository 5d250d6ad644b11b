/**
 * Issue 15's journey in a real browser. The county office (desktop) makes a session happening now for an on-site
 * course and imports its roster workbook on the session's page; a trainee on the roster, on a 390-px phone, opens the
 * check-in address of the session's QR code (taken from GET /checkin-code, as the projector shows it), is asked to
 * sign in with a texted code (read from the local SMS outbox), then for their trainee record (the ID number claims
 * the roster's record), and sees ✓ 签到成功 with the session's title, time and place. The training progress (the
 * 培训进度 page's gauge and the API) and the county's statistics (training_person_times after the event dispatcher
 * ran) move by exactly one; the on-site course gives a certificate whose PDF links its QR to /c/<code>, which says
 * 有效. Every phone page is photographed at 390 px: /tmp/shots/learn/*.png. Needs the built console (`npx vite build`).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labReportPdf } from '../fixtures/lab-report-pdf.js';
import { signIn } from '../helpers.js';
import { pick, useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const TOWNSHIP = '530621110'; // 乐红镇
const VILLAGE = '530621110205'; // 乐红村
const MINUTE = 60_000;

/** Page errors that are ours, not the browser refusing a resource of the headless profile. */
const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource|favicon/.test(e));

/** The check character of a resident ID number (GB 11643). */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The period of now in Shanghai: 2026-12. */
const monthNow = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());

describe('training: a roster, a QR check-in on a phone, the gauge and the statistics, a certificate that verifies', () => {
  const h = useBrowserHarness({ busy: '.ant-message-notice, .ant-spin-spinning, .ant-skeleton' });
  fs.mkdirSync('/tmp/shots/learn', { recursive: true });
  const stamp = Date.now().toString().slice(-6);
  // A woman of 乐红村 born 1996 (the 17th digit even), on the roster with the phone she will sign in with.
  const TRAINEE = { name: '马春燕', idNumber: idNumber(`53062119960512${stamp.slice(-2)}2`), phone: `1398${stamp}9`.slice(0, 11) };

  /** Delivers every event waiting for the async subscribers (the statistics' rollups). */
  async function deliver() {
    for (let guard = 0; guard < 10_000; guard++) if ((await h.t.events.runOnce()) === 0) return;
    throw new Error('events kept coming');
  }

  /** The code in the newest text to a phone, once more than `before` texts have gone to it. */
  const codeSentTo = async (phone: string, before: number) => {
    let body = '';
    await expect
      .poll(async () => {
        const sent = await h.t.modules.notify.outbox.sentTo(phone);
        body = sent.length > before ? sent[0].body : '';
        return body;
      }, { timeout: 15_000 })
      .toMatch(/验证码\d{6}/);
    return /验证码(\d{6})/.exec(body)![1];
  };

  /** This month's county figure of an indicator, as the statistics hold it. */
  const figure = async (page: Page, indicator: string) => {
    const { figures } = await h.apiGet<{ figures: { indicator: string; value: number | null }[] }>(page, `/stats/figures?grain=month&period=${monthNow()}`);
    return figures.find((f) => f.indicator === indicator)?.value ?? 0;
  };
  const personTimesFigure = (page: Page) => figure(page, 'training_person_times');
  /** The data screen's training person-times since the programme began, as the wall shows them (opened afresh). */
  const screenTraining = async (page: Page) => {
    await page.goto(`${h.base}/screen`);
    const value = page.getByTestId('screen-training-all-value');
    await expect.poll(() => value.textContent(), { timeout: 20_000 }).toMatch(/^[\d,]+$/);
    return Number((await value.textContent())!.replace(/,/g, ''));
  };
  const poorPersonTimesFigure = (page: Page) => figure(page, 'training_poor_person_times');

  it('imports a roster, checks a trainee in by QR on a phone, moves the gauge and the statistics by one, and verifies the certificate', async () => {
    const { app } = h.t;
    const county = await signIn(app, 'demo.county');
    const ok = async <T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
      const res = await app.inject({ method, url: `/api/v1${url}`, headers: county, payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json() as T;
    };
    // The demo data's own events first, so "before" is the settled figure.
    await deliver();

    // An on-site course of the sellers' track and a session of it happening now in 乐红镇 (began 10 minutes ago).
    const organiser = (await ok<{ items: { id: string; name: string }[] }>('GET', '/training/organisers?limit=50')).items[0];
    const course = await ok<{ id: string }>('POST', '/training/courses', { title: `网店开设与装修实操${stamp}`, track: 'sellers', level: 'basic', summary: '在微信、淘宝开店，拍图、上架、装修店铺', hours: 3, online: false, organiserId: organiser.id });
    const now = Date.now();
    const session = await ok<{ id: string; title: string }>('POST', '/training/sessions', {
      title: `乐红镇电商创业基础班${stamp}`,
      courseId: course.id,
      organiserId: organiser.id,
      trainerName: '杨老师',
      placeText: '乐红镇便民服务中心二楼会议室',
      townshipCode: TOWNSHIP,
      capacity: 40,
      startsAt: new Date(now - 10 * MINUTE).toISOString(),
      endsAt: new Date(now + 110 * MINUTE).toISOString(),
    });
    // Another session of tomorrow: its code is real, but check-in is not open yet.
    const tomorrow = await ok<{ id: string }>('POST', '/training/sessions', {
      title: `乐红镇电商创业进阶班${stamp}`,
      courseId: course.id,
      organiserId: organiser.id,
      trainerName: '杨老师',
      placeText: '乐红镇便民服务中心二楼会议室',
      townshipCode: TOWNSHIP,
      capacity: 40,
      startsAt: new Date(now + 24 * 60 * MINUTE).toISOString(),
      endsAt: new Date(now + 27 * 60 * MINUTE).toISOString(),
    });

    // A short online course: one handout of at least 3 seconds' reading.
    const online = await ok<{ id: string }>('POST', '/training/courses', { title: `农村电商客服话术${stamp}`, track: 'sellers', level: 'basic', summary: '网店客服的常用话术与售后处理', hours: 0.5, online: true, organiserId: organiser.id });
    const boundary = `----learn-${stamp}`;
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/training/courses/${online.id}/materials?title=${encodeURIComponent('客服话术讲义')}&minReadSeconds=3`,
      headers: { ...county, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="handout.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        labReportPdf('客服话术讲义'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);

    // ---- the county office imports the roster on the session's page (desktop) ----
    const desk = await h.openPage(DESKTOP);
    await h.signIn(desk.page, 'demo.county');
    // A short video for the online course, recorded from a canvas by the browser itself (WebM, 6 s): the course has a
    // handout and a video, and is complete when both are.
    const webm = await desk.page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 90;
      const g = canvas.getContext('2d')!;
      const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      let frame = 0;
      const draw = setInterval(() => {
        g.fillStyle = `hsl(${(frame += 12) % 360}, 70%, 50%)`;
        g.fillRect(0, 0, 160, 90);
      }, 100);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start();
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      recorder.stop();
      await stopped;
      clearInterval(draw);
      return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
    });
    const video = await app.inject({
      method: 'POST',
      url: `/api/v1/training/courses/${online.id}/materials?title=${encodeURIComponent('客服示范视频')}&durationSeconds=5`,
      headers: { ...county, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="demo.webm"\r\nContent-Type: video/webm\r\n\r\n`),
        Buffer.from(webm),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(video.statusCode, video.body).toBe(201);

    const before = {
      progress: (await h.apiGet<{ cumulative: { personTimes: number; poor: number } }>(desk.page, '/training/progress')).cumulative,
      figure: await personTimesFigure(desk.page),
      poorFigure: await poorPersonTimesFigure(desk.page),
      screen: await screenTraining(desk.page),
    };
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('培训名单');
    sheet.addRow(['姓名', '身份证号', '手机号', '乡镇', '村', '建档立卡贫困户', '残疾人', '党员', '女性', '青年']);
    sheet.addRow([TRAINEE.name, TRAINEE.idNumber, TRAINEE.phone, '乐红镇', '乐红村', '是', '否', '否', '', '']);
    sheet.addRow(['杨国富', idNumber(`53062119780304${stamp.slice(-2)}1`), '', '乐红镇', '乐红村', '否', '否', '是', '', '']);
    const rosterFile = `/tmp/shots/learn/roster-${stamp}.xlsx`;
    await book.xlsx.writeFile(rosterFile);
    await desk.page.goto(`${h.base}/training/sessions/${session.id}?tab=import`);
    await expect.poll(() => desk.page.getByTestId('roster-import-choose').isVisible(), { timeout: 15_000 }).toBe(true);
    await desk.page.locator('input[type=file]').setInputFiles(rosterFile);
    await expect.poll(() => desk.page.getByTestId('roster-import-done').textContent(), { timeout: 15_000 }).toContain('2');
    await h.shot(desk.page, 'learn/desk-roster-imported');
    const roster = await h.apiGet<{ items: { present: boolean; trainee: { name: string; idNumber: string; phone: string | null; poor: boolean; woman: boolean; claimed: boolean } }[] }>(desk.page, `/training/sessions/${session.id}/roster?limit=50`);
    const listed = roster.items.find((r) => r.trainee.name === TRAINEE.name)!;
    // Masked for the county office too; she is a woman by her ID number; not yet anyone's account.
    expect(listed).toMatchObject({ present: false, trainee: { poor: true, woman: true, claimed: false } });
    expect(listed.trainee.idNumber).not.toBe(TRAINEE.idNumber);
    expect(listed.trainee.idNumber).toMatch(/\*/);
    expect(roster.items).toHaveLength(2);

    /** What the projector's QR holds now (its address on this server). */
    const scanCode = async (sessionId: string) => {
      const code = await h.apiGet<{ url: string; token: string }>(desk.page, `/training/sessions/${sessionId}/checkin-code`);
      // Absolute, so a phone camera opens it: without COUNTYHUB_PUBLIC_URL (as in tests), this server's own address.
      expect(code.url.startsWith(`${h.base}/`)).toBe(true);
      const url = new URL(code.url);
      expect(url.pathname).toBe(`/learn/checkin/${sessionId}`);
      expect(url.searchParams.get('t')).toBe(code.token);
      return `${h.base}${url.pathname}${url.search}`;
    };

    // ---- the trainee's phone: scan, sign in by texted code, fill the record, checked in ----
    const phone = await h.openPage(PHONE, { isMobile: true, hasTouch: true });
    const p = phone.page;
    await p.goto(await scanCode(session.id));
    await p.waitForURL(/\/shop\/login\?next=%2Flearn%2Fcheckin%2F/);
    await expect.poll(() => p.getByTestId('shop-sign-in-page').isVisible()).toBe(true);
    await h.shot(p, 'learn/1-sign-in');
    await p.getByTestId('sms-phone').fill(TRAINEE.phone);
    const sent = (await h.t.modules.notify.outbox.sentTo(TRAINEE.phone)).length;
    await p.getByTestId('sms-send').click();
    await p.getByTestId('sms-code').fill(await codeSentTo(TRAINEE.phone, sent));
    await p.getByTestId('sms-submit').click();
    await p.waitForURL((url) => url.pathname === `/learn/checkin/${session.id}`);

    // Back on the check-in page: no trainee record yet, so the page asks for one (a code that ran out meanwhile is
    // told, and the trainee scans the projector's QR again, as in the room).
    const outcome = () =>
      expect
        .poll(async () => {
          for (const id of ['checkin-ok', 'checkin-profile', 'checkin-expired', 'checkin-closed', 'checkin-failed']) if (await p.getByTestId(id).isVisible()) return id;
          return 'waiting';
        }, { timeout: 20_000 })
        .not.toBe('waiting');
    const seen = async () => {
      for (const id of ['checkin-ok', 'checkin-profile', 'checkin-expired', 'checkin-closed', 'checkin-failed']) if (await p.getByTestId(id).isVisible()) return id;
      return 'waiting';
    };
    let filled = false;
    for (let scans = 1; ; scans++) {
      await outcome();
      const state = await seen();
      if (state === 'checkin-ok') break;
      expect(scans, `check-in went round ${scans} times, last ${state}`).toBeLessThan(4);
      if (state === 'checkin-expired') {
        // Only before the record is made (the sign-in outlived the code): after the form, the same code checks in.
        expect(filled).toBe(false);
        await p.goto(await scanCode(session.id));
        continue;
      }
      expect(state).toBe('checkin-profile');
      expect(filled).toBe(false);
      await h.shot(p, 'learn/2-profile-needed');
      await p.getByTestId('learn-name').fill(TRAINEE.name);
      await p.getByTestId('learn-id-number').fill(TRAINEE.idNumber);
      await pick(p, 'learn-township', '乐红镇', { typed: '乐红' });
      await pick(p, 'learn-village', '乐红村', { typed: '乐红村' });
      await h.shot(p, 'learn/3-profile-filled');
      await p.getByTestId('learn-profile-submit').click();
      filled = true;
      await expect.poll(() => p.getByTestId('checkin-profile').count(), { timeout: 15_000 }).toBe(0);
    }
    expect(filled).toBe(true);
    await expect.poll(() => p.getByTestId('checkin-ok-title').textContent()).toBe('签到成功');
    expect(await p.getByTestId('checkin-session-title').textContent()).toBe(session.title);
    await expect.poll(() => p.getByTestId('checkin-session-time').textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}–\d{2}:\d{2}/);
    expect(await p.getByTestId('checkin-session-place').textContent()).toContain('乐红镇便民服务中心二楼会议室');
    await h.shot(p, 'learn/4-checked-in');

    // The roster's record is hers now (claimed by ID number with the same phone), whole to her, present.
    const me = await h.apiGet<{ trainee: { name: string; idNumber: string; phone: string; villageCode: string; poor: boolean; claimed: boolean }; personTimes: { sessionId: string | null }[] }>(p, '/training/me');
    expect(me.trainee).toMatchObject({ name: TRAINEE.name, idNumber: TRAINEE.idNumber, phone: TRAINEE.phone, villageCode: VILLAGE, poor: true, claimed: true });
    expect(me.personTimes.filter((x) => x.sessionId === session.id)).toHaveLength(1);
    const after = await h.apiGet<typeof roster>(desk.page, `/training/sessions/${session.id}/roster?limit=50`);
    expect(after.items).toHaveLength(2);
    expect(after.items.filter((r) => r.present).map((r) => r.trainee.name)).toEqual([TRAINEE.name]);

    // A second scan counts nothing more.
    await p.goto(await scanCode(session.id));
    await expect.poll(() => p.getByTestId('checkin-ok-title').textContent(), { timeout: 15_000 }).toBe('签到成功');
    await expect.poll(() => p.locator('body').innerText()).toContain('您已签到，无需重复扫码');

    // A code that is not the projector's, and a session of tomorrow: told plainly, nothing counted.
    await p.goto(`${h.base}/learn/checkin/${session.id}?t=not-the-code`);
    await expect.poll(() => p.getByTestId('checkin-problem').textContent(), { timeout: 15_000 }).toBe('二维码已过期，请重新扫码');
    await h.shot(p, 'learn/5-code-expired');
    await p.goto(await scanCode(tomorrow.id));
    await expect.poll(() => p.getByTestId('checkin-problem').textContent(), { timeout: 15_000 }).toBe('不在签到时间');
    await h.shot(p, 'learn/6-not-open');

    // ---- the gauge and the statistics moved by exactly one (and one poor person-time) ----
    const progress = (await h.apiGet<{ cumulative: { personTimes: number; poor: number } }>(desk.page, '/training/progress')).cumulative;
    expect(progress.personTimes - before.progress.personTimes).toBe(1);
    expect(progress.poor - before.progress.poor).toBe(1);
    await desk.page.goto(`${h.base}/training/progress`);
    await expect.poll(() => desk.page.getByTestId('progress-person-times').getAttribute('data-value'), { timeout: 15_000 }).toBe(String(progress.personTimes));
    expect(await desk.page.getByTestId('progress-poor').getAttribute('data-value')).toBe(String(progress.poor));
    await h.shot(desk.page, 'learn/desk-progress');
    await deliver();
    expect((await personTimesFigure(desk.page)) - before.figure).toBe(1);
    expect((await poorPersonTimesFigure(desk.page)) - before.poorFigure).toBe(1);
    // The data screen's training count (since the programme began) too.
    await expect.poll(() => screenTraining(desk.page), { timeout: 30_000 }).toBe(before.screen + 1);
    await h.shot(desk.page, 'learn/desk-screen', false);

    // ---- her 学习培训 page: the record, the session ✓, the certificate of the on-site course ----
    await p.goto(`${h.base}/learn`);
    await expect.poll(() => p.getByTestId('learn-record-name').textContent(), { timeout: 15_000 }).toBe(TRAINEE.name);
    expect(await p.getByTestId('learn-record-id').textContent()).toBe(TRAINEE.idNumber);
    expect(await p.getByTestId('learn-record-place').textContent()).toBe('乐红镇 乐红村');
    const mySession = p.getByTestId('learn-my-session').filter({ hasText: session.title });
    await expect.poll(() => mySession.getByTestId('learn-present').textContent()).toBe('已签到');
    const cert = p.getByTestId('learn-certificate').filter({ hasText: `网店开设与装修实操${stamp}` });
    await expect.poll(() => cert.count(), { timeout: 15_000 }).toBe(1);
    await cert.getByTestId('learn-cert-show-qr').click();
    await expect.poll(() => cert.getByTestId('learn-cert-qr-image').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await h.shot(p, 'learn/7-home');
    const text = await p.locator('body').innerText();
    expect(text).not.toMatch(/\b(usr|trn|ses|sess|crs|org|cert|pt)_[0-9a-z]/i);
    expect(text).not.toMatch(/\b(sellers|officials|station_staff|onsite|online)\b/);

    // ---- the online course: she opens the handout, reads, 已学完; the course is complete and counted once ----
    await p.getByTestId('learn-course').filter({ hasText: `农村电商客服话术${stamp}` }).locator('a').click();
    await p.waitForURL((url) => url.pathname === `/learn/courses/${online.id}`);
    await expect.poll(() => p.getByTestId('learn-material').count(), { timeout: 15_000 }).toBe(2);
    await h.shot(p, 'learn/9-course');
    // The handout opens in the phone's own viewer (a new tab); its reading time starts.
    const [viewer] = await Promise.all([p.context().waitForEvent('page'), p.getByTestId('learn-open-pdf').click()]);
    await viewer.close().catch(() => undefined);
    await expect.poll(() => p.getByTestId('learn-finish-pdf').isEnabled(), { timeout: 15_000 }).toBe(true);
    await p.getByTestId('learn-finish-pdf').click();
    await expect.poll(() => p.getByTestId('learn-material-done').count(), { timeout: 15_000 }).toBe(1);
    expect(await p.getByTestId('learn-course-completed').count()).toBe(0);
    // The video, played to its end (muted: a phone plays it on a tap; here the page starts it): credited by the
    // wall time it played, done at 90 %.
    await p.getByTestId('learn-video').evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await expect.poll(() => p.getByTestId('learn-material-done').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => p.getByTestId('learn-course-completed').isVisible()).toBe(true);
    await h.shot(p, 'learn/10-course-done');
    const progressOnline = (await h.apiGet<{ cumulative: { personTimes: number } }>(desk.page, '/training/progress')).cumulative;
    expect(progressOnline.personTimes - progress.personTimes).toBe(1);
    await p.getByTestId('learn-course-certificate').click();
    await p.waitForURL((url) => url.pathname === '/learn');
    await expect.poll(() => p.getByTestId('learn-certificate').count(), { timeout: 15_000 }).toBe(2);

    // The PDF links its QR to the public verify page, which says 有效.
    await cert.getByTestId('learn-cert-show-qr').click();
    await expect.poll(() => cert.getByTestId('learn-cert-link').isVisible()).toBe(true);
    const pdfHref = (await cert.getByTestId('learn-cert-pdf').getAttribute('href'))!;
    const pdf = await p.request.get(new URL(pdfHref, h.base).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = (await pdf.body()).toString('latin1');
    const linked = /\/URI \((https?:\/\/[^)]+\/c\/[A-Za-z0-9_-]{22})\)/.exec(bytes)?.[1];
    expect(linked, 'the QR code’s link in the PDF').toBeDefined();
    expect(await cert.getByTestId('learn-cert-link').textContent()).toBe(linked);
    const verify = await h.openPage(PHONE);
    await verify.page.goto(`${h.base}${new URL(linked!).pathname}`);
    await expect.poll(() => verify.page.locator('.badge').textContent()).toBe('有效');
    expect(await verify.page.locator('body').innerText()).toContain(`网店开设与装修实操${stamp}`);
    await h.shot(verify.page, 'learn/8-verified');

    expect(ownErrors(desk.errors)).toEqual([]);
    expect(ownErrors(phone.errors)).toEqual([]);
    expect(ownErrors(verify.errors)).toEqual([]);
  }, 300_000);

  it('lets a new account make its record on 学习培训 (a record with another phone is refused), then enrol', async () => {
    const { app } = h.t;
    const county = await signIn(app, 'demo.county');
    const ok = async <T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
      const res = await app.inject({ method, url: `/api/v1${url}`, headers: county, payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json() as T;
    };
    const organiser = (await ok<{ items: { id: string }[] }>('GET', '/training/organisers?limit=50')).items[0];
    const now = Date.now();
    const open = await ok<{ id: string; title: string }>('POST', '/training/sessions', {
      title: `乐红镇站点人员培训${stamp}`,
      track: 'station_staff',
      organiserId: organiser.id,
      trainerName: '张老师',
      placeText: '乐红镇电商服务站',
      townshipCode: TOWNSHIP,
      capacity: 30,
      startsAt: new Date(now + 2 * 24 * 60 * MINUTE).toISOString(),
      endsAt: new Date(now + (2 * 24 * 60 + 180) * MINUTE).toISOString(),
    });
    // A villager a township operator already put on that list, with her own phone.
    const other = { name: '王丽', idNumber: idNumber(`53062119900817${stamp.slice(-2)}4`), phone: `1377${stamp}1`.slice(0, 11) };
    await ok('POST', `/training/sessions/${open.id}/enrolments`, { trainee: { ...other, townshipCode: TOWNSHIP, villageCode: VILLAGE } });

    const { page: p, errors } = await h.openPage(PHONE, { isMobile: true, hasTouch: true });
    const phoneNo = `1358${stamp}2`.slice(0, 11);
    await p.goto(`${h.base}/learn`);
    await p.waitForURL(/\/shop\/login\?next=%2Flearn$/);
    await p.getByTestId('sms-phone').fill(phoneNo);
    const sent = (await h.t.modules.notify.outbox.sentTo(phoneNo)).length;
    await p.getByTestId('sms-send').click();
    await p.getByTestId('sms-code').fill(await codeSentTo(phoneNo, sent));
    await p.getByTestId('sms-submit').click();
    await p.waitForURL((url) => url.pathname === '/learn');

    // No record yet: the form, and open sessions that cannot be enrolled in until it is made.
    await expect.poll(() => p.getByTestId('learn-profile-form').isVisible(), { timeout: 15_000 }).toBe(true);
    const row = p.getByTestId('learn-open-session').filter({ hasText: open.title });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.getByTestId('learn-enrol').isDisabled()).toBe(true);
    await h.shot(p, 'learn/11-home-new');

    // Someone else's ID number (on record with another phone) is refused with whom to ask.
    await p.getByTestId('learn-name').fill(other.name);
    await p.getByTestId('learn-id-number').fill(other.idNumber);
    await pick(p, 'learn-township', '乐红镇', { typed: '乐红' });
    await pick(p, 'learn-village', '乐红村', { typed: '乐红村' });
    await p.getByTestId('learn-profile-submit').click();
    await expect.poll(() => p.getByTestId('form-error').textContent(), { timeout: 15_000 }).toContain('请联系培训老师');
    await h.shot(p, 'learn/12-claim-refused');

    // Her own: a poor household's daughter of 乐红村.
    const mine = idNumber(`53062120010203${stamp.slice(-2)}6`);
    await p.getByTestId('learn-name').fill('李小芬');
    await p.getByTestId('learn-id-number').fill(mine);
    await p.getByText('建档立卡贫困户').click();
    await p.getByTestId('learn-profile-submit').click();
    await expect.poll(() => p.getByTestId('learn-record-name').textContent(), { timeout: 15_000 }).toBe('李小芬');
    expect(await p.getByTestId('learn-record-id').textContent()).toBe(mine);
    await expect.poll(() => p.getByTestId('learn-record').innerText()).toContain('建档立卡贫困户');
    expect(await p.getByTestId('learn-record').innerText()).toContain('妇女');

    // 报名: on the list, shown under 我的培训 as not yet checked in.
    await row.getByTestId('learn-enrol').click();
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('已报名');
    const enrolled = p.getByTestId('learn-my-session').filter({ hasText: open.title });
    await expect.poll(() => enrolled.innerText()).toContain('未签到');
    await h.shot(p, 'learn/13-enrolled');
    const list = await ok<{ items: { trainee: { name: string; idNumber: string } }[] }>('GET', `/training/sessions/${open.id}/roster?limit=50`);
    expect(list.items.map((r) => r.trainee.name).sort()).toEqual(['李小芬', '王丽'].sort());
    expect(list.items.every((r) => r.trainee.idNumber.includes('*'))).toBe(true);
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);
});
