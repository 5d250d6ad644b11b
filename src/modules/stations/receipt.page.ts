import { escapeHtml as e } from '../../kernel/html.js';
import { kgText as kg } from './grading.js';
import { yuan } from './handlers/types.js';
import type { ReceiptCheck } from './receipt.lookup.js';

/** The public receipt check a receipt's QR code opens (`/r/<code>`): small, no script, Chinese first (rural phones, slow links). */

const STYLE =
  'body{margin:0;font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#262626}main{max-width:560px;margin:0 auto;padding:24px 16px}h1{font-size:18px;margin:0 0 12px}.card{background:#fff;border-radius:8px;padding:16px}.badge{display:inline-block;font-size:20px;font-weight:bold;padding:4px 14px;border-radius:6px;margin-bottom:12px}.ok{color:#237804;background:#f6ffed;border:1px solid #b7eb8f}.bad{color:#a8071a;background:#fff1f0;border:1px solid #ffa39e}.none{color:#595959;background:#fafafa;border:1px solid #d9d9d9}dl{margin:0;display:grid;grid-template-columns:5em 1fr;gap:6px 8px}dt{color:#8c8c8c}dd{margin:0}table{width:100%;border-collapse:collapse;margin-top:12px;font-size:14px}th,td{text-align:right;padding:4px 2px;border-bottom:1px solid #f0f0f0}th:first-child,td:first-child{text-align:left}th{color:#8c8c8c;font-weight:normal}small{color:#8c8c8c;display:block;margin-top:16px}';

const shell = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(title)}</title><style>${STYLE}</style></head><body><main><h1>站点服务凭证查验 Receipt check</h1>${body}</main></body></html>`;

/** 2026年12月7日 14:05 (Shanghai). */
export const shanghaiTimeZh = (iso: string) => {
  const t = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${t.slice(0, 4)}年${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
};

export function receiptPage(r: ReceiptCheck): string {
  if (r.status === 'unknown') {
    return shell('未找到凭证', `<div class="card"><span class="badge none">未找到</span><p>没有查到这张凭证。请核对二维码是否完整清晰；如有疑问，请联系开单的服务站点或县电子商务公共服务中心。</p><p>No receipt has this code.</p></div>`);
  }
  const valid = r.status === 'valid';
  const rows: [string, string][] = [
    ['服务站点', r.townshipName && !r.siteName.startsWith(r.townshipName) ? `${r.townshipName} ${r.siteName}` : r.siteName],
    ['时间', shanghaiTimeZh(r.at)],
    ['内容', r.summary],
    ['金额', yuan(r.amountFen)],
    ...(r.feeFen > 0 ? ([['服务费', yuan(r.feeFen)]] as [string, string][]) : []),
    ...(r.customer ? ([['客户', r.customer]] as [string, string][]) : []),
    ['经办人', r.recordedByName],
    ...(r.traceCode ? ([['追溯码', r.traceCode]] as [string, string][]) : []),
  ];
  const lines = r.lines.length
    ? `<table><thead><tr><th>${e(r.produceName ?? '等级')}</th><th>净重</th><th>单价/kg</th><th>金额</th></tr></thead><tbody>${r.lines
        .map((l) => `<tr><td>${e(l.gradeName)}</td><td>${e(kg(l.netG))}</td><td>${e(yuan(l.priceFenPerKg))}</td><td>${e(yuan(l.amountFen))}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const badge = valid ? '<span class="badge ok">有效</span>' : '<span class="badge bad">已作废</span>';
  const note = valid ? '这张凭证由站点在县电子商务服务平台开具，记录真实有效。Valid.' : '这张凭证已被站点作废，款项和货物已冲回，不再作为凭据。This receipt was voided.';
  return shell(valid ? '凭证有效' : '凭证已作废', `<div class="card">${badge}<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>${lines}<small>${e(note)}</small></div>`);
}

export function tooManyPage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return shell('查询太频繁', `<div class="card"><span class="badge none">请稍后再试</span><p>查询太频繁，请约 ${minutes} 分钟后再试。Too many lookups; try again in about ${minutes} minutes.</p></div>`);
}
