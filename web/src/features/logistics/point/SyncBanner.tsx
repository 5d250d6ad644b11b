import { useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { isConflict, outcomeText } from './outcomeText.js';
import { scanTypeLabel } from './ParcelCard.js';
import type { PointQueue } from './usePointQueue.js';

const time = (iso: string) => formatDateTime(iso).slice(5, 16);
/** Lines of a sync's result shown at most; the rest are counted. */
const SHOWN = 20;

/**
 * 离线 N 条待同步: what waits on the phone, a button to send it now, the last sync's result (every scan's outcome in
 * Chinese with the waybill, a resend's stored outcome included), the scans that did not count (kept on the phone until
 * read: a parcel handed over or returned meanwhile, a second hand-over, a wrong code) and the scans the server
 * refused, each to read and discard.
 */
export function SyncBanner({ queue }: { queue: PointQueue }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { pending, rejected, conflicts, online, syncing, outcome } = queue;
  // What counted is listed with the result; what did not stays below until the operator has read it.
  const applied = outcome?.outcomes.filter((o) => !isConflict(o)) ?? [];
  const count = pending.length;

  const list = open && count > 0 && (
    <div style={{ margin: '0 0 8px', padding: '8px 12px', fontSize: 13, background: '#fffbe6', borderRadius: 8 }} data-testid="point-queue-list">
      {pending.map((q) => (
        <div key={q.scan.eventId}>
          {time(q.queuedAt)} · {scanTypeLabel(t, q.scan.type)} · {q.label ?? q.scan.waybillNo ?? q.scan.parcelId}
        </div>
      ))}
    </div>
  );
  const toggle = count > 0 && (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(!open)} data-testid="point-queue-toggle">
      {open ? t('logistics.point.sync.hide') : t('logistics.point.sync.show')}
    </Button>
  );

  return (
    <>
      {(!online || count > 0) && (
        // Stays in sight while the operator scrolls the lists: one compact line, the details below it.
        <div style={{ position: 'sticky', top: 64, zIndex: 9, marginBottom: 8 }}>
          <Alert
            type={online ? 'info' : 'warning'}
            showIcon
            icon={online ? <CloudSyncOutlined /> : <DisconnectOutlined />}
            title={
              <span>
                {online ? t('logistics.point.sync.waiting', { count }) : count ? t('logistics.point.sync.offline', { count }) : t('logistics.point.sync.offlineEmpty')} {toggle}
              </span>
            }
            description={!online && count === 0 ? t('logistics.point.sync.offlineHint') : undefined}
            action={
              online && (
                <Button type="primary" loading={syncing} onClick={() => void queue.sync()} data-testid="point-sync-now">
                  {t('logistics.point.sync.now')}
                </Button>
              )
            }
            data-testid="point-sync-banner"
            data-pending={count}
            data-online={String(online)}
          />
        </div>
      )}
      {list}
      {outcome && outcome.state !== 'offline' && (
        <Alert
          style={{ marginBottom: 8 }}
          type={outcome.state === 'failed' ? 'error' : outcome.flagged.length || outcome.rejected.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: queue.clearOutcome }}
          title={
            outcome.state === 'failed'
              ? t('logistics.point.sync.failed', { error: errorText(outcome.error, t) })
              : t('logistics.point.sync.result', { sent: outcome.sent, stored: outcome.stored, duplicates: outcome.duplicates, flagged: outcome.flagged.length })
          }
          description={
            applied.length > 0 && (
              <div style={{ fontSize: 13 }}>
                {applied.slice(0, SHOWN).map((o) => (
                  <div key={o.eventId} data-testid="point-sync-outcome" data-waybill={o.waybillNo ?? ''} data-code={o.code ?? ''}>
                    {outcomeText(t, o)}
                  </div>
                ))}
                {applied.length > SHOWN && <div>{t('logistics.point.sync.more', { count: applied.length })}</div>}
              </div>
            )
          }
          data-testid="point-sync-result"
          data-stored={outcome.stored}
          data-duplicates={outcome.duplicates}
          data-flagged={outcome.flagged.length}
        />
      )}
      {conflicts.length > 0 && (
        <Alert
          style={{ marginBottom: 8 }}
          type="warning"
          showIcon
          title={t('logistics.point.conflicts.title', { count: conflicts.length })}
          description={conflicts.map((c) => (
            <Flex key={c.eventId} justify="space-between" align="center" gap={8} style={{ marginTop: 4 }} data-testid="point-conflict" data-waybill={c.waybillNo ?? ''} data-code={c.code ?? ''} data-status={c.status}>
              <Typography.Text style={{ fontSize: 13 }}>{outcomeText(t, c)}</Typography.Text>
              <Button size="small" onClick={() => queue.dismiss(c.eventId)} data-testid="point-conflict-dismiss">
                {t('logistics.point.conflicts.dismiss')}
              </Button>
            </Flex>
          ))}
          data-testid="point-conflicts"
        />
      )}
      {rejected.length > 0 && (
        <Alert
          style={{ marginBottom: 8 }}
          type="error"
          showIcon
          title={t('logistics.point.sync.rejected', { count: rejected.length })}
          description={rejected.map((r) => (
            <Flex key={r.scan.eventId} justify="space-between" align="center" gap={8} style={{ marginTop: 4 }}>
              <Typography.Text style={{ fontSize: 13 }}>
                {time(r.queuedAt)} · {scanTypeLabel(t, r.scan.type)} · {r.label ?? r.scan.waybillNo ?? r.scan.parcelId}：{r.reason}
              </Typography.Text>
              <Button size="small" onClick={() => queue.discard(r.scan.eventId)} data-testid="point-rejected-discard">
                {t('logistics.point.sync.discard')}
              </Button>
            </Flex>
          ))}
          data-testid="point-rejected"
        />
      )}
    </>
  );
}
