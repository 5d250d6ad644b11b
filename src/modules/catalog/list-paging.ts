import { invalidField } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';

type Key = (string | number)[];

function compare(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

function cursorKey(cursor: string | undefined): Key | undefined {
  const text = decodeCursor(cursor);
  if (text === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(text);
    if (Array.isArray(key) && key.length > 0 && key.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)))) return key as Key;
  } catch {
    // answered below
  }
  throw invalidField('querystring.cursor', 'is not a cursor this API issued');
}

/**
 * One page of a list the catalogue holds in memory, in the order of a unique key (ascending, or descending for
 * newest first). The cursor is the key of the last row, so rows added or removed meanwhile never shift a page.
 */
export function pageOf<T>(rows: readonly T[], keyOf: (row: T) => Key, page: { limit: number; cursor?: string; descending?: boolean }): PageResult<T> {
  const sign = page.descending ? -1 : 1;
  const after = cursorKey(page.cursor);
  const sorted = [...rows].sort((a, b) => sign * compare(keyOf(a), keyOf(b)));
  const rest = after ? sorted.filter((row) => sign * compare(keyOf(row), after) > 0) : sorted;
  return toPage(rest.slice(0, page.limit + 1), page.limit, (row) => JSON.stringify(keyOf(row)));
}
