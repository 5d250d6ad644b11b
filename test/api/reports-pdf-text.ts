import zlib from 'node:zlib';

/**
 * The text of a PDF made by pdfkit, read without a PDF library: its objects are split out and their streams
 * inflated; each font's ToUnicode map (pdfkit writes one per subset font: glyph id → Unicode) is parsed and tied to
 * the font's resource name (/F1…); then the content streams are walked in order, following `/Fn size Tf`, and every
 * hex string a TJ/Tj shows is decoded with the current font's map. Enough to ask "does the PDF say 鲁甸县".
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endobj', start);
    const body = raw.slice(start, end);
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dataStart = start + at + body.slice(at).match(/stream\r?\n/)![0].length;
    const dataEnd = raw.lastIndexOf('endstream', end);
    const bytes = pdf.subarray(dataStart, dataEnd);
    const dict = body.slice(0, at);
    let stream: string | null = null;
    try {
      stream = dict.includes('FlateDecode') ? zlib.inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
    } catch {
      stream = null;
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const mapOfFont = new Map<number, Map<number, string>>();
  for (const [id, o] of objects) {
    const tu = o.dict.match(/\/ToUnicode (\d+) 0 R/);
    const cmap = tu ? objects.get(Number(tu[1]))?.stream : null;
    if (cmap) mapOfFont.set(id, parseCMap(cmap));
  }
  const fontByName = new Map<string, Map<number, string>>();
  for (const o of objects.values()) {
    const fonts = o.dict.match(/\/Font\s*<<([^>]*)>>/);
    if (!fonts) continue;
    for (const pair of fonts[1].matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const map = mapOfFont.get(Number(pair[2]));
      if (map) fontByName.set(pair[1], map);
    }
  }
  const out: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || !/\bT[Jj]\b/.test(o.stream) || o.stream.includes('begincmap')) continue;
    let font: Map<number, string> | undefined;
    for (const token of o.stream.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9a-fA-F]+)>|\bET\b/g)) {
      if (token[1]) font = fontByName.get(token[1]);
      else if (token[2] && font) out.push((token[2].match(/.{4}/g) ?? []).map((g) => font!.get(parseInt(g, 16)) ?? '\ufffd').join(''));
      else if (!token[1] && !token[2]) out.push('\n');
    }
  }
  return out.join('');
}

/** One ToUnicode destination: a ligature's is several code units in one pair of brackets (`<0066 0069>` for ﬁ). */
function utf16(hex: string): string {
  const units = (hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
  return String.fromCharCode(...units);
}

function parseCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.match(/beginbfrange([^]*?)endbfrange/g) ?? []) {
    for (const line of block.split('\n')) {
      const arr = line.match(/^<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[(.*)\]/);
      if (arr) {
        const lo = parseInt(arr[1], 16);
        (arr[3].match(/<([0-9a-fA-F\s]+)>/g) ?? []).forEach((d, i) => map.set(lo + i, utf16(d.slice(1, -1))));
        continue;
      }
      const one = line.match(/^<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/);
      if (one) {
        const lo = parseInt(one[1], 16);
        const hi = parseInt(one[2], 16);
        const base = parseInt(one[3], 16);
        for (let g = lo; g <= hi; g++) map.set(g, String.fromCharCode(base + g - lo));
      }
    }
  }
  for (const block of text.match(/beginbfchar([^]*?)endbfchar/g) ?? []) {
    for (const pair of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(pair[1], 16), utf16(pair[2]));
  }
  return map;
}

/** Pages: the /Type /Page objects (not /Pages). */
export const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
