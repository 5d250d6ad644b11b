/**
 * Inputs for the fuzz pass (test/api/fuzz.test.ts), generated from an operation's OpenAPI schemas with a seeded
 * random source: values a schema accepts, and the wrong ones careful users and auditors try.
 */

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)], chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof seeded>;

const typeOf = (s: Schema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ?? (s.properties ? 'object' : undefined);

/** Strings that match the patterns the API uses for codes, phones and the like. */
function fromPattern(pattern: string, r: Random): string {
  const digits = (n: number) => Array.from({ length: n }, () => r.int(10)).join('');
  if (pattern.includes('1\\d{10}')) return `13${digits(9)}`;
  if (/\\d\{12\}/.test(pattern) || pattern.includes('\\d{6}|\\d{9}|\\d{12}')) return r.pick(['530621', '530621101', '530621101204', `5306211${digits(5)}`]);
  if (pattern.includes('\\d{9}')) return r.pick(['530621101', '530621102', `530621${digits(3)}`]);
  if (pattern.includes('\\d{4}')) return digits(4);
  if (pattern.includes('[0-9A-Fa-f]{32}')) return 'A'.repeat(32);
  const exact = /^\^\\d\{(\d+)\}\$$/.exec(pattern);
  if (exact) return digits(Number(exact[1]));
  return r.pick(['abc', '123', 'x-1', '花椒']);
}

const DATES = ['2026-06-01', '2026-12-06', '2025-01-31', '2024-02-29'];
const TIMES = ['2026-06-01T08:00:00.000Z', '2026-12-06T10:00:00+08:00'];

/** A value the schema accepts (as far as the fuzz pass can tell without knowing the data). */
export function validValue(s: Schema, r: Random, depth = 0): unknown {
  if (s.enum) return r.pick(s.enum.filter((v) => v !== null));
  const choices = s.anyOf ?? s.oneOf;
  if (choices) return validValue(r.pick(choices), r, depth);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => validValue(x, r, depth) as object));
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || (depth < 3 && r.chance(0.5))) out[k] = validValue(v, r, depth + 1);
      }
      return out;
    }
    case 'array': {
      const n = Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, r.int(3)));
      return Array.from({ length: n }, () => validValue(s.items ?? {}, r, depth + 1));
    }
    case 'integer': {
      const lo = s.minimum ?? 0;
      const hi = s.maximum ?? lo + 100;
      return lo + r.int(Math.min(hi - lo, 1000) + 1);
    }
    case 'number': {
      const lo = s.minimum ?? 0;
      const hi = s.maximum ?? lo + 100;
      return Math.round((lo + r.next() * Math.min(hi - lo, 1000) + 0.01) * 100) / 100;
    }
    case 'boolean':
      return r.chance(0.5);
    case 'string': {
      if (s.format === 'date') return r.pick(DATES);
      if (s.format === 'date-time') return r.pick(TIMES);
      if (s.pattern) return fromPattern(s.pattern, r);
      const text = r.pick(['花椒', '鲁甸', 'apple', 'x', '测试 1']);
      const min = s.minLength ?? 0;
      return (text + 'a'.repeat(Math.max(0, min - text.length))).slice(0, s.maxLength ?? 100);
    }
    default:
      return r.pick(['x', 1, true]);
  }
}

/** Values careful users try: wrong types, huge, negative and non-finite numbers, long strings, bad dates. */
export function wrongValue(s: Schema, r: Random): unknown {
  const base: unknown[] = [null, {}, [], { nested: { deeper: 1 } }, true, '', 'x'.repeat(10_000), -1, 0, 2 ** 53 + 1, 1e308, -1e308, 0.5, '٣', '\u0000', '😀'];
  switch (typeOf(s)) {
    case 'string':
      if (s.format === 'date') return r.pick(['2026-02-30', '2026-13-01', '2026-6-1', '20260601', '0000-00-00', '2026-02-29', 'yesterday', ...base]);
      if (s.format === 'date-time') return r.pick(['2026-02-30T10:00:00Z', '2026-06-01 10:00:00', '2026-06-01T25:00:00Z', '2026-06-01T10:00:00', ...base]);
      return r.pick([12, 'a'.repeat((s.maxLength ?? 1000) + 1), ...base]);
    case 'integer':
    case 'number':
      return r.pick(['12', 1.5, -1e9, 1e21, (s.maximum ?? 1e9) + 1, (s.minimum ?? 0) - 1, ...base]);
    case 'array':
      return r.pick([Array.from({ length: 6000 }, () => 1), [null], [{}], 'x', ...base]);
    case 'object':
      return r.pick(['x', 1, [], ...base]);
    default:
      return r.pick(base);
  }
}

/** The same wrong values as they come in a query string or a path, where everything is text. */
export function wrongText(s: Schema, r: Random): string {
  const common = ['', ' ', '1e309', '-1e309', 'NaN', 'Infinity', '-1', '99999999999999999999', '0x10', '1.5', 'null', 'true', '%00', '%ZZ', '%E0%A4%A', '..%2F..%2Fetc', '花椒', '😀', "'; drop table x;--", 'a'.repeat(2000)];
  if (s.format === 'date') return r.pick(['2026-02-30', '2026-13-01', '2026-00-10', '2026-6-1', 'today', ...common]);
  if (s.format === 'date-time') return r.pick(['2026-02-30T10:00:00Z', '2026-06-01T10:00:00', '2026-06-01T24:61:00Z', ...common]);
  return r.pick(common);
}

/** Cursors this API never issued. */
export const BAD_CURSORS = ['!!!', 'zzzz', 'AAAA', Buffer.from('\u0000\uffff').toString('base64url'), Buffer.from('not-a-key|x').toString('base64url'), 'a'.repeat(200), '%ZZ', '=='];
