/**
 * The one way the coverage page shows a share. The server rounds every share it reports once (half up to 0.1 %,
 * `roundShare` in src/modules/network/coverage.ts); here it only becomes a percentage with one decimal, so a
 * card, a township row, the county row and the chart show the same figure.
 */
export function sharePercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** 0.974 → "97.4%"; null → "—". */
export function shareText(share: number | null): string {
  const percent = sharePercent(share);
  return percent === null ? '—' : `${percent.toFixed(1)}%`;
}

/** A target share as it was set: 0.5 → "50%", 1 → "100%". */
export function targetText(target: number): string {
  return `${sharePercent(target)}%`;
}
