import type { Category } from '../../../api/catalog.js';

/** The kinds of produce the placeholder pictures know; anything else gets a basket. */
export type ProduceKind = 'apple' | 'walnut' | 'pepper' | 'herb' | 'meat' | 'potato' | 'honey' | 'basket';

/** Words in a category's name (or its parent's) that tell which picture fits; categories are the county's data. */
const WORDS: [RegExp, ProduceKind][] = [
  [/苹果|梨|桃子|水果|果品/, 'apple'],
  [/核桃|坚果|板栗/, 'walnut'],
  [/花椒|藤椒|辣椒|调味/, 'pepper'],
  [/天麻|药|菌|茶/, 'herb'],
  [/牛|羊|猪|肉|腊/, 'meat'],
  [/薯|洋芋|粮|米|菜|豆/, 'potato'],
  [/蜂|蜜/, 'honey'],
];

/** Which placeholder picture a product of this category gets, until photos are uploaded. */
export function produceKind(categoryId: string, categories: Category[] | undefined): ProduceKind {
  const byId = new Map((categories ?? []).map((c) => [c.id, c]));
  const names: string[] = [];
  for (let c = byId.get(categoryId), guard = 0; c && guard < 5; c = c.parentId ? byId.get(c.parentId) : undefined, guard++) names.push(c.name);
  for (const name of names) for (const [pattern, kind] of WORDS) if (pattern.test(name)) return kind;
  return 'basket';
}
