import { describe, expect, it } from 'vitest';
import { characterTerms, indexTermsOf, queryTerms, termsOf } from './search.js';

describe('Chinese search terms', () => {
  it('finds two-character words inside longer names', () => {
    expect(termsOf('麻辣花椒油')).toEqual(expect.arrayContaining(['花椒', '花椒油']));
    expect(termsOf('鲁甸大麻核桃薄壳')).toEqual(expect.arrayContaining(['核桃', '大麻核桃', '鲁甸']));
    expect(termsOf('昭通苹果红富士 10斤装')).toEqual(expect.arrayContaining(['苹果', '红富士']));
  });
  it('keeps local words whole and drops punctuation', () => {
    expect(termsOf('鲁甸青花椒，特级！')).toEqual(expect.arrayContaining(['青花椒', '花椒', '特级']));
    expect(termsOf('，！ ')).toEqual([]);
  });
  it('weighs a word in the name above one in the description', () => {
    const weights = indexTermsOf({ name: '鲁甸核桃', description: '苹果园旁边种的核桃' });
    expect(weights.get('核桃')).toBeGreaterThan(weights.get('苹果')!);
  });
});

describe('what a product is found by', () => {
  const terms = indexTermsOf({ name: '鲁甸青花椒 特级', category: '花椒 调味品' });
  it('indexes single characters, pinyin, initials and English names', () => {
    for (const term of ['椒', '青', 'qinghuajiao', 'huajiao', 'qhj', 'hj', 'jiao', 'sichuan pepper', 'pepper', 'spice']) expect(terms.has(term), term).toBe(true);
  });
  it('weighs a whole word above any of its characters', () => {
    expect(terms.get('花椒')!).toBeGreaterThan(terms.get('椒')!);
    expect(terms.get('huajiao')!).toBeGreaterThan(terms.get('hj')!);
  });
  it('reads a query in English and pinyin as phrases too', () => {
    expect(queryTerms('Sichuan Peppers')).toEqual(expect.arrayContaining(['sichuan', 'pepper', 'sichuan pepper', 'sichuanpepper']));
    expect(queryTerms('qing hua jiao')).toContain('qinghuajiao');
    expect(characterTerms(queryTerms('椒盐 花'))).toEqual(['椒', '盐']);
  });
});
