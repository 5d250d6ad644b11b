import { useLocale } from '../../app/locale/LocaleContext.js';

/** The reporting page's words, [中文, English] (kept beside the page, as the jobs page keeps its own). */
export const uplinkMessages = {
  'uplink.title': ['数据上报', 'Reporting upward'],
  'uplink.subtitle': ['各期统计数据按指标签名推送至市、省、国家平台；对方未收到时自动重试，数据更正以新版本上报', 'Each period’s figures, per indicator, signed and pushed to the city, province and national platforms; retried until received, corrections sent as new versions'],
  'uplink.stats': ['统计', 'Statistics'],
  'uplink.pushNow': ['立即推送', 'Push now'],
  'uplink.pushNow.done': ['已推送：新版本 {made} 条，成功 {sent} 条，失败待重试 {failed} 条', 'Pushed: {made} new versions, {sent} sent, {failed} failed and to be retried'],
  'uplink.tab.deliveries': ['推送记录', 'Delivery log'],
  'uplink.tab.endpoints': ['上报端点', 'Endpoints'],
  'uplink.tab.inbox': ['接收记录', 'Received'],
  'uplink.col.period': ['统计期', 'Period'],
  'uplink.col.indicator': ['指标', 'Indicator'],
  'uplink.col.value': ['数值', 'Value'],
  'uplink.col.version': ['版本', 'Version'],
  'uplink.col.status': ['状态', 'Status'],
  'uplink.col.attempts': ['尝试次数', 'Attempts'],
  'uplink.col.lastError': ['最近错误', 'Last error'],
  'uplink.col.nextTry': ['下次重试', 'Next try'],
  'uplink.col.sentAt': ['送达时间', 'Delivered'],
  'uplink.col.endpoint': ['上报端点', 'Endpoint'],
  'uplink.col.county': ['上报县', 'County'],
  'uplink.col.receivedAt': ['接收时间', 'Received'],
  'uplink.col.algorithm': ['签名算法', 'Signature'],
  'uplink.col.name': ['名称', 'Name'],
  'uplink.col.level': ['级别', 'Level'],
  'uplink.col.url': ['地址', 'URL'],
  'uplink.col.grains': ['上报周期', 'Grains'],
  'uplink.col.active': ['启用', 'On'],
  'uplink.col.publicKey': ['县公钥（SM2）', 'County public key (SM2)'],
  'uplink.version': ['第 {n} 版', 'v{n}'],
  'uplink.correction': ['更正', 'Correction'],
  'uplink.status.pending': ['待推送', 'Waiting'],
  'uplink.status.sending': ['推送中', 'Sending'],
  'uplink.status.sent': ['已送达', 'Delivered'],
  'uplink.status.failed_retrying': ['失败，待重试', 'Failed, will retry'],
  'uplink.status.given_up': ['已放弃', 'Given up'],
  'uplink.allStatuses': ['全部状态', 'All statuses'],
  'uplink.allEndpoints': ['全部端点', 'All endpoints'],
  'uplink.allIndicators': ['全部指标', 'All indicators'],
  'uplink.level.city': ['市级', 'City'],
  'uplink.level.province': ['省级', 'Province'],
  'uplink.level.national': ['国家级', 'National'],
  'uplink.grain.day': ['日', 'Day'],
  'uplink.grain.month': ['月', 'Month'],
  'uplink.grain.quarter': ['季', 'Quarter'],
  'uplink.grain.year': ['年', 'Year'],
  'uplink.algorithm.hmac-sha256': ['HMAC-SHA256（共享密钥）', 'HMAC-SHA256 (shared secret)'],
  'uplink.algorithm.sm2-sm3': ['SM2/SM3 国密签名', 'SM2/SM3 (state cryptography)'],
  'uplink.add': ['新增端点', 'Add endpoint'],
  'uplink.add.secret': ['共享密钥（对方提供时填写，留空则自动生成）', 'Shared secret (if the receiver gave one; else one is made)'],
  'uplink.add.ok': ['保存', 'Save'],
  'uplink.created.title': ['端点已添加', 'Endpoint added'],
  'uplink.created.secret': ['请将以下共享密钥交给对方平台。密钥只显示这一次，关闭后无法再查看。', 'Give this shared secret to the receiving platform. It is shown this once and cannot be seen again.'],
  'uplink.created.publicKey': ['请将以下县级 SM2 公钥交给对方平台，用于验证签名（用户标识 1234567812345678）。', 'Give this SM2 public key to the receiving platform to verify signatures (user id 1234567812345678).'],
  'uplink.on': ['启用', 'On'],
  'uplink.off': ['停用', 'Off'],
  'uplink.required': ['请填写{field}', 'Enter the {field}'],
  'uplink.urlFormat': ['地址须以 http:// 或 https:// 开头', 'The URL must start with http:// or https://'],
  'uplink.empty.deliveries': ['还没有推送记录。每月初自动推送上月数据，也可点“立即推送”。', 'Nothing pushed yet. Last month’s figures go out early each month, or press Push now.'],
  'uplink.empty.inbox': ['还没有收到上报数据', 'Nothing received yet'],
} as const satisfies Record<string, readonly [string, string]>;

export type UplinkKey = keyof typeof uplinkMessages;
export type UplinkText = (key: UplinkKey, vars?: Record<string, string | number>) => string;

export function useUplinkText(): UplinkText {
  const { lang } = useLocale();
  return (key, vars) => {
    let text: string = uplinkMessages[key][lang === 'en' ? 1 : 0];
    for (const [name, value] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}
