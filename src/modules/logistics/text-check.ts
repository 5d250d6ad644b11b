import { invalidField } from '../../kernel/errors.js';

/**
 * What counts as text worth storing. A name or an address never holds U+FFFD (the mark a decoder leaves where bytes
 * made no sense), control characters, private-use code points or lone surrogates: each means the bytes were read in
 * the wrong encoding or were broken on the way.
 */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF\uE000-\uF8FF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Why a text is not fit to store, or null when it is. */
export function textProblem(value: string): string | null {
  const bad = NOT_TEXT.exec(value);
  if (!bad) return null;
  const code = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return bad[0] === '\uFFFD' ? `holds ${code}, the mark of bytes that did not decode; the text is garbled` : `holds ${code}, which is not text a name or address may hold`;
}

let gb2312: Set<string> | undefined;

/**
 * The characters of GB2312 (the hanzi of levels 1 and 2, rows B0–F7; punctuation and symbols, rows A1–A2; full-width
 * ASCII, row A3), read once through the decoder. Names and addresses in a GBK file keep to these, and text that only
 * decodes as GBK because GB18030 takes almost any bytes (Big5, Latin-1, broken UTF-8) does not: its characters
 * fall on kana, Cyrillic, private-use rows or the rare GBK extensions.
 */
function gb2312Chars(): Set<string> {
  if (gb2312) return gb2312;
  const decoder = new TextDecoder('gb18030');
  const chars = new Set<string>();
  const rows = [0xa1, 0xa2, 0xa3];
  for (let lead = 0xb0; lead <= 0xf7; lead++) rows.push(lead);
  for (const lead of rows) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && !/[\uE000-\uF8FF\uFFFD]/u.test(ch)) chars.add(ch);
    }
  }
  gb2312 = chars;
  return chars;
}

/**
 * Why a text read from a GBK file is not plausible, or null: every character must be printable ASCII, a tab, or a
 * character of GB2312. A rarer character (a GBK extension) is refused with the advice to save the file as UTF-8.
 */
export function gbkTextProblem(value: string): string | null {
  const set = gb2312Chars();
  for (const ch of value) {
    if (ch >= ' ' && ch <= '~') continue;
    if (ch === '\t' || ch === '\n' || ch === '\r') continue;
    if (set.has(ch)) continue;
    const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `holds "${ch}" (${code}), which a GBK name or address does not: the file is probably Big5, Latin-1 or broken; save it as UTF-8 and send it again`;
  }
  return null;
}

/** Refuses, naming the field, the first of the given texts that is not fit to store. */
export function requireText(fields: [field: string, value: string | null | undefined][]): void {
  for (const [field, value] of fields) {
    const problem = value ? textProblem(value) : null;
    if (problem) throw invalidField(field, problem);
  }
}
