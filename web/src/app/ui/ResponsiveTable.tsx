import { isValidElement, type CSSProperties, type HTMLAttributes, type Key, type ReactNode } from 'react';
import { Card, Flex, Grid, List, Table, Typography } from 'antd';
import type { TableColumnType, TableProps } from 'antd';

type Props<T> = TableProps<T> & {
  'data-testid'?: string;
  /** The card's heading on a phone; by default the first column's cell. */
  cardTitle?: (row: T, index: number) => ReactNode;
  /** Column keys left off the card (what the heading already says, or what only a wide screen needs). */
  cardHides?: string[];
};

/** The column key that holds a row's buttons: on a card they sit at the bottom, full width. */
const ACTIONS = 'actions';

/**
 * A column's dataIndex read as plain keys: antd types it as every deep path of the row, and narrowing that type made
 * tsc run out of memory.
 */
const pathOf = (dataIndex: unknown): readonly (string | number)[] =>
  dataIndex === undefined || dataIndex === null ? [] : Array.isArray(dataIndex) ? (dataIndex as (string | number)[]) : [dataIndex as string | number];

const cellOf = <T,>(col: TableColumnType<T>, row: T, index: number): ReactNode => {
  const path = pathOf(col.dataIndex);
  let raw: unknown = row;
  for (const step of path) raw = raw == null ? raw : (raw as Record<string | number, unknown>)[step as string];
  if (path.length === 0) raw = undefined;
  const shown = col.render ? col.render(raw, row, index) : raw;
  // A render may answer { children, props } (a cell spanning columns): the card shows its children.
  if (shown && typeof shown === 'object' && !isValidElement(shown) && 'children' in shown) return (shown as { children: ReactNode }).children;
  return shown as ReactNode;
};

const keyOf = <T,>(rowKey: TableProps<T>['rowKey'], row: T, index: number): Key => {
  if (typeof rowKey === 'function') return rowKey(row, index);
  const field = rowKey ?? 'key';
  return ((row as Record<string, unknown>)[field as string] as Key | undefined) ?? index;
};

const columnKey = <T,>(col: TableColumnType<T>) => String(col.key ?? pathOf(col.dataIndex).join('.'));

/**
 * An antd Table on a wide screen and a list of cards on a phone (under 768 px), where a table would be cut off:
 * each card has the first column as its heading, every other column as a "label value" line, and the `actions`
 * column's buttons at the bottom. Same props as Table; paging, loading, the empty text and a row's onClick carry over.
 */
export function ResponsiveTable<T extends object>(props: Props<T>) {
  const screens = Grid.useBreakpoint();
  const { cardTitle, cardHides = [], ...table } = props;
  if (screens.md !== false) return <Table<T> {...table} />;

  const columns = ((table.columns ?? []) as TableColumnType<T>[]).filter((c) => !c.hidden);
  const [first, ...rest] = columns;
  const lines = rest.filter((c) => columnKey(c) !== ACTIONS && !cardHides.includes(columnKey(c)));
  const actions = rest.find((c) => columnKey(c) === ACTIONS);
  const paging = table.pagination;
  const emptyText = table.locale?.emptyText;

  return (
    <List<T>
      data-testid={props['data-testid']}
      className="responsive-table-cards"
      dataSource={(table.dataSource ?? []) as T[]}
      loading={typeof table.loading === 'object' ? table.loading.spinning : table.loading}
      locale={emptyText !== undefined ? { emptyText: typeof emptyText === 'function' ? emptyText() : emptyText } : undefined}
      rowKey={(row) => keyOf(table.rowKey, row, ((table.dataSource ?? []) as T[]).indexOf(row))}
      pagination={
        paging === false
          ? false
          : {
              size: 'small',
              align: 'center',
              pageSize: paging?.pageSize ?? 10,
              current: paging?.current,
              total: paging?.total,
              showTotal: paging?.showTotal,
              onChange: paging?.onChange,
              hideOnSinglePage: true,
            }
      }
      renderItem={(row, index) => {
        const onRow = (table.onRow?.(row, index) ?? {}) as HTMLAttributes<HTMLElement> & { style?: CSSProperties };
        return (
          <List.Item style={{ padding: '0 0 10px', border: 'none' }}>
            <Card
              size="small"
              style={{ width: '100%', cursor: onRow.onClick ? 'pointer' : undefined }}
              onClick={onRow.onClick}
              data-testid={props['data-testid'] ? `${props['data-testid']}-card` : undefined}
              data-row-key={String(keyOf(table.rowKey, row, index))}
              title={<div style={{ whiteSpace: 'normal', padding: '6px 0' }}>{cardTitle ? cardTitle(row, index) : first ? cellOf(first, row, index) : null}</div>}
            >
              <Flex vertical gap={6}>
                {lines.map((col) => (
                  <Flex key={columnKey(col)} gap={12} justify="space-between" align="baseline">
                    <Typography.Text type="secondary" style={{ flex: 'none' }}>
                      {typeof col.title === 'function' ? null : col.title}
                    </Typography.Text>
                    <div style={{ textAlign: 'right', minWidth: 0, overflowWrap: 'anywhere' }}>{cellOf(col, row, index)}</div>
                  </Flex>
                ))}
                {actions && (
                  <div style={{ borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 8, marginTop: 2 }} onClick={(e) => e.stopPropagation()}>
                    {cellOf(actions, row, index)}
                  </div>
                )}
              </Flex>
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
