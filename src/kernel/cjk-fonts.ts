import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Noto Sans SC (SIL OFL) from npm, so Chinese renders on every machine whatever fonts it has installed. */
export function chineseFontFiles(): { regular: string; bold: string } {
  return {
    regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
}

let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** The fonts' bytes (read once), for pdfkit, which subsets them into each PDF. */
export function chineseFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const files = chineseFontFiles();
    fonts = { regular: fs.readFileSync(files.regular), bold: fs.readFileSync(files.bold) };
  }
  return fonts;
}

/**
 * Text in SVG rasterised by sharp (librsvg, through fontconfig) in Noto Sans SC: writes a small fonts.conf naming
 * the npm font folders and points FONTCONFIG_FILE at it, unless the deployment set its own. Call it on the main
 * thread before any SVG with text is rasterised: fontconfig reads the variable once per process, and a worker
 * thread's process.env does not reach native code (offloaded renderers rely on the main thread having called it).
 */
export function useChineseFontsForSvg(): void {
  if (process.env.FONTCONFIG_FILE) return;
  const files = chineseFontFiles();
  const dirs = [...new Set([path.dirname(files.regular), path.dirname(files.bold)])];
  const folder = path.join(os.tmpdir(), `countyhub-fonts-${createHash('sha256').update(dirs.join('\n')).digest('hex').slice(0, 12)}-${process.getuid?.() ?? 0}`);
  const file = path.join(folder, 'fonts.conf');
  const conf = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((d) => `  <dir>${d.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</dir>`),
    `  <cachedir>${path.join(folder, 'cache')}</cachedir>`,
    '  <alias><family>sans-serif</family><prefer><family>Noto Sans SC</family></prefer></alias>',
    '  <alias><family>Microsoft YaHei</family><prefer><family>Noto Sans SC</family></prefer></alias>',
    '</fontconfig>',
    '',
  ].join('\n');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== conf) {
    fs.writeFileSync(`${file}.${process.pid}.part`, conf, { mode: 0o600 });
    fs.renameSync(`${file}.${process.pid}.part`, file);
  }
  process.env.FONTCONFIG_FILE = file;
}
