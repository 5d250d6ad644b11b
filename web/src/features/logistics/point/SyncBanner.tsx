import { useState } from 'react';
import { Alert, Button } from 'antd';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { KeptLines, SyncStatusBar } from '../../../app/ui/KeptQueueBanner.js';
import type { RejectedScan, SettledScan } from './offlineQueue.js';
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
  const { pending, setAside: rejected, conflicts, outcome } = queue;
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
      <SyncStatusBar
        queue={queue}
        texts={{
          waiting: t('logistics.point.sync.waiting', { count }),
          offline: t('logistics.point.sync.offline', { count }),
          offlineEmpty: t('logistics.point.sync.offlineEmpty'),
          offlineHint: t('logistics.point.sync.offlineHint'),
          now: t('logistics.point.sync.now'),
        }}
        extra={toggle}
        testId="point-sync-banner"
        buttonTestId="point-sync-now"
      />
      {list}
      {outcome && outcome.state !== 'offline' && (
        <Alert
          style={{ marginBottom: 8 }}
          type={outcome.state === 'failed' ? 'error' : outcome.flagged.length || outcome.setAside.length ? 'warning' : 'success'}
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
      <KeptLines<SettledScan>
        type="warning"
        title={t('logistics.point.conflicts.title', { count: conflicts.length })}
        items={conflicts}
        idOf={(c) => c.eventId}
        text={(c) => outcomeText(t, c)}
        button={t('logistics.point.conflicts.dismiss')}
        onRemove={queue.dismiss}
        testIds={{ list: 'point-conflicts', line: 'point-conflict', button: 'point-conflict-dismiss' }}
        lineData={(c) => ({ 'data-waybill': c.waybillNo ?? '', 'data-code': c.code ?? '', 'data-status': c.status })}
      />
      <KeptLines<RejectedScan>
        type="error"
        title={t('logistics.point.sync.rejected', { count: rejected.length })}
        items={rejected}
        idOf={(r) => r.scan.eventId}
        text={(r) => `${time(r.queuedAt)} · ${scanTypeLabel(t, r.scan.type)} · ${r.label ?? r.scan.waybillNo ?? r.scan.parcelId}：${r.reason}`}
        button={t('logistics.point.sync.discard')}
        onRemove={queue.discard}
        testIds={{ list: 'point-rejected', button: 'point-rejected-discard' }}
      />
    </>
  );
}
