import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { ENGLISH_SYNONYMS } from './search-synonyms.js';

/** Words of this county's produce that the general dictionary splits apart. */
const LOCAL_WORDS = ['青花椒', '大麻核桃', '麻椒', '红花椒', '牛干巴', '天麻', '昭通苹果', '丑苹果', '冰糖心'];

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;
let pinyinOf: typeof import('pinyin-pro').pinyin | undefined;

/**
 * The segmenter, made on the first search or indexing rather than at start: its dictionary holds ~60 MB and takes
 * a good part of a second to build, which a start (and a server that answers no search) need not pay.
 */
function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(LOCAL_WORDS.map((w) => `${w} 2000 n`).join('\n')));
  }
  return jieba;
}

/**
 * The rules the stored index was built with. Raise it whenever what `indexTermsOf` yields changes: the catalogue
 * rebuilds every product's terms at start when the stored version is older (`CatalogService.ensureSearchIndex`).
 */
export const SEARCH_INDEX_VERSION = 2;

const WORDLIKE = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z]+$/;

/** One spelling for an English word or pinyin: lower case, plural folded (apples → apple, cherries → cherry). */
export function foldLatin(word: string): string {
  const w = word.toLowerCase();
  if (!LATIN_WORD.test(w) || w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('oes')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/**
 * The words of a text for search: jieba's search mode also yields the shorter words inside longer ones
 * (花椒油 → 花椒, 花椒油; 大麻核桃 → 核桃), so a query for 花椒 finds 花椒油. English words come folded.
 */
export function termsOf(text: string): string[] {
  const words = segmenter().cutForSearch(text.toLowerCase(), true);
  return [...new Set(words.map((w) => foldLatin(w.trim())).filter((w) => w && WORDLIKE.test(w)))];
}

/** English words of a phrase, folded: "Sichuan peppers" → sichuan pepper. */
const latinPhrase = (phrase: string) => phrase.toLowerCase().split(/[^a-z]+/).filter(Boolean).map(foldLatin);

/** pinyin-pro, loaded on first use as the segmenter is (only indexing a product needs it). */
const pinyin = () => (pinyinOf ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin);
const syllables = (word: string, pattern: 'pinyin' | 'first') => pinyin()(word, { pattern, toneType: 'none', type: 'array', v: true });

/** How much a word counts for where it was found. */
const FIELD_WEIGHT = { name: 10, brand: 6, category: 5, subtitle: 3, origin: 3, description: 1 } as const;
type Field = keyof typeof FIELD_WEIGHT;
/** Fields whose single characters, pinyin and English names are indexed too (a description would only add noise). */
const SHOP_FIELDS = new Set<Field>(['name', 'brand', 'category', 'subtitle']);

/**
 * The terms a product is found by, with weights. From each field: its words (jieba), at the field's weight.
 * From the name, brand, category and subtitle also: every Chinese character (苹 → 苹果), each word's pinyin in full
 * (pingguo) and, for words of two characters or more, their initials (pg), each character's pinyin (ping), and the
 * English names of its words (apple; a phrase both whole, "sichuan pepper", and word by word). Single characters
 * and their pinyin count a quarter, initials half, so a whole-word hit always ranks above character hits.
 */
export function indexTermsOf(fields: Partial<Record<Field, string>>): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, (weights.get(term) ?? 0) + weight);
  for (const [field, text] of Object.entries(fields) as [Field, string | undefined][]) {
    if (!text) continue;
    const full = FIELD_WEIGHT[field];
    const quarter = Math.ceil(full / 4);
    const found = new Map<string, number>();
    const keep = (term: string, weight: number) => found.set(term, Math.max(found.get(term) ?? 0, weight));
    for (const word of termsOf(text)) {
      const han = HAN.test(word);
      keep(word, han && word.length === 1 ? quarter : full);
      if (!SHOP_FIELDS.has(field)) continue;
      if (han) {
        if (word.length > 1) {
          keep(foldLatin(syllables(word, 'pinyin').join('')), full);
          keep(foldLatin(syllables(word, 'first').join('')), Math.ceil(full / 2));
        }
        for (const char of word) {
          if (!HAN.test(char)) continue;
          keep(char, quarter);
          keep(syllables(char, 'pinyin').join(''), quarter);
        }
      }
      for (const phrase of ENGLISH_SYNONYMS[word] ?? []) {
        const parts = latinPhrase(phrase);
        keep(parts.join(' '), full);
        if (parts.length > 1) for (const part of parts) keep(part, Math.ceil(full / 2));
      }
    }
    for (const [term, weight] of found) add(term, weight);
  }
  return weights;
}

/**
 * The terms of a shopper's query: its words as the index cuts them, and for runs of Latin words also each run of
 * two to four of them as a phrase ("sichuan pepper") and run together (qing hua jiao → qinghuajiao).
 */
export function queryTerms(query: string): string[] {
  const terms = termsOf(query);
  const runs = query.toLowerCase().split(/[^a-z\s]+/).map((run) => latinPhrase(run)).filter((run) => run.length > 1);
  for (const run of runs) {
    for (let size = 2; size <= 4; size++) {
      for (let start = 0; start + size <= run.length; start++) {
        const part = run.slice(start, start + size);
        terms.push(part.join(' '), part.join(''));
      }
    }
  }
  return [...new Set(terms)];
}

/** The single Chinese characters of a query's words, for when none of its words is found anywhere. */
export function characterTerms(terms: string[]): string[] {
  return [...new Set(terms.filter((t) => HAN.test(t) && t.length > 1).flatMap((t) => [...t].filter((c) => HAN.test(c))))];
}
