import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/kernel/clock.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';
import { labReportPdf } from '../fixtures/lab-report-pdf.js';

const clock = manualClock('2026-06-15T04:00:00.000Z');
const yesterday = shanghaiDate(new Date(clock.now().getTime() - 86_400_000));
const PDF = labReportPdf('鲁甸县农产品质量安全检测站 检测报告');
const labTest = (reportFileId: string) => ({
  kind: 'lab_test',
  occurredOn: yesterday,
  labTest: { laboratory: '鲁甸县农产品质量安全检测站', items: [{ name: '阿维菌素', result: '<0.01 mg/kg', limit: '≤0.02 mg/kg', pass: true }], reportFileId },
});

function multipart(content: Buffer) {
  const boundary = '----countyhub-files';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A lab report is read like the records that cite it: by whoever may read such a record, by its uploader, and by the
 * county office and regulators. Everyone else gets 404, as for a file that does not exist, so ids cannot be probed.
 */
describe.each(engines())('lab-report files, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  let reportId = '';
  let strayId = '';
  let otherPlotId = '';
  const inject = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload });
  const upload = (who: string, content = PDF) => {
    const { payload, contentType } = multipart(content);
    return t.app.inject({ method: 'POST', url: '/api/v1/trace/files', headers: { ...as[who], 'content-type': contentType }, payload });
  };
  const read = (who: string, id: string) => inject(who, 'GET', `/trace/files/${id}`);

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    for (const who of ['county', 'township', 'village', 'merchant', 'courier', 'regulator', 'trainer', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    // A second merchant, and the operator of another township (文屏镇).
    const users = [
      { username: 'other.merchant', displayName: '另一家合作社', roles: ['merchant'], scope: { kind: 'county', id: '530621' } },
      { username: 'wenping.township', displayName: '文屏镇服务站', roles: ['township_operator'], scope: { kind: 'township', id: '530621101' } },
    ];
    for (const u of users) {
      const res = await inject('county', 'POST', '/identity/users', { ...u, password: 'other-user-pass-1' });
      expect(res.statusCode, res.body).toBe(201);
      as[u.username] = await signIn(t.app, u.username, 'other-user-pass-1');
    }
    // demo.merchant keeps the 乐红 pepper co-op (乐红镇 乐红村): its lab report, cited by a record on its plot.
    const producer = (await inject('merchant', 'GET', '/trace/producers')).json().items.find((p: { name: string }) => p.name.includes('乐红青花椒'));
    const base = (await inject('merchant', 'POST', '/trace/bases', { producerId: producer.id, name: '检测基地', divisionCode: '530621110205', areaMu: 10 })).json();
    const plot = (await inject('merchant', 'POST', '/trace/plots', { baseId: base.id, name: '检测地块', crop: 'pepper', variety: '九叶青', areaMu: 5 })).json();
    reportId = (await upload('merchant')).json().fileId;
    const cited = await inject('merchant', 'POST', `/trace/plots/${plot.id}/records`, labTest(reportId));
    expect(cited.statusCode, cited.body).toBe(201);
    // A report uploaded and not (yet) cited by any record.
    strayId = (await upload('merchant')).json().fileId;
    // The other merchant's own co-op (a merchant registers its own seller as a producer) and plot.
    const coop = await inject('other.merchant', 'POST', '/parties/sellers', { kind: 'cooperative', name: '文屏测试合作社', creditCode: '93530621MA6K001610', contactName: '李四', contactPhone: '13987001234', divisionCode: '530621101201', address: '文屏镇' });
    expect(coop.statusCode, coop.body).toBe(201);
    const farmer = await inject('other.merchant', 'POST', '/trace/producers', { kind: 'seller', sellerId: coop.json().id, divisionCode: '530621101201' });
    expect(farmer.statusCode, farmer.body).toBe(201);
    const otherBase = (await inject('other.merchant', 'POST', '/trace/bases', { producerId: farmer.json().id, name: '文屏基地', divisionCode: '530621101201', areaMu: 3 })).json();
    otherPlotId = (await inject('other.merchant', 'POST', '/trace/plots', { baseId: otherBase.id, name: '文屏地块', crop: 'pepper', variety: '九叶青', areaMu: 2 })).json().id;
  }, 120_000);
  afterAll(() => t.close());

  it('is read by its owner, the county office, the regulator, and the township and village point of its record', async () => {
    for (const who of ['merchant', 'county', 'regulator', 'township', 'village']) {
      const res = await read(who, reportId);
      expect(res.statusCode, who).toBe(200);
      expect(res.headers['content-type'], who).toBe('application/pdf');
      expect(res.rawPayload.equals(PDF), who).toBe(true);
    }
  });

  it("is a 404 — as for no file at all — for another merchant, another township's operator and roles without records", async () => {
    const missing = await read('county', 'FIL_NOSUCHFILE0000');
    expect(missing.statusCode).toBe(404);
    for (const who of ['other.merchant', 'wenping.township', 'courier', 'trainer', 'consumer']) {
      const res = await read(who, reportId);
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error.code, who).toBe(missing.json().error.code);
    }
  });

  it('an uncited report is for its uploader and the county office and regulators only', async () => {
    for (const who of ['merchant', 'county', 'regulator']) expect((await read(who, strayId)).statusCode, who).toBe(200);
    for (const who of ['township', 'village', 'other.merchant', 'consumer']) expect((await read(who, strayId)).statusCode, who).toBe(404);
  });

  it("cannot be read by citing it: another merchant may not put someone else's report on its own record", async () => {
    for (const id of [reportId, strayId]) {
      const res = await inject('other.merchant', 'POST', `/trace/plots/${otherPlotId}/records`, labTest(id));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('body.labTest.reportFileId');
      expect((await read('other.merchant', id)).statusCode).toBe(404);
    }
    // Its own report it may cite.
    const own = (await upload('other.merchant')).json().fileId;
    expect((await inject('other.merchant', 'POST', `/trace/plots/${otherPlotId}/records`, labTest(own))).statusCode).toBe(201);
    expect((await read('wenping.township', own)).statusCode).toBe(200);
  });
});
