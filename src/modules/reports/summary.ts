import { formatPct, sayValue } from './format.js';
import type { FigureValue } from './ports.js';

const HEADLINE = 'online_retail_fen';

/** The change worth telling: year-on-year when there is one, else month-on-month. */
const changeOf = (f: FigureValue): { pct: number; word: '同比' | '环比' } | null =>
  f.yoyPct !== null && Number.isFinite(f.yoyPct) ? { pct: f.yoyPct, word: '同比' } : f.momPct !== null && Number.isFinite(f.momPct) ? { pct: f.momPct, word: '环比' } : null;

/** Completion of a target in the period, when the figure and the target allow it. */
function targetGap(f: FigureValue): { completion: number; target: number } | null {
  if (!f.target || f.value === null || f.status !== 'live') return null;
  const target = f.target.value ?? (f.target.growthPct !== null && f.previousYear !== null && f.previousYear > 0 ? Math.round(f.previousYear * (1 + f.target.growthPct / 100)) : null);
  if (target === null || target <= 0) return null;
  return { completion: Math.round((f.value / target) * 1000) / 10, target };
}

/**
 * The report's written summary: a few Chinese sentences read off the figures (what grew, what fell, what is behind
 * its target, what has no source yet). Nothing canned: a sentence appears only when the figures say it. A period not
 * yet over (`ongoing`) is not compared with whole ones: it says 本期未结束 where a change would be.
 */
export function writeSummary(county: string, periodLabel: string, figures: FigureValue[], ongoing = false): string[] {
  const sentences: string[] = [];
  const live = figures.filter((f) => f.status === 'live' && f.value !== null);
  const head = live.find((f) => f.indicator === HEADLINE);
  if (head) {
    const parts = [`${periodLabel}，${county}${head.name} ${sayValue(head.unit, head.value)}`];
    if (ongoing) parts.push('本期未结束，暂不作同比、环比');
    else if (head.yoyPct !== null) parts.push(`同比${head.yoyPct >= 0 ? '增长' : '下降'} ${formatPct(Math.abs(head.yoyPct)).replace('+', '')}`);
    else parts.push('上年同期无可比数据');
    if (!ongoing && head.momPct !== null) parts.push(`环比${head.momPct >= 0 ? '增长' : '下降'} ${formatPct(Math.abs(head.momPct)).replace('+', '')}`);
    const produce = live.find((f) => f.indicator === 'produce_online_retail_fen');
    if (produce && produce.value !== null && head.value) parts.push(`其中农产品 ${sayValue(produce.unit, produce.value)}，占 ${((produce.value / head.value) * 100).toFixed(1)}%`);
    sentences.push(parts.join('，') + '。');
  }
  const changes = live.filter((f) => f.unit !== 'percent' && !ongoing).map((f) => ({ f, c: changeOf(f) })).filter((x): x is { f: FigureValue; c: { pct: number; word: '同比' | '环比' } } => x.c !== null && x.f.indicator !== HEADLINE);
  const grew = changes.filter((x) => x.c.pct > 0).sort((a, b) => b.c.pct - a.c.pct).slice(0, 3);
  const fell = changes.filter((x) => x.c.pct < 0).sort((a, b) => a.c.pct - b.c.pct).slice(0, 3);
  if (grew.length > 0) sentences.push(`增长的有：${grew.map((x) => `${x.f.name}（${x.c.word}${formatPct(x.c.pct)}）`).join('、')}。`);
  if (fell.length > 0) sentences.push(`下降的有：${fell.map((x) => `${x.f.name}（${x.c.word}${formatPct(x.c.pct)}）`).join('、')}。`);
  const progress = live.map((f) => ({ f, g: targetGap(f) })).filter((x) => x.g !== null);
  if (ongoing && progress.length > 0) {
    sentences.push(`目标进度（截至目前）：${progress.map((x) => `${x.f.name}完成目标的 ${x.g!.completion.toFixed(1)}%`).join('；')}。`);
  }
  const behind = ongoing ? [] : progress.filter((x) => x.g!.completion < 100);
  if (behind.length > 0) {
    sentences.push(`未达目标：${behind.map((x) => `${x.f.name}完成目标的 ${x.g!.completion.toFixed(1)}%（目标 ${sayValue(x.f.unit, x.g!.target)}）`).join('；')}。`);
  }
  const met = ongoing ? [] : progress.filter((x) => x.g!.completion >= 100);
  if (met.length > 0) sentences.push(`已达目标：${met.map((x) => x.f.name).join('、')}。`);
  const onTime = live.find((f) => f.indicator === 'on_time_share');
  if (onTime && onTime.value !== null) sentences.push(`下行包裹 48 小时送达率 ${sayValue('percent', onTime.value)}${onTime.previousPeriod !== null ? `，上期 ${sayValue('percent', onTime.previousPeriod)}` : ''}。`);
  const services = live.find((f) => f.indicator === 'station_services');
  if (services && services.value) {
    const amount = live.find((f) => f.indicator === 'station_service_amount');
    const poor = live.find((f) => f.indicator === 'station_poor_served');
    const parts = [`乡镇服务站和村级服务点办理代买、代卖、收购、缴费等服务 ${sayValue(services.unit, services.value)}`];
    if (amount && amount.value !== null) parts.push(`涉及金额 ${sayValue(amount.unit, amount.value)}`);
    if (poor && poor.value !== null) parts.push(`其中服务贫困户 ${sayValue(poor.unit, poor.value)}`);
    sentences.push(parts.join('，') + '。');
  }
  const awaiting = figures.filter((f) => f.status === 'awaiting_source');
  if (awaiting.length > 0) sentences.push(`${awaiting.map((f) => f.name).join('、')}的数据来源尚未接入，报告中标为“待接入”。`);
  const empty = figures.filter((f) => f.status === 'live' && f.value === null);
  if (empty.length > 0) sentences.push(`${empty.map((f) => f.name).join('、')}本期无数据。`);
  if (sentences.length === 0) sentences.push(`${periodLabel}暂无统计数据。`);
  return sentences;
}
