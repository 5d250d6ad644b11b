import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { invalidField } from '../errors.js';
import { decodeCursor, encodeCursor, type PageResult } from './paging.js';

/**
 * Keyset paging for lists read from SQL: a page's cursor is its last row's sort key (several values, any text), and
 * the next page starts after it, so a list pages through every row however many there are.
 */
export const keyOf = (...parts: string[]) => JSON.stringify(parts);

/** The key values of a cursor this API issued with `parts` values, or undefined for the first page. */
export function cursorKey(cursor: string | undefined, parts: number): string[] | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  let values: unknown = null;
  try {
    values = JSON.parse(key);
  } catch {
    // not ours
  }
  if (!Array.isArray(values) || values.length !== parts || values.some((v) => typeof v !== 'string')) throw invalidField('querystring.cursor', 'is not a cursor this API issued');
  return values as string[];
}

/** Rows after `key` in the order of `columns` (all ascending or all descending), spelled out for both engines. */
export function afterKey<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, columns: string[], key: string[], direction: 'asc' | 'desc' = 'asc'): Expression<SqlBool> {
  const op = direction === 'asc' ? '>' : '<';
  const ref = (c: string) => eb.ref(c as never);
  return eb.or(columns.map((column, i) => eb.and([...columns.slice(0, i).map((c, j) => eb(ref(c), '=', key[j] as never)), eb(ref(column), op, key[i] as never)])));
}

/** Given up to limit + 1 rows in key order, one page and the cursor to the next. */
export function toKeysetPage<T>(rows: T[], limit: number, key: (row: T) => string[]): PageResult<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(keyOf(...key(items[items.length - 1]))) : null };
}
