import { escapeHtml as e } from '../../kernel/html.js';
import type { Verification } from './certificates.service.js';

/** The public verify page a certificate's QR code opens: small, no script, Chinese first (rural phones, slow links). */

const STYLE =
  'body{margin:0;font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#262626}main{max-width:560px;margin:0 auto;padding:24px 16px}h1{font-size:18px;margin:0 0 12px}.card{background:#fff;border-radius:8px;padding:16px}.badge{display:inline-block;font-size:20px;font-weight:bold;padding:4px 14px;border-radius:6px;margin-bottom:12px}.ok{color:#237804;background:#f6ffed;border:1px solid #b7eb8f}.bad{color:#a8071a;background:#fff1f0;border:1px solid #ffa39e}.none{color:#595959;background:#fafafa;border:1px solid #d9d9d9}dl{margin:0;display:grid;grid-template-columns:6em 1fr;gap:6px 8px}dt{color:#8c8c8c}dd{margin:0}small{color:#8c8c8c;display:block;margin-top:16px}';

const shell = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(title)}</title><style>${STYLE}</style></head><body><main><h1>培训证书查验 Certificate check</h1>${body}</main></body></html>`;

const dateZh = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const hours = (tenths: number) => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));

export function verifyPage(v: Verification): string {
  if (v.status === 'unknown') {
    return shell('未找到证书', `<div class="card"><span class="badge none">未找到</span><p>没有查到这份证书。请核对二维码是否完整清晰；如有疑问，请联系县电子商务公共服务中心。</p><p>No certificate has this code.</p></div>`);
  }
  const valid = v.status === 'valid';
  const track = v.levelName ? `${v.trackName}·${v.levelName}` : v.trackName;
  const rows: [string, string][] = [
    ['持证人', v.holder],
    ['课程', v.courseTitle],
    ['类别', `${track}，${hours(v.hoursTenths)} 学时`],
    ['承办单位', v.organiserName ?? '—'],
    ['发证日期', dateZh(v.issuedOn)],
    ['证书编号', v.number],
    ...(!valid && v.revokedAt ? ([['撤销日期', dateZh(new Date(new Date(v.revokedAt).getTime() + 8 * 3600_000).toISOString())]] as [string, string][]) : []),
  ];
  const badge = valid ? '<span class="badge ok">有效</span>' : '<span class="badge bad">已撤销</span>';
  const note = valid ? '本证书由县电子商务培训平台颁发，信息真实有效。Valid.' : '本证书已被撤销，不再作为结业证明。This certificate was revoked.';
  return shell(valid ? '证书有效' : '证书已撤销', `<div class="card">${badge}<dl>${rows.map(([k, val]) => `<dt>${e(k)}</dt><dd>${e(val)}</dd>`).join('')}</dl><small>${e(note)}</small></div>`);
}

export function tooManyPage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return shell('查询太频繁', `<div class="card"><span class="badge none">请稍后再试</span><p>查询太频繁，请约 ${minutes} 分钟后再试。Too many lookups; try again in about ${minutes} minutes.</p></div>`);
}
