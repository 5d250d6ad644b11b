const whole = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** A figure as a county report writes it: money in 元, percentages with one decimal, counts whole. */
export function figureText(unit: string, value: number): string {
  if (unit === 'fen') return `¥${twoDecimals.format(value / 100)}`;
  if (unit === 'percent') return `${oneDecimal.format(value)}%`;
  return whole.format(value);
}

/** '2026-11' → 2026年11月, '2026-Q4' → 2026年第4季度, '2026' → 2026年, a day as it is. */
export function periodText(period: string, en: boolean): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return en ? period : `${month[1]}年${Number(month[2])}月`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return en ? `${quarter[1]} Q${quarter[2]}` : `${quarter[1]}年第${quarter[2]}季度`;
  if (/^\d{4}$/.test(period)) return en ? period : `${period}年`;
  return period;
}
