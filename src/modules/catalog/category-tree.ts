import type { CategoryRow } from './catalog.tables.js';

/** A category and every category under it, at any depth (a loop in bad data stops where it repeats). */
export function withDescendants(categories: CategoryRow[], id: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of categories) if (c.parent_id) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c.id]);
  const found = new Set<string>([id]);
  const queue = [id];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return [...found];
}

/** A category and the categories above it, nearest first. */
export function withAncestors(byId: Map<string, CategoryRow>, id: string): string[] {
  const path: string[] = [];
  for (let at: string | null | undefined = id; at && !path.includes(at); at = byId.get(at)?.parent_id) path.push(at);
  return path;
}
