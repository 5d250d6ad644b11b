import { Alert, Button, Flex, Typography } from 'antd';
import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { typeLabel } from './labels.js';
import type { StationQueueApi } from './useStationQueue.js';

const time = (iso: string) => formatDateTime(iso).slice(11, 16);

/**
 * 离线 N 条待同步: what waits on the phone and a button to send it now; the last sync's result; the records a business
 * rule refused (the server's Chinese reason, kept until read) and those set aside as unreadable, each to dismiss.
 */
export function StationSyncBanner({ queue }: { queue: StationQueueApi }) {
  const t = useT();
  const { pending, setAside, conflicts, online, syncing, outcome } = queue;
  const count = pending.length;
  return (
    <>
      {(!online || count > 0) && (
        <div style={{ position: 'sticky', top: 64, zIndex: 9, marginBottom: 8 }}>
          <Alert
            type={online ? 'info' : 'warning'}
            showIcon
            icon={online ? <CloudSyncOutlined /> : <DisconnectOutlined />}
            title={online ? t('station.sync.waiting', { count }) : count ? t('station.sync.offline', { count }) : t('station.sync.offlineEmpty')}
            description={!online && count === 0 ? t('station.sync.offlineHint') : undefined}
            action={
              online && (
                <Button type="primary" loading={syncing} onClick={() => void queue.sync()} data-testid="station-sync-now">
                  {t('station.sync.now')}
                </Button>
              )
            }
            data-testid="station-sync-banner"
            data-pending={count}
            data-online={String(online)}
          />
        </div>
      )}
      {outcome && (outcome.state === 'failed' || (outcome.state === 'done' && outcome.sent > 0)) && (
        <Alert
          style={{ marginBottom: 8 }}
          type={outcome.state === 'failed' ? 'error' : outcome.refused || outcome.setAside.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: queue.clearOutcome }}
          title={
            outcome.state === 'failed'
              ? t('station.sync.failed', { error: errorText(outcome.error, t) })
              : t('station.sync.result', { sent: outcome.sent, stored: outcome.stored, duplicates: outcome.duplicates, refused: outcome.refused })
          }
          data-testid="station-sync-result"
          data-stored={outcome.stored}
          data-duplicates={outcome.duplicates}
          data-refused={outcome.refused}
        />
      )}
      {conflicts.length > 0 && (
        <Alert
          style={{ marginBottom: 8 }}
          type="warning"
          showIcon
          title={t('station.conflicts.title', { count: conflicts.length })}
          description={conflicts.map((c) => (
            <Flex key={c.clientId} justify="space-between" align="center" gap={8} style={{ marginTop: 4 }} data-testid="station-conflict" data-code={c.code} data-type={c.type}>
              <Typography.Text style={{ fontSize: 13 }}>
                {time(c.at)} · {typeLabel(t, c.type)} · {c.label}：{c.message}
              </Typography.Text>
              <Button size="small" onClick={() => queue.dismiss(c.clientId)} data-testid="station-conflict-dismiss">
                {t('station.conflicts.dismiss')}
              </Button>
            </Flex>
          ))}
          data-testid="station-conflicts"
        />
      )}
      {setAside.length > 0 && (
        <Alert
          style={{ marginBottom: 8 }}
          type="error"
          showIcon
          title={t('station.setAside.title', { count: setAside.length })}
          description={setAside.map((r) => (
            <Flex key={r.clientId} justify="space-between" align="center" gap={8} style={{ marginTop: 4 }} data-testid="station-set-aside">
              <Typography.Text style={{ fontSize: 13 }}>
                {time(r.at)} · {typeLabel(t, r.type)} · {r.label}：{r.reason}
              </Typography.Text>
              <Button size="small" onClick={() => queue.discard(r.clientId)} data-testid="station-set-aside-discard">
                {t('station.setAside.discard')}
              </Button>
            </Flex>
          ))}
        />
      )}
    </>
  );
}
