import { Alert } from 'antd';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { KeptLines, SyncStatusBar } from '../../../app/ui/KeptQueueBanner.js';
import { typeLabel } from './labels.js';
import type { Conflict, SetAside } from './stationQueue.js';
import type { StationQueueApi } from './useStationQueue.js';

const time = (iso: string) => formatDateTime(iso).slice(11, 16);

/**
 * 离线 N 条待同步: what waits on the phone and a button to send it now; the last sync's result; the records a business
 * rule refused (the server's Chinese reason, kept until read) and those set aside as unreadable, each to dismiss.
 */
export function StationSyncBanner({ queue }: { queue: StationQueueApi }) {
  const t = useT();
  const { pending, setAside, conflicts, outcome } = queue;
  const count = pending.length;
  return (
    <>
      <SyncStatusBar
        queue={queue}
        texts={{ waiting: t('station.sync.waiting', { count }), offline: t('station.sync.offline', { count }), offlineEmpty: t('station.sync.offlineEmpty'), offlineHint: t('station.sync.offlineHint'), now: t('station.sync.now') }}
        testId="station-sync-banner"
        buttonTestId="station-sync-now"
      />
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
      <KeptLines<Conflict>
        type="warning"
        title={t('station.conflicts.title', { count: conflicts.length })}
        items={conflicts}
        idOf={(c) => c.clientId}
        text={(c) => `${time(c.at)} · ${typeLabel(t, c.type)} · ${c.label}：${c.message}`}
        button={t('station.conflicts.dismiss')}
        onRemove={queue.dismiss}
        testIds={{ list: 'station-conflicts', line: 'station-conflict', button: 'station-conflict-dismiss' }}
        lineData={(c) => ({ 'data-code': c.code, 'data-type': c.type })}
      />
      <KeptLines<SetAside>
        type="error"
        title={t('station.setAside.title', { count: setAside.length })}
        items={setAside}
        idOf={(r) => r.clientId}
        text={(r) => `${time(r.at)} · ${typeLabel(t, r.type)} · ${r.label}：${r.reason}`}
        button={t('station.setAside.discard')}
        onRemove={queue.discard}
        testIds={{ line: 'station-set-aside', button: 'station-set-aside-discard' }}
      />
    </>
  );
}
