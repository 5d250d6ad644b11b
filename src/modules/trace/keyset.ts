import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import { invalidField } from '../../kernel/errors.js';
import { decodeCursor } from '../../kernel/http/paging.js';

/** A page's sort key as the opaque cursor clients send back: the last row's key values (any text, `|` too). */
export const keyCursor = (...parts: string[]) => JSON.stringify(parts);

/** The key values in a cursor this API issued with `parts` values, or undefined for the first page. */
export function cursorKey(cursor: string | undefined, parts: number): string[] | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(key);
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== parts || values.some((v) => typeof v !== 'string')) throw invalidField('querystring.cursor', 'is not a cursor this API issued');
  return values as string[];
}

/**
 * Rows after `key` in the order of `columns` (all ascending or all descending): (a, b, c) > (x, y, z) spelled out,
 * since SQLite and PostgreSQL compare row values differently for mixed types.
 */
export function afterKey<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, columns: string[], key: string[], direction: 'asc' | 'desc'): Expression<SqlBool> {
  const op = direction === 'asc' ? '>' : '<';
  const ref = (c: string) => eb.ref(c as never);
  return eb.or(columns.map((column, i) => eb.and([...columns.slice(0, i).map((c, j) => eb(ref(c), '=', key[j] as never)), eb(ref(column), op, key[i] as never)])));
}

