import { Button, Empty, Skeleton, Typography } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';
import { ParcelCard } from './ParcelCard.js';
import type { PointActions } from './usePointActions.js';
import type { PointParcel } from './usePointLists.js';

const DAY_MS = 86_400_000;

/** Whole days since the parcel reached the point. */
const daysSince = (iso: string | null, now = Date.now()) => (iso ? Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS)) : 0);

/** 待取超期: parcels at the point for more than three days; remind again, hand over, or send back. */
export function WaitingTab({ waiting, loading, actions }: { waiting: PointParcel[]; loading: boolean; actions: PointActions }) {
  const t = useT();
  if (loading) return <Skeleton active />;
  const open = ['arrived_village', 'notified'];
  return (
    <section data-testid="section-waiting" data-count={waiting.length}>
      <Typography.Paragraph type="secondary">{t('logistics.point.waiting.hint', { days: 3 })}</Typography.Paragraph>
      {waiting.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.point.empty.waiting')} />
      ) : (
        waiting.map((p) => (
          <ParcelCard
            key={p.parcel.id}
            {...p}
            extra={
              <Typography.Text type="danger" strong style={{ display: 'block', marginTop: 4 }} data-testid="parcel-days">
                {t('logistics.point.waiting.days', { days: daysSince(p.parcel.arrivedAt) })}
              </Typography.Text>
            }
            actions={
              open.includes(p.status) && (
                <>
                  <Button size="large" style={{ flex: '1 1 30%' }} loading={actions.busy === `notify:${p.parcel.id}`} onClick={() => void actions.notifyOne(p.parcel)} data-testid="parcel-notify">
                    {t('logistics.point.notify.again')}
                  </Button>
                  <Button size="large" type="primary" style={{ flex: '1 1 30%' }} onClick={() => actions.openHandOver(p.parcel)} data-testid="parcel-handover">
                    {t('logistics.point.handover.button')}
                  </Button>
                  <Button size="large" danger style={{ flex: '1 1 30%' }} onClick={() => actions.openReturn(p.parcel)} data-testid="parcel-return">
                    {t('logistics.point.return.button')}
                  </Button>
                </>
              )
            }
          />
        ))
      )}
    </section>
  );
}
