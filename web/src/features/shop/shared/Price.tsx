import type { CSSProperties } from 'react';
import { formatFen } from '../../../app/format.js';

export const PRICE_RED = '#e4393c';

/** A price in the shop's red: ¥16.80, the yuan larger than the fen. */
export function Price({ fen, size = 18, suffix, style }: { fen: number | null | undefined; size?: number; suffix?: string; style?: CSSProperties }) {
  const text = formatFen(fen);
  const [whole, cents] = text.split('.');
  return (
    <span style={{ color: PRICE_RED, fontWeight: 600, whiteSpace: 'nowrap', ...style }}>
      <span style={{ fontSize: size * 0.7 }}>{whole.slice(0, 1)}</span>
      <span style={{ fontSize: size }}>{whole.slice(1)}</span>
      {cents !== undefined && <span style={{ fontSize: size * 0.7 }}>.{cents}</span>}
      {suffix && <span style={{ fontSize: size * 0.6, color: '#8c8c8c', fontWeight: 400, marginInlineStart: 2 }}>{suffix}</span>}
    </span>
  );
}
