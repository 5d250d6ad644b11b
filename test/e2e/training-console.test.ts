/**
 * 电商培训 in the staff console, in a real browser: the county office creates a session in the form (site picked by
 * name, organiser, trainer, time), imports a roster workbook with one bad row in mode 只导入正确的行 (the bad row is
 * named by row and column, the good rows are enrolled, ID numbers masked), and opens the projector's 签到二维码 page,
 * which shows a QR image and the live present / enrolled count. The sessions list and the roster read on a 390 px
 * phone. Waits on state only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { residentIdCheck } from '../../src/modules/parties/index.js';
import { pick, shanghaiDay, useBrowserHarness } from './harness.js';

/** A resident ID number of Ludian (530621) born on `birth` (YYYYMMDD) with sequence `seq` (3 digits; odd = man). */
const residentId = (birth: string, seq: string) => {
  const first17 = `530621${birth}${seq}`;
  return first17 + residentIdCheck(first17);
};

async function rosterFile(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['姓名', '身份证号', '手机号', '乡镇', '村', '建档立卡贫困户', '残疾人', '党员', '女性', '青年']);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'training-e2e-')), 'roster.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

/** YYYY-MM-DD HH:mm in Asia/Shanghai, `minutes` from now (rounded down to 5 minutes, as the picker steps). */
function shanghaiTime(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000 + 8 * 3600_000);
  at.setUTCMinutes(at.getUTCMinutes() - (at.getUTCMinutes() % 5), 0, 0);
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

describe('training console', () => {
  const h = useBrowserHarness();
  const ownErrors = (errors: string[]) => errors.filter((e) => !/status of 401/.test(e));

  it('creates a session, imports a roster with one bad row (the good rows only), and shows the check-in QR', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    // An organiser of our own, with the demo trainer as its member (the demo's organisers may change).
    const trainers = await h.apiGet<{ items: { id: string; displayName: string }[] }>(page, '/identity/users?role=trainer');
    const trainer = trainers.items[0]!;
    const organiser = await page.request.post(`${h.base}/api/v1/training/organisers`, { data: { name: '浏览器测试电商培训学校', kind: 'body', memberUserIds: [trainer.id] } });
    expect(organiser.status()).toBe(201);

    await page.goto(`${h.base}/training/sessions`);
    await page.locator('[data-testid=session-create]').click();
    await page.locator('[data-testid=session-title]').fill('浏览器测试 · 网店开设与运营（基础班）');
    await pick(page, 'session-track', '电商创业');
    await pick(page, 'session-level', '基础');
    await pick(page, 'session-organiser', '浏览器测试电商培训学校', { typed: '浏览器测试' });
    await pick(page, 'session-trainer', trainer.displayName);
    await pick(page, 'session-site', '鲁甸县电子商务公共服务中心', { typed: '公共服务中心' });
    const range = page.locator('.ant-drawer-open .ant-picker-range input');
    await range.first().click();
    await range.first().fill(shanghaiTime(-10));
    await range.first().press('Enter');
    await range.nth(1).fill(shanghaiTime(120));
    await range.nth(1).press('Enter');
    await expect.poll(() => range.nth(1).inputValue()).toBe(shanghaiTime(120));
    await page.locator('input[data-testid=session-capacity], [data-testid=session-capacity] input').first().fill('30');
    await h.shot(page, 'training-session-form');
    await page.locator('[data-testid=session-save]').click();
    await page.waitForURL(/\/training\/sessions\/[^/]+$/);
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.locator('h4').first().textContent()).toContain('网店开设与运营');

    // 导入花名册, mode 只导入正确的行: the third data row (spreadsheet row 4) has a wrong check digit.
    await page.locator('[data-testid=session-tabs]').getByRole('tab', { name: '导入花名册' }).click();
    await page.locator('[data-testid=roster-import-mode]').getByText('只导入正确的行').click();
    const good1 = residentId('19900315', '124'); // a woman (even 17th digit), 36 in 2026: not youth
    const good2 = residentId('20010709', '131'); // a man, 25: youth
    const bad = `${good1.slice(0, 17)}${good1[17] === '0' ? '1' : '0'}`;
    const file = await rosterFile([
      ['张秀兰', good1, '13987001234', '文屏镇', '砚池山村', '是', '', '', '', ''],
      ['李国华', good2, '', '文屏镇', '岩洞村', '否', '否', '是', '', ''],
      ['王错号', bad, '13987005678', '文屏镇', '砚池山村', '', '', '', '', ''],
    ]);
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.locator('[data-testid=roster-import-done]').textContent()).toContain('已导入 2 人');
    const problems = page.locator('[data-testid=roster-import-errors] tbody tr.ant-table-row');
    await expect.poll(() => problems.count()).toBe(1);
    const [row, column] = (await problems.first().locator('td').allTextContents()).map((s) => s.trim());
    expect([row, column]).toEqual(['4', '身份证号']);
    await h.shot(page, 'training-roster-import');

    await page.locator('[data-testid=session-tabs]').getByRole('tab', { name: '花名册与签到' }).click();
    const roster = page.locator('[data-testid=roster-table] tbody tr.ant-table-row');
    await expect.poll(() => roster.count()).toBe(2);
    const zhang = roster.filter({ hasText: '张秀兰' });
    const zhangText = (await zhang.textContent()) ?? '';
    expect(zhangText).not.toContain(good1);
    expect(zhangText).toContain('建档立卡');
    expect(zhangText).toContain('女性');
    expect(zhangText).toContain('砚池山村');
    expect((await roster.filter({ hasText: '李国华' }).textContent()) ?? '').toContain('青年');
    // The trainer's list: a tick counts 张秀兰 present, once.
    await zhang.locator('[data-testid=roster-tick]').click();
    await expect.poll(() => zhang.locator('[data-testid=roster-present]').count()).toBe(1);
    const presentCount = page.locator('[data-testid=session-present] .ant-statistic-content-value');
    await expect.poll(() => presentCount.textContent()).toBe('1');
    // A mistaken tick is taken back with a reason, and ticked again.
    await zhang.locator('[data-testid=roster-untick]').click();
    await page.locator('[data-testid=untick-reason]').fill('误勾，重新点名');
    await page.locator('[data-testid=untick-confirm]').click();
    await expect.poll(() => presentCount.textContent()).toBe('0');
    await zhang.locator('[data-testid=roster-tick]').click();
    await expect.poll(() => presentCount.textContent()).toBe('1');
    await h.shot(page, 'training-session-detail');

    // 签到二维码: a QR image for the projector, and the count of present / enrolled.
    await page.locator('[data-testid=session-qr]').click();
    await page.waitForURL(new RegExp(`/training/sessions/${sessionId}/qr$`));
    const qr = page.locator('[data-testid=checkin-qr-image]');
    await expect.poll(() => qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => page.locator('[data-testid=checkin-qr-enrolled]').textContent()).toContain('2');
    expect(await page.locator('[data-testid=checkin-qr-present]').textContent()).toBe('1');
    await expect.poll(() => page.locator('[data-testid=checkin-qr-countdown]').textContent()).toMatch(/\d+ 秒后刷新/);
    await h.shot(page, 'training-checkin-qr', false);

    // 张秀兰's page: the session, present.
    const zhangId = (await h.apiGet<{ items: { trainee: { id: string; name: string } }[] }>(page, `/training/sessions/${sessionId}/roster`)).items.find((e) => e.trainee.name === '张秀兰')!.trainee.id;
    await page.goto(`${h.base}/training/trainees/${zhangId}`);
    const line = page.locator('[data-testid=trainee-history] .ant-list-item').filter({ hasText: '网店开设与运营' });
    await expect.poll(() => line.textContent()).toContain('已签到');
    // 去向: the county reads the follow-up; 张秀兰 was just trained, nothing recorded yet.
    await expect.poll(() => page.locator('[data-testid=trainee-outcomes]').textContent()).toContain('尚无记录');
    await h.shot(page, 'training-trainee-history');
    // The one refused row is not an error of the page; the QR code is the server's.
    const code = await h.apiGet<{ token: string; url: string }>(page, `/training/sessions/${sessionId}/checkin-code`);
    expect(code.url).toContain(`/learn/checkin/${sessionId}?t=`);
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('reads on a 390 px phone: the sessions as cards and the progress page', async () => {
    const { page, errors } = await h.openPage({ width: 390, height: 844 });
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/training/sessions?month=all`);
    await expect.poll(() => page.locator('[data-testid=sessions-table-card]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(page, 'training-sessions-phone');
    await page.goto(`${h.base}/training/progress`);
    await expect.poll(() => page.locator('[data-testid=progress-gauge]').getAttribute('data-rendered')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(page, 'training-progress-phone');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('lets a village point enrol one of its villagers on a 390 px phone (its village fixed), and lists them masked', async () => {
    const { page, errors } = await h.openPage({ width: 390, height: 844 });
    await h.signIn(page, 'demo.village');
    const upcoming = await h.apiGet<{ items: { id: string; title: string }[] }>(page, `/training/sessions?status=planned&from=${shanghaiDay(1)}`);
    const session = upcoming.items[0]!;
    await page.goto(`${h.base}/training/sessions/${session.id}?tab=enrol`);
    await expect.poll(() => page.locator('[data-testid=enrol-own-village]').textContent()).toBe('乐红镇 乐红村');
    const idNumber = residentId('19980517', '982'); // a woman of 28: woman and youth from the number
    await page.locator('[data-testid=enrol-name]').fill('马小花');
    await page.locator('[data-testid=enrol-id-number]').fill(idNumber);
    await page.locator('[data-testid=enrol-flags]').getByText('建档立卡').click();
    await h.shot(page, 'training-enrol-phone');
    await page.locator('[data-testid=enrol-submit]').click();
    await expect.poll(() => page.locator('.ant-message-notice').textContent()).toContain('已登记 马小花');
    await page.locator('[data-testid=session-tabs]').getByRole('tab', { name: '花名册与签到' }).click();
    const card = page.locator('[data-testid=roster-table-card]').filter({ hasText: '马小花' });
    await expect.poll(() => card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).not.toContain(idNumber);
    for (const flag of ['建档立卡', '女性', '青年']) expect(text).toContain(flag);
    expect(text).toContain('乐红村');
    // A village point neither ticks nor shows the QR.
    expect(await page.locator('[data-testid=roster-tick], [data-testid=session-qr]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(page, 'training-roster-phone');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('shows the progress against 3 500 / 350 with the milestones, and the follow-up and organisers pages', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/training/progress`);
    const progress = await h.apiGet<{ cumulative: { personTimes: number; poor: number } }>(page, '/training/progress');
    await expect.poll(() => page.locator('[data-testid=progress-person-times]').getAttribute('data-value')).toBe(String(progress.cumulative.personTimes));
    expect(await page.locator('[data-testid=progress-poor]').getAttribute('data-value')).toBe(String(progress.cumulative.poor));
    await expect.poll(() => page.locator('[data-testid=progress-gauge]').getAttribute('data-rendered')).toBe('true');
    await h.shot(page, 'training-progress');
    await page.goto(`${h.base}/training/follow-up`);
    await expect.poll(() => page.locator('[data-testid=follow-up-table]').count()).toBe(1);
    await h.shot(page, 'training-follow-up', false);
    // A trainee's page shows its 去向: kind in Chinese, by name, with the sales since (one of the demo's, or one recorded here).
    type FollowUpItem = { traineeId: string; outcomes: { kind: string; name: string; salesSinceFen: number | null }[] };
    let withOutcome = (await h.apiGet<{ items: FollowUpItem[] }>(page, '/training/follow-up?outcome=any&limit=1')).items[0];
    if (!withOutcome) {
      const untouched = (await h.apiGet<{ items: FollowUpItem[] }>(page, '/training/follow-up?outcome=none&limit=1')).items[0]!;
      const recorded = await page.request.post(`${h.base}/api/v1/training/trainees/${untouched.traineeId}/outcomes`, { data: { kind: 'employed', firmName: '昭通云品电子商务有限公司' } });
      expect(recorded.status()).toBe(201);
      withOutcome = (await h.apiGet<{ items: FollowUpItem[] }>(page, `/training/follow-up?trainee=${untouched.traineeId}`)).items[0]!;
    }
    await page.goto(`${h.base}/training/trainees/${withOutcome.traineeId}`);
    const outcomeLines = page.locator('[data-testid=trainee-outcomes] .ant-list-item');
    await expect.poll(() => outcomeLines.count()).toBe(withOutcome.outcomes.length);
    const kindNames: Record<string, string> = { seller: '本平台商户', shop: '站外开店', point_operator: '站点经营', employed: '电商企业就业' };
    for (const o of withOutcome.outcomes) {
      const text = await outcomeLines.filter({ hasText: o.name }).first().textContent();
      expect(text).toContain(kindNames[o.kind]);
      if (o.salesSinceFen !== null) expect(text).toContain('培训后销售额');
    }
    await h.shot(page, 'training-trainee-outcomes');
    await page.goto(`${h.base}/training/follow-up`);
    await expect.poll(() => page.locator('[data-testid=follow-up-table]').count()).toBe(1);
    // 推荐人才或团队: a trainee found by name; the shortlist then names them with the reason.
    const someone = (await h.apiGet<{ items: { name: string }[] }>(page, '/training/trainees?limit=1')).items[0]!.name;
    await page.locator('.ant-tabs-tab').filter({ hasText: '优秀人才与团队' }).click();
    await page.locator('[data-testid=talent-nominate]').click();
    await pick(page, 'talent-trainee', someone, { typed: someone });
    await page.locator('[data-testid=talent-reason]').fill('培训后开办网店，带动本村农户销售花椒');
    await page.locator('[data-testid=talent-save]').click();
    const nominated = page.locator('[data-testid=talent-table] tbody tr.ant-table-row').filter({ hasText: '带动本村农户销售花椒' });
    await expect.poll(() => nominated.count()).toBe(1);
    expect(await nominated.textContent()).toContain(someone);
    await h.shot(page, 'training-talent');
    await page.goto(`${h.base}/training/courses`);
    const courses = page.locator('[data-testid=courses-table] tbody tr.ant-table-row');
    await expect.poll(() => courses.count()).toBeGreaterThan(0);
    await courses.first().locator('[data-testid=course-materials]').click();
    await expect.poll(() => page.locator('[data-testid=materials-list]').count()).toBe(1);
    await h.shot(page, 'training-courses');
    await page.goto(`${h.base}/training/trainees`);
    const trainees = page.locator('[data-testid=trainees-table] tbody tr.ant-table-row');
    await expect.poll(() => trainees.count()).toBeGreaterThan(0);
    // Nobody's ID number is shown whole to the county office.
    for (const text of await trainees.allTextContents()) expect(text).not.toMatch(/\d{17}[\dX]/);
    await trainees.first().locator('[data-testid=trainee-link]').click();
    await page.waitForURL(/\/training\/trainees\/[^/]+$/);
    await expect.poll(() => page.locator('[data-testid=trainee-history]').count()).toBe(1);
    // 去向: the outcomes the follow-up gives for this trainee, by name (or 尚无记录), on the page.
    const traineeId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const followUp = await h.apiGet<{ items: { outcomes: { name: string }[] }[] }>(page, `/training/follow-up?trainee=${encodeURIComponent(traineeId)}`);
    const outcomeNames = followUp.items[0]?.outcomes.map((o) => o.name) ?? [];
    const outcomesCard = page.locator('[data-testid=trainee-outcomes]');
    if (outcomeNames.length === 0) await expect.poll(() => outcomesCard.textContent()).toContain('尚无记录');
    for (const name of outcomeNames) await expect.poll(() => outcomesCard.textContent()).toContain(name);
    await h.shot(page, 'training-trainee');
    await page.goto(`${h.base}/training/organisers`);
    await expect.poll(() => page.locator('[data-testid=organisers-table] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await h.shot(page, 'training-organisers');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);
});
