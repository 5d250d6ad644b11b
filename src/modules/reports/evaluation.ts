import { formatPct, sayValue } from './format.js';
import type { FigureValue } from './ports.js';

export type Verdict = '达标' | '未达标' | '待接入';

/** One target of the plan judged against the year's actual figure. */
export interface EvaluationRow {
  indicator: string;
  name: string;
  unit: FigureValue['unit'];
  /** The plan's words for the target (e.g. 网络零售额年均增长20%). */
  targetLabel: string;
  /** The target as a figure of the indicator's unit: the absolute target, or last year grown by the target rate. */
  targetValue: number | null;
  actual: number | null;
  /** actual / target × 100, one decimal; null when either is missing. */
  completionPct: number | null;
  verdict: Verdict;
  due: string | null;
  /** One sentence of evidence, from the figures. */
  evidence: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * 绩效自评: every indicator of the year that carries a target of the plan. A growth target (+20 %/year) is judged
 * against last year's figure grown by the rate; an absolute one (2–3 enterprises, 3 500 person-times) directly.
 * An indicator with no source yet, or with no base year to grow from, is 待接入 (never 未达标 from a missing 0).
 */
export function evaluate(year: string, figures: FigureValue[], cumulative: ReadonlySet<string> = new Set()): EvaluationRow[] {
  const rows: EvaluationRow[] = [];
  for (const f of figures) {
    if (!f.target) continue;
    const t = f.target;
    // A cumulative figure (training person-times since the programme began) is judged on everything up to the
    // year's end against the milestone due then, or the last one once all are past.
    const since = cumulative.has(f.indicator);
    const base = { indicator: f.indicator, name: f.name, unit: f.unit, targetLabel: t.label || f.name, due: t.due, actual: f.value };
    if (f.status === 'awaiting_source' || f.value === null) {
      rows.push({ ...base, targetValue: t.value, completionPct: null, verdict: '待接入', evidence: `${f.name}的数据来源尚未接入平台，${year}年暂无实际值，待相关模块上线后评价。` });
      continue;
    }
    let targetValue: number | null = t.value;
    let how = '';
    if (targetValue === null && t.growthPct !== null) {
      if (f.previousYear === null || f.previousYear <= 0) {
        rows.push({ ...base, targetValue: null, completionPct: null, verdict: '待接入', evidence: `${year}年${f.name}为 ${sayValue(f.unit, f.value)}，上年无可比数据，无法按增长 ${t.growthPct}% 的目标评价。` });
        continue;
      }
      targetValue = Math.round(f.previousYear * (1 + t.growthPct / 100));
      how = `上年 ${sayValue(f.unit, f.previousYear)}，目标增长 ${t.growthPct}% 即 ${sayValue(f.unit, targetValue)}；实际${f.yoyPct === null ? '' : `同比${formatPct(f.yoyPct)}，`}`;
    } else if (targetValue !== null) {
      how = `目标 ${sayValue(f.unit, targetValue)}${t.due ? `（${t.due} 前）` : ''}；`;
      if (since && t.due && t.due < `${year}-12-31`) how = `目标 ${sayValue(f.unit, targetValue)}（${t.due} 到期，按截至${year}年底的累计数评价）；`;
    }
    if (targetValue === null || targetValue <= 0) {
      rows.push({ ...base, targetValue, completionPct: null, verdict: '待接入', evidence: `${year}年${f.name}为 ${sayValue(f.unit, f.value)}，目标未给出可比数值（${t.label}）。` });
      continue;
    }
    const completionPct = round1((f.value / targetValue) * 100);
    const verdict: Verdict = f.value >= targetValue ? '达标' : '未达标';
    const evidence = `${since ? `截至${year}年底` : `${year}年`}${f.name} ${sayValue(f.unit, f.value)}，${how}完成目标的 ${completionPct.toFixed(1)}%，${verdict === '达标' ? '达到目标' : `尚差 ${sayValue(f.unit, targetValue - f.value)}`}。`;
    rows.push({ ...base, targetValue, completionPct, verdict, evidence });
  }
  return rows;
}
