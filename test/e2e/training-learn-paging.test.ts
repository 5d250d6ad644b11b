/**
 * The trainee's phone page (/learn, 390 px) shows a long list a page at a time: more than one page (50) of sessions
 * open for enrolment shows the first 50 and 加载更多, which brings the rest (nothing is cut off silently). Needs the
 * built console (`npx vite build`).
 */
import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers.js';
import { useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const MINUTE = 60_000;

describe('training: the trainee’s phone lists page with 加载更多', () => {
  const h = useBrowserHarness({ busy: '.ant-message-notice, .ant-spin-spinning, .ant-skeleton' });

  it('shows 50 open sessions, then the rest after 加载更多', async () => {
    const { app } = h.t;
    const county = await signIn(app, 'demo.county');
    const ok = async <T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
      const res = await app.inject({ method, url: `/api/v1${url}`, headers: county, payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json() as T;
    };
    const stamp = Date.now().toString().slice(-6);
    const organiser = (await ok<{ items: { id: string }[] }>('GET', '/training/organisers?limit=50')).items[0];
    const course = await ok<{ id: string }>('POST', '/training/courses', { title: `直播带货入门${stamp}`, track: 'sellers', level: 'basic', summary: '手机直播卖农产品', hours: 2, online: false, organiserId: organiser.id });
    // Enough sessions next week that the open ones are more than one page, whatever the demo has.
    const countOpen = async () => {
      let total = 0;
      let cursor: string | null = null;
      do {
        const page: { items: unknown[]; nextCursor: string | null } = await ok('GET', `/training/sessions/open?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        total += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return total;
    };
    const start = Date.now() + 7 * 24 * 60 * MINUTE;
    for (let i = (await countOpen()); i <= 55; i++) {
      await ok('POST', '/training/sessions', {
        title: `乐红镇直播带货班${stamp}-${i}`,
        courseId: course.id,
        organiserId: organiser.id,
        trainerName: '杨老师',
        placeText: '乐红镇便民服务中心',
        townshipCode: '530621110',
        capacity: 30,
        startsAt: new Date(start + i * 60 * MINUTE).toISOString(),
        endsAt: new Date(start + i * 60 * MINUTE + 50 * MINUTE).toISOString(),
      });
    }
    const total = await countOpen();
    expect(total).toBeGreaterThan(50);

    const { page: p, errors } = await h.openPage(PHONE);
    await h.signIn(p, 'demo.county');
    await p.goto(`${h.base}/learn`);
    const section = p.getByTestId('learn-open');
    const sessions = section.getByTestId('learn-open-session');
    await expect.poll(() => sessions.count(), { timeout: 15_000 }).toBe(50);
    const more = section.getByRole('button', { name: '加载更多' });
    await expect.poll(() => more.count()).toBe(1);
    await more.click();
    await expect.poll(() => sessions.count(), { timeout: 15_000 }).toBe(total);
    // All there: no further 加载更多 under the list.
    await expect.poll(() => more.count()).toBe(0);
    await h.shot(p, 'learn/paging-open-sessions');
    expect(errors.filter((e) => !/Failed to load resource|favicon/.test(e))).toEqual([]);
  });
});
