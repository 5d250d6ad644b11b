import { Type, type Static, type TSchema } from 'typebox';
import { invalidField } from '../errors.js';
import { Nullable } from './schema.js';

/** `?limit=&cursor=` on every list. */
export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
});
export type PageQuery = Static<typeof PageQuery>;

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sort key of the last item, base64url-encoded. */
export const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  // Control characters never occur in a key this API issued (and PostgreSQL refuses NUL in text).
  // eslint-disable-next-line no-control-regex
  if (!key || encodeCursor(key) !== cursor || /[\u0000-\u001f\ufffd]/.test(key)) throw invalidField('querystring.cursor', 'is not a cursor this API issued');
  return key;
}

/** Given up to limit + 1 rows fetched in key order, returns one page and the cursor to the next. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string): PageResult<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

/**
 * One page of a list already in memory (a county's few hundred divisions), with the same contract as a list read
 * from SQL: the rows are put in key order here, so callers need not sort them.
 */
export function pageOf<T>(rows: readonly T[], limit: number, cursor: string | undefined, keyOf: (row: T) => string): PageResult<T> {
  const after = decodeCursor(cursor);
  const keyed = rows.map((row) => ({ row, key: keyOf(row) })).filter((r) => after === undefined || r.key > after);
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return toPage(keyed.slice(0, limit + 1).map((r) => r.row), limit, keyOf);
}
