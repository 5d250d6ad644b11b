import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { usePlot, usePlotRecords } from '../../../api/trace-farm.js';
import { mayKeepFarmRecords } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { KindButtons } from './KindButtons.js';
import { recordAnchor } from './RecordItem.js';
import { PlotSummary } from './PlotSummary.js';
import { formKindOf } from './recordForm.js';
import { RecordSheet, type SheetRequest } from './RecordSheet.js';
import { RecordTimeline } from './RecordTimeline.js';
import { StationPurchasesCard } from './StationPurchasesCard.js';

/**
 * One plot on a phone: what it is, the big buttons for what was done today, and its records below, each with
 * 更正. Regulators read it only.
 */
export function PlotPage() {
  const t = useT();
  const user = useUser();
  const { plotId } = useParams();
  const detail = usePlot(plotId);
  const book = usePlotRecords(plotId);
  const keep = mayKeepFarmRecords(user);
  const [request, setRequest] = useState<SheetRequest | null>(null);
  const plot = detail.data;
  const records = useMemo(() => book.data?.pages.flatMap((p) => p.items) ?? [], [book.data]);
  // Opened from the regulator's queue: back leads there, and the record that broke the rule is marked and in view.
  const fromQueue = useSearchParams()[0].get('from') === 'refusals';
  const { hash } = useLocation();
  const marked = hash.startsWith(`#${recordAnchor('')}`) ? hash.slice(1 + recordAnchor('').length) : undefined;
  const markedShown = !!marked && records.some((r) => r.id === marked);
  useEffect(() => {
    if (markedShown) document.getElementById(recordAnchor(marked))?.scrollIntoView({ block: 'center' });
  }, [marked, markedShown]);
  const back = fromQueue ? { to: '/trace/refusals', label: t('traceReview.backToQueue') } : { to: '/trace/farm', label: t('trace.farm.backToPlots') };

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Flex align="center" gap={4} style={{ marginBottom: 12 }}>
        <Link to={back.to} aria-label={back.label} data-testid="back-to-plots">
          <Button type="text" icon={<ArrowLeftOutlined />} style={{ width: 44, height: 44 }} aria-label={back.label} />
        </Link>
        <Typography.Title level={4} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {plot?.name ?? t('trace.farm.title')}
        </Typography.Title>
        <Button type="text" icon={<ReloadOutlined />} loading={detail.isFetching || book.isFetching} onClick={() => void Promise.all([detail.refetch(), book.refetch()])} style={{ width: 44, height: 44 }} aria-label={t('common.refresh')} />
      </Flex>
      {detail.isError || book.isError ? (
        <LoadError error={detail.error ?? book.error} onRetry={() => void Promise.all([detail.refetch(), book.refetch()])} />
      ) : !plot || book.isPending ? (
        <Skeleton active />
      ) : (
        <>
          <PlotSummary plot={plot} />
          {fromQueue && markedShown && <Alert type="warning" showIcon title={t('traceReview.fromQueue')} style={{ marginBottom: 12 }} data-testid="plot-from-queue" />}
          {keep && (
            <>
              <KindButtons onChoose={(kind) => setRequest({ kind })} />
              <Flex justify="flex-end">
                <Button type="link" icon={<PlusOutlined />} onClick={() => setRequest({ kind: 'planting' })} style={{ paddingInline: 0 }} data-testid="record-kind-planting">
                  {t('trace.farm.addPlanting')}
                </Button>
              </Flex>
            </>
          )}
          <StationPurchasesCard producerId={plot.producerId} />
          <Typography.Title level={5} style={{ margin: '8px 0 12px' }}>
            {t('trace.farm.records', { count: records.length })}
          </Typography.Title>
          <RecordTimeline records={records} marked={marked} onCorrect={keep ? (r) => setRequest({ kind: formKindOf(r), correcting: r }) : undefined} />
          <LoadMore query={book} />
          {keep && <RecordSheet plot={plot} records={records} request={request} onClose={() => setRequest(null)} />}
        </>
      )}
    </div>
  );
}
