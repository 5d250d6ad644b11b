import type { CSSProperties, ReactNode } from 'react';
import { useCategories } from '../../../api/catalog.js';
import { produceKind, type ProduceKind } from './produceKind.js';

/** Soft backgrounds, one a kind of produce. */
const BACKGROUND: Record<ProduceKind, [string, string]> = {
  apple: ['#fff1f0', '#ffd8d2'],
  walnut: ['#fdf6ec', '#f3dfc1'],
  pepper: ['#f1f9ec', '#d5efc4'],
  herb: ['#f9f4ea', '#eadcc2'],
  meat: ['#fff4ee', '#f8d3bf'],
  potato: ['#fcf8e8', '#efe2b0'],
  honey: ['#fffbe6', '#ffe58f'],
  basket: ['#f0f5ff', '#d6e4ff'],
};

/** Simple drawings on a 120 × 120 box. */
const DRAWING: Record<ProduceKind, ReactNode> = {
  apple: (
    <>
      <path d="M60 38c-6-6-26-8-32 10s4 44 18 46c6 1 9-3 14-3s8 4 14 3c14-2 24-28 18-46S66 32 60 38z" fill="#e5484d" />
      <path d="M44 52c-4 6-4 14-2 20" stroke="#fff" strokeOpacity=".45" strokeWidth="5" strokeLinecap="round" fill="none" />
      <path d="M60 40c0-8 2-13 6-17" stroke="#7a4a26" strokeWidth="4" strokeLinecap="round" fill="none" />
      <path d="M64 28c8-8 20-6 22-4-4 8-14 10-22 4z" fill="#52a447" />
    </>
  ),
  walnut: (
    <>
      <ellipse cx="60" cy="62" rx="30" ry="34" fill="#c08a4e" />
      <path d="M60 28v68" stroke="#8a5a2b" strokeWidth="3" />
      <path d="M42 44c6 4 6 10 0 14s-6 12 0 16M78 44c-6 4-6 10 0 14s6 12 0 16" stroke="#8a5a2b" strokeWidth="2.5" fill="none" strokeLinecap="round" />
      <ellipse cx="50" cy="46" rx="5" ry="8" fill="#fff" fillOpacity=".25" />
    </>
  ),
  pepper: (
    <>
      <path d="M60 22c-2 14-10 22-22 30M60 22c4 16 12 24 24 30M60 22v40" stroke="#5b8c32" strokeWidth="3" fill="none" strokeLinecap="round" />
      {[
        [38, 56], [50, 50], [62, 56], [74, 52], [84, 60], [44, 68], [56, 66], [68, 68], [80, 72], [50, 80], [62, 80], [74, 84], [58, 92],
      ].map(([cx, cy]) => (
        <g key={`${cx}-${cy}`}>
          <circle cx={cx} cy={cy} r="7" fill="#4e9a2e" />
          <circle cx={cx - 2} cy={cy - 2} r="2" fill="#fff" fillOpacity=".35" />
        </g>
      ))}
      <path d="M60 26c10-8 22-6 26-2-6 8-18 8-26 2z" fill="#7cc045" />
    </>
  ),
  herb: (
    <>
      <path d="M44 40c-6 14-4 40 8 52 6 6 16 6 20-2 8-16 6-38-4-50-6-8-20-8-24 0z" fill="#d9b77e" />
      {[50, 60, 70, 80].map((y) => (
        <path key={y} d={`M${44 + (y - 40) / 8} ${y}c8 3 18 3 26 0`} stroke="#a8844c" strokeWidth="2" fill="none" strokeLinecap="round" />
      ))}
      <path d="M58 36c0-8 4-12 10-14" stroke="#a8844c" strokeWidth="3" fill="none" strokeLinecap="round" />
    </>
  ),
  meat: (
    <>
      <rect x="26" y="40" width="68" height="44" rx="14" fill="#b5452c" transform="rotate(-8 60 62)" />
      <path d="M36 56c10 4 20-6 30 0s18 2 22-2M38 70c12 2 18-4 28 0s14 4 20 0" stroke="#f3c2a5" strokeWidth="3" fill="none" strokeLinecap="round" transform="rotate(-8 60 62)" />
    </>
  ),
  potato: (
    <>
      <path d="M30 64c-2-18 14-30 32-28s30 10 28 28-18 26-34 24-24-10-26-24z" fill="#c9a25a" />
      {[
        [46, 56], [66, 50], [74, 70], [52, 76], [60, 64],
      ].map(([cx, cy]) => (
        <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="2.5" fill="#8f6e2e" />
      ))}
    </>
  ),
  honey: (
    <>
      <rect x="36" y="28" width="48" height="12" rx="4" fill="#8c5a1c" />
      <path d="M34 44h52v40c0 8-6 12-12 12H46c-6 0-12-4-12-12z" fill="#f5a623" />
      <path d="M34 58h52" stroke="#d4861a" strokeWidth="3" />
      <path d="M44 68c0 8 2 16 6 20" stroke="#fff" strokeOpacity=".4" strokeWidth="4" strokeLinecap="round" fill="none" />
    </>
  ),
  basket: (
    <>
      <path d="M28 54h64l-8 34c-1 4-4 6-8 6H44c-4 0-7-2-8-6z" fill="#4096ff" />
      <path d="M42 54l10-20M78 54l-10-20" stroke="#1d39c4" strokeWidth="4" strokeLinecap="round" />
      <path d="M40 66h40M42 78h36" stroke="#fff" strokeOpacity=".5" strokeWidth="3" strokeLinecap="round" />
    </>
  ),
};

interface Props {
  categoryId: string;
  /** The product's photo; without one, a drawing of the kind of produce. */
  photo?: string;
  /** The photo's own size in pixels (the browser keeps its place before it arrives); square if unknown. */
  photoSize?: { width: number; height: number };
  /** The picture the page opens on: fetched at once, not when scrolled to. */
  eager?: boolean;
  style?: CSSProperties;
  /** Corner badge (the brand). */
  children?: ReactNode;
}

/** A square picture: the product's photo, or a drawing of its kind of produce until it has one. */
export function ProductArt({ categoryId, photo, photoSize, eager = false, style, children }: Props) {
  const categories = useCategories();
  const kind = produceKind(categoryId, categories.data);
  const [from, to] = BACKGROUND[kind];
  if (photo) {
    return (
      <div style={{ position: 'relative', aspectRatio: '1 / 1', width: '100%', background: '#fafafa', overflow: 'hidden', ...style }}>
        <img
          src={photo}
          alt=""
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          width={photoSize?.width ?? 400}
          height={photoSize?.height ?? 400}
          style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
          data-testid="product-photo"
        />
        {children}
      </div>
    );
  }
  return (
    <div style={{ position: 'relative', aspectRatio: '1 / 1', width: '100%', background: `linear-gradient(145deg, ${from}, ${to})`, overflow: 'hidden', ...style }} data-produce={kind}>
      <svg viewBox="0 0 120 120" width="100%" height="100%" aria-hidden="true" style={{ display: 'block' }}>
        <ellipse cx="60" cy="100" rx="34" ry="5" fill="#000" fillOpacity=".06" />
        {DRAWING[kind]}
      </svg>
      {children}
    </div>
  );
}
