import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Words of this county's produce that the general dictionary splits apart. */
const LOCAL_WORDS = ['青花椒', '大麻核桃', '麻椒', '红花椒', '牛干巴', '天麻', '昭通苹果', '丑苹果', '冰糖心'];

const jieba = Jieba.withDict(dict);
jieba.loadDict(Buffer.from(LOCAL_WORDS.map((w) => `${w} 2000 n`).join('\n')));

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * The words of a text for search: jieba's search mode also yields the shorter words inside longer ones
 * (花椒油 → 花椒, 花椒油; 大麻核桃 → 核桃), so a query for 花椒 finds 花椒油.
 */
export function termsOf(text: string): string[] {
  const words = jieba.cutForSearch(text.toLowerCase(), true);
  return [...new Set(words.map((w) => w.trim()).filter((w) => w && WORDLIKE.test(w)))];
}

/** How much a word counts for where it was found; single characters count little. */
const FIELD_WEIGHT = { name: 10, brand: 6, category: 5, subtitle: 3, origin: 3, description: 1 } as const;

export function indexTermsOf(fields: Partial<Record<keyof typeof FIELD_WEIGHT, string>>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [field, text] of Object.entries(fields) as [keyof typeof FIELD_WEIGHT, string | undefined][]) {
    if (!text) continue;
    for (const term of termsOf(text)) {
      const weight = term.length === 1 ? Math.ceil(FIELD_WEIGHT[field] / 4) : FIELD_WEIGHT[field];
      weights.set(term, (weights.get(term) ?? 0) + weight);
    }
  }
  return weights;
}
