import { escapeHtml as e } from '../../kernel/html.js';
import type { ScanFacts, ScanPackage } from './scan.service.js';

const CERT_NAMES: Record<string, string> = { green_food: '绿色食品 Green Food', organic: '有机产品 Organic', geographical_indication: '农产品地理标志 Geographical indication' };
const ACTIVITY_NAMES: Record<string, string> = { pruning: '修剪', bagging: '套袋', thinning: '疏果', irrigation: '灌溉', weeding: '除草', pollination: '授粉', other: '农事' };

const section = (title: string, body: string) => (body ? `<section><h2>${title}</h2>${body}</section>` : '');
const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;

/**
 * The page a shopper sees after scanning a label: one small HTML document, no script, no images, readable on a
 * slow phone. A recall or a copied-label warning comes first.
 */
/**
 * A rule the farm record broke, as the public sees it: what the regulator decided, not the raw flag. Under review it
 * says so; released, it says the regulator reviewed and released it; upheld (or with no review at all), the flag.
 */
function flagged(review: ScanFacts['review'], raw: string, topic: string): string {
  if (review?.state === 'pending') return `<span class="warn">${topic} · 监管部门复核中 Under the regulator’s review</span>`;
  if (review?.state === 'released') return `<span>${topic} · 经监管部门复核放行 Reviewed and released</span>`;
  return `<span class="bad">${raw}</span>`;
}

export function scanPage(facts: ScanFacts, pkg: ScanPackage | null, complaintAction: string): string {
  const review = facts.review;
  const alerts = [
    facts.recall && `<p class="alert">⚠ 本批次已被召回，请停止食用 This batch is recalled — do not eat it.<br>原因 Reason：${e(facts.recall.reason)}</p>`,
    review?.state === 'pending' && `<p class="alert">⚠ 本批次正在接受县市场监管部门复核，复核期间暂停销售。This batch is under the regulator’s review and is not on sale meanwhile.</p>`,
    review?.state === 'upheld' && `<p class="alert">⚠ 经县市场监管部门复核，本批次不得销售，请停止食用。The regulator ruled that this batch may not be sold — do not eat it.${review.reason ? `<br>原因 Reason：${e(review.reason)}` : ''}</p>`,
    pkg?.warning && `<p class="alert">⚠ 此码已被扫描 ${pkg.scans} 次，且来自多个地点，可能是仿冒标签。请向商家或下方投诉核实。This code has been scanned ${pkg.scans} times from many places; the label may be a copy.</p>`,
  ].filter(Boolean).join('');
  const facts1 = [
    row('产品 Product', `${e(facts.product)}${facts.variety ? ` · ${e(facts.variety)}` : ''}`),
    row('追溯码 Trace code', `<code>${e(facts.code)}</code>`),
    pkg && row(pkg.level === 'unit' ? '单品码 Unit' : '箱码 Carton', `<code>${e(pkg.serial)}</code> · 第 ${pkg.scans} 次查询 scan no. ${pkg.scans}`),
    row('采收日期 Harvested', e(facts.harvestedOn)),
    row('生产者 Producer', `${e(facts.producer.name)}${facts.producer.creditCode ? `<small>统一社会信用代码 ${e(facts.producer.creditCode)}</small>` : ''}`),
    row('产地 Origin', facts.origins.map((o) => `${e(o.place)} · ${e(o.plot)}（${o.areaMu} 亩）`).join('<br>') || e(facts.producer.place)),
    facts.certifications.length > 0 && row('认证 Certified', facts.certifications.map((c) => `${e(CERT_NAMES[c.kind] ?? c.kind)} ${e(c.number)}<small>${e(c.issuer)}，有效至 ${e(c.validTo)}</small>`).join('')),
  ].filter(Boolean).join('');
  const inputs = facts.inputs
    .map((i) => `<li><time>${e(i.occurredOn)}</time><b>${i.category === 'pesticide' ? '用药' : '施肥'} ${e(i.productName)}</b> ${e(i.dose)}${i.intervalDays !== null ? (i.intervalKept ? `<span class="ok">安全间隔期 ${i.intervalDays} 天 ✓ 已遵守 kept</span>` : flagged(review, `安全间隔期 ${i.intervalDays} 天 ✗ 未遵守 not kept`, `安全间隔期 ${i.intervalDays} 天`)) : ''}${i.overLimit ? flagged(review, '超过标签每季最多使用次数 More uses than the label allows', '使用次数 Uses this season') : ''}</li>`)
    .join('');
  const work = facts.activities.map((a) => `<li><time>${e(a.occurredOn)}</time>${e(a.kind === 'activity' ? (ACTIVITY_NAMES[a.text] ?? a.text) : a.text)}</li>`).join('');
  const tests = facts.labTests
    .map((t) => `<li><time>${e(t.occurredOn)}</time>${t.passed ? '<b class="ok">合格 Passed</b>' : review && review.state !== 'upheld' ? `<b>${review.state === 'pending' ? '不合格，监管部门复核中 Failed, under review' : '经监管部门复核放行 Reviewed and released'}</b>` : '<b class="bad">不合格 Failed</b>'} ${e(t.laboratory)}<small>${t.items.map((i) => `${e(i.name)} ${e(i.result)}${i.pass ? '' : ' ✗'}`).join('；')}</small></li>`)
    .join('');
  const journey = facts.journey.map((j) => `<li>${j.day ? `<time>${e(j.day)}</time>` : ''}${e(j.text)}</li>`).join('');
  const complaint = `<form method="post" action="${e(complaintAction)}"><label>对这件产品有疑问？Report a problem<textarea name="text" rows="3" maxlength="500" required minlength="4" placeholder="请描述问题 Describe the problem"></textarea></label><label>手机（选填，方便回复）Phone (optional)<input name="phone" inputmode="numeric" pattern="1\\d{10}" maxlength="11"></label><button type="submit">提交投诉 Send</button></form>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(facts.product)} · 产品追溯</title><style>
body{margin:0;font:15px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f5f5}
header{background:#389e0d;color:#fff;padding:12px 16px}header h1{margin:0;font-size:18px}header p{margin:0;opacity:.9;font-size:13px}
main{max-width:560px;margin:0 auto;padding:12px}section,form{background:#fff;border-radius:8px;padding:12px 16px;margin-bottom:12px}
h2{margin:0 0 8px;font-size:16px}table{width:100%;border-collapse:collapse}th{text-align:left;color:#8c8c8c;font-weight:400;width:7.5em;vertical-align:top;padding:4px 8px 4px 0;font-size:13px}td{padding:4px 0}
small{display:block;color:#8c8c8c;font-size:12px}code{font-size:13px;word-break:break-all}ol{list-style:none;margin:0;padding:0}li{padding:6px 0;border-top:1px solid #f0f0f0}li:first-child{border:0}
time{display:block;font-size:12px;color:#8c8c8c}.ok{color:#389e0d}.bad{color:#cf1322}.warn{color:#ad6800}.note{color:#595959;font-size:13px;margin:8px 0 0}li span{display:block;font-size:13px}
.alert{background:#fff1f0;border:1px solid #ffa39e;color:#a8071a;border-radius:8px;padding:10px 16px;font-weight:500}
label{display:block;font-size:13px;color:#595959;margin-bottom:8px}textarea,input{display:block;width:100%;box-sizing:border-box;font:inherit;padding:8px;border:1px solid #d9d9d9;border-radius:6px;margin-top:4px}
button{width:100%;font-size:16px;padding:10px;border:0;border-radius:6px;background:#389e0d;color:#fff}footer{text-align:center;color:#8c8c8c;font-size:12px;padding:4px 0 16px}
</style></head><body><header><h1>${e(facts.county)}农产品质量追溯</h1><p>生产有记录 · 信息可查询 · 来源可追溯 · 产品可召回</p></header><main>${alerts}
<section><table>${facts1}</table>${review?.state === 'released' ? `<p class="note">✓ 经监管部门复核放行 Released after the regulator’s review${review.reason ? `：${e(review.reason)}` : ''}</p>` : ''}${facts.override ? `<p class="bad"><small>此批次经监管部门特批采收 Harvested under a regulator’s exemption：${e(facts.override)}</small></p>` : ''}</section>
${section('投入品记录 Inputs', inputs && `<ol>${inputs}</ol>`)}${section('检测结果 Lab tests', tests && `<ol>${tests}</ol>`)}${section('农事记录 Farm work', work && `<ol>${work}</ol>`)}${section('流向 Journey', journey && `<ol>${journey}</ol>`)}
${complaint}<footer>${e(facts.county)}县域电商公共服务平台 · 承诺达标合格证 · GS1 Digital Link</footer></main></body></html>`;
}

export function messagePage(title: string, text: string, back?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(title)}</title><style>body{margin:0;font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5}main{max-width:560px;margin:0 auto;padding:24px 16px}p{background:#fff;border-radius:8px;padding:16px}a{color:#389e0d}</style></head><body><main><h1 style="font-size:18px">${e(title)}</h1><p>${e(text)}</p>${back ? `<a href="${e(back)}">返回 Back</a>` : ''}</main></body></html>`;
}

/** What the scan page's complaint form answers when a limit is reached: why, and when to try again (429). */
export function complaintRefusedPage(limit: 'sender' | 'code', retryAfterSeconds: number, back: string): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const hours = Math.ceil(minutes / 60);
  const [zh, en] = minutes >= 90 ? [`约 ${hours} 小时`, `about ${hours} hours`] : [`约 ${minutes} 分钟`, `about ${minutes} minutes`];
  const text =
    limit === 'code'
      ? `这件产品今天收到的投诉较多，相关部门已在核查。如情况紧急，请拨打市场监管投诉热线 12315，或登录后再提交；也可${zh}后再试。Many reports about this product today are already being looked into: if it is urgent, call 12315 or sign in to report, or try again in ${en}.`
      : `您提交得太频繁了，请${zh}后再试。You have sent several reports in a short time; please try again in ${en}.`;
  return messagePage('提交太频繁 Too many reports', text, back);
}
