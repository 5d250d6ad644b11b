/**
 * How one sale line is credited. Each household gets floor(line × its share / 10 000) whole fen, so every credit
 * is what the household's own share of the line rounds down to (what it can check on its own). What rounding down
 * leaves is not given to anyone: it is kept with the line as the remainder, in 1/10 000 fen, so that
 * `credited × 10 000 + remainder = line × sum of shares` exactly, and an auditor can reconcile every line to the
 * fen (the remainder is at most one fen short per household credited).
 */
export interface LineSplit {
  credits: number[];
  shareBp: number;
  creditedFen: number;
  remainderE4: number;
}

export const BP_WHOLE = 10_000;

export function splitLine(lineFen: number, sharesBp: number[]): LineSplit {
  const credits = sharesBp.map((bp) => Math.floor((lineFen * bp) / BP_WHOLE));
  const shareBp = sharesBp.reduce((n, bp) => n + bp, 0);
  const creditedFen = credits.reduce((n, c) => n + c, 0);
  return { credits, shareBp, creditedFen, remainderE4: lineFen * shareBp - creditedFen * BP_WHOLE };
}

/**
 * The shares a line may credit: never more than the whole line. The link cap keeps new links within 100 % on every
 * day, but links made before it was checked day by day may overlap; then the older links (first in the list) are
 * credited in full and the newer ones only what is left of the line (nothing once it is used up).
 */
export function capShares(sharesBp: number[]): number[] {
  let left = BP_WHOLE;
  return sharesBp.map((bp) => {
    const take = Math.min(bp, left);
    left -= take;
    return take;
  });
}
