import type { ReactNode } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';

/** The feature's words for the status line, already translated. */
export interface SyncStatusTexts {
  /** N 条待同步 (online). */
  waiting: string;
  /** 离线 · N 条待同步. */
  offline: string;
  /** 离线 with nothing waiting, and what still works. */
  offlineEmpty: string;
  offlineHint: string;
  /** 立即同步. */
  now: string;
}

/** What the status line reads of a kept queue on screen (app/useKeptQueue.ts). */
export interface KeptQueueView {
  online: boolean;
  syncing: boolean;
  pending: readonly unknown[];
  sync: () => Promise<unknown>;
}

/**
 * 离线 N 条待同步: one line that stays in sight while the operator scrolls (offline, or work waiting), with a button to
 * send now when online. `extra` goes after the title (a toggle of the waiting list).
 */
export function SyncStatusBar(props: { queue: KeptQueueView; texts: SyncStatusTexts; extra?: ReactNode; testId: string; buttonTestId: string }) {
  const { online, syncing } = props.queue;
  const { texts } = props;
  const count = props.queue.pending.length;
  if (online && count === 0) return null;
  const title = online ? texts.waiting : count ? texts.offline : texts.offlineEmpty;
  return (
    <div style={{ position: 'sticky', top: 64, zIndex: 9, marginBottom: 8 }}>
      <Alert
        type={online ? 'info' : 'warning'}
        showIcon
        icon={online ? <CloudSyncOutlined /> : <DisconnectOutlined />}
        title={
          props.extra ? (
            <span>
              {title} {props.extra}
            </span>
          ) : (
            title
          )
        }
        description={!online && count === 0 ? texts.offlineHint : undefined}
        action={
          online && (
            <Button type="primary" loading={syncing} onClick={() => void props.queue.sync()} data-testid={props.buttonTestId}>
              {texts.now}
            </Button>
          )
        }
        data-testid={props.testId}
        data-pending={count}
        data-online={String(online)}
      />
    </div>
  );
}

/**
 * What the phone keeps until the operator has read it (work that did not count, work set aside as unreadable): one
 * line each with a button that lets it go.
 */
export function KeptLines<T>(props: {
  type: 'warning' | 'error';
  title: string;
  items: readonly T[];
  idOf: (item: T) => string;
  text: (item: T) => ReactNode;
  button: string;
  onRemove: (id: string) => void;
  testIds: { list?: string; line?: string; button: string };
  /** data-* attributes of a line, for tests and support. */
  lineData?: (item: T) => Record<`data-${string}`, string>;
}) {
  const { items, testIds } = props;
  if (items.length === 0) return null;
  return (
    <Alert
      style={{ marginBottom: 8 }}
      type={props.type}
      showIcon
      title={props.title}
      description={items.map((item) => (
        <Flex key={props.idOf(item)} justify="space-between" align="center" gap={8} style={{ marginTop: 4 }} data-testid={testIds.line} {...props.lineData?.(item)}>
          <Typography.Text style={{ fontSize: 13 }}>{props.text(item)}</Typography.Text>
          <Button size="small" onClick={() => props.onRemove(props.idOf(item))} data-testid={testIds.button}>
            {props.button}
          </Button>
        </Flex>
      ))}
      data-testid={testIds.list}
    />
  );
}
