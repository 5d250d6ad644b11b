import { createRequire } from 'node:module';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
/** Drawn on a 640 px canvas, kept at 480 px: enough for a phone, and a demo start makes fifty of them. */
const SIZE = 640;
const OUT = 480;

/** What a demo product is drawn as; each produce of the demo catalogue maps to one. */
export type DemoPhotoKind = 'apple' | 'walnut' | 'pepper' | 'herb' | 'meat' | 'potato' | 'honey';

const BACKGROUND: Record<DemoPhotoKind, [string, string]> = {
  apple: ['#fff1f0', '#ffc9c2'],
  walnut: ['#fdf6ec', '#ecd3ad'],
  pepper: ['#eef8e8', '#c9e9b3'],
  herb: ['#f9f4ea', '#e3d1ae'],
  meat: ['#fff4ee', '#f4c4aa'],
  potato: ['#fcf8e8', '#eadba0'],
  honey: ['#fffbe6', '#ffdf7a'],
};

/** One item on a 120 × 120 box, as in the shop's clip-art, so a photo and the drawing agree. */
const ITEM: Record<DemoPhotoKind, (hue: number) => string> = {
  apple: (h) => `<path d="M60 38c-6-6-26-8-32 10s4 44 18 46c6 1 9-3 14-3s8 4 14 3c14-2 24-28 18-46S66 32 60 38z" fill="hsl(${356 + h * 8},75%,${52 - h * 4}%)"/><path d="M44 52c-4 6-4 14-2 20" stroke="#fff" stroke-opacity=".45" stroke-width="5" stroke-linecap="round" fill="none"/><path d="M60 40c0-8 2-13 6-17" stroke="#7a4a26" stroke-width="4" stroke-linecap="round" fill="none"/><path d="M64 28c8-8 20-6 22-4-4 8-14 10-22 4z" fill="#52a447"/>`,
  walnut: (h) => `<ellipse cx="60" cy="62" rx="30" ry="34" fill="hsl(${30 + h * 4},45%,${52 - h * 5}%)"/><path d="M60 28v68" stroke="#8a5a2b" stroke-width="3"/><path d="M42 44c6 4 6 10 0 14s-6 12 0 16M78 44c-6 4-6 10 0 14s6 12 0 16" stroke="#8a5a2b" stroke-width="2.5" fill="none" stroke-linecap="round"/>`,
  pepper: (h) =>
    `<path d="M60 22c-2 14-10 22-22 30M60 22c4 16 12 24 24 30M60 22v40" stroke="#5b8c32" stroke-width="3" fill="none" stroke-linecap="round"/>` +
    [[38, 56], [50, 50], [62, 56], [74, 52], [84, 60], [44, 68], [56, 66], [68, 68], [80, 72], [50, 80], [62, 80], [74, 84], [58, 92]]
      .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="7" fill="hsl(${100 - h * 10},${55 + h * 5}%,${38 + h * 3}%)"/><circle cx="${x - 2}" cy="${y - 2}" r="2" fill="#fff" fill-opacity=".35"/>`)
      .join(''),
  herb: (h) => `<path d="M44 40c-6 14-4 40 8 52 6 6 16 6 20-2 8-16 6-38-4-50-6-8-20-8-24 0z" fill="hsl(${36 + h * 3},${50 - h * 5}%,${66 - h * 6}%)"/><path d="M46 60c8 3 18 3 26 0M47 70c8 3 18 3 26 0M48 80c8 3 18 3 26 0" stroke="#a8844c" stroke-width="2" fill="none" stroke-linecap="round"/>`,
  meat: (h) => `<rect x="26" y="40" width="68" height="44" rx="14" fill="hsl(${10 + h * 3},${60 - h * 5}%,${44 - h * 4}%)" transform="rotate(-8 60 62)"/><path d="M36 56c10 4 20-6 30 0s18 2 22-2M38 70c12 2 18-4 28 0s14 4 20 0" stroke="#f3c2a5" stroke-width="3" fill="none" stroke-linecap="round" transform="rotate(-8 60 62)"/>`,
  potato: (h) => `<path d="M30 64c-2-18 14-30 32-28s30 10 28 28-18 26-34 24-24-10-26-24z" fill="hsl(${h === 2 ? 285 : 40},${h === 2 ? 30 : 50}%,${h === 2 ? 40 : 57 - h * 4}%)"/><circle cx="46" cy="56" r="2.5" fill="#6b5424"/><circle cx="66" cy="50" r="2.5" fill="#6b5424"/><circle cx="74" cy="70" r="2.5" fill="#6b5424"/><circle cx="52" cy="76" r="2.5" fill="#6b5424"/>`,
  honey: (h) => `<rect x="36" y="28" width="48" height="12" rx="4" fill="#8c5a1c"/><path d="M34 44h52v40c0 8-6 12-12 12H46c-6 0-12-4-12-12z" fill="hsl(${38 - h * 4},90%,${55 - h * 5}%)"/><path d="M34 58h52" stroke="#d4861a" stroke-width="3"/>`,
};

/** Where the items stand in each of the layouts a product may get: [x, y, scale] on the 640 px picture. */
const LAYOUTS: [number, number, number][][] = [
  [[130, 70, 3.1]],
  [[40, 110, 2.3], [280, 60, 2.6]],
  [[30, 40, 2], [300, 70, 2], [160, 230, 2.2]],
  [[200, 40, 1.7], [60, 200, 1.9], [340, 210, 1.9]],
];

const hash = (text: string) => [...text].reduce((h, c) => (h * 31 + c.codePointAt(0)!) >>> 0, 7);
const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A demo product's photo: its produce drawn on a soft background, one to three of them in a layout and a shade
 * picked from its name (so no two look alike), and its name on a band at the bottom. A JPEG of 480 px a side; the
 * name is set in Noto Sans SC from npm, so it needs no font on the machine.
 */
export async function demoPhoto(kind: DemoPhotoKind, name: string): Promise<Buffer> {
  const h = hash(name);
  const layout = LAYOUTS[h % LAYOUTS.length];
  // Potatoes are purple only when the name says so (紫洋芋).
  const shade = kind === 'potato' ? (name.includes('紫') ? 2 : h % 2) : (h >>> 3) % 3;
  const [from, to] = BACKGROUND[kind];
  const items = layout.map(([x, y, scale]) => `<g transform="translate(${x} ${y}) scale(${scale})"><ellipse cx="60" cy="100" rx="34" ry="5" fill="#000" fill-opacity=".07"/>${ITEM[kind](shade)}</g>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${OUT}" height="${OUT}" viewBox="0 0 ${SIZE} ${SIZE}"><defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="${SIZE}" height="${SIZE}" fill="url(#bg)"/>${items}<rect x="0" y="${SIZE - 118}" width="${SIZE}" height="118" fill="#000" fill-opacity=".38"/></svg>`;
  const label = await sharp({ text: { text: `<span foreground="#ffffff">${escapeMarkup(name)}</span>`, fontfile: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'), font: 'Noto Sans SC Bold', rgba: true, width: OUT - 40, height: 48 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  return sharp(Buffer.from(svg))
    .composite([{ input: label.data, left: Math.round((OUT - label.info.width) / 2), top: OUT - 44 - Math.round(label.info.height / 2) }])
    .jpeg({ quality: 82 })
    .toBuffer();
}
