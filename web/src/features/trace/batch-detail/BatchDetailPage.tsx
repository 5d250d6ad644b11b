import { useCallback, useState } from 'react';
import { Alert, Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useBatch } from '../../../api/trace-batches.js';
import { mayOpenRecall, mayWorkBatches } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { BatchStatusTag, mono } from '../batches/batchLabels.js';
import { OpenRecallModal } from '../recalls/OpenRecallModal.js';
import { BatchActions } from './BatchActions.js';
import { BatchFacts } from './BatchFacts.js';
import { GenealogyCard } from './GenealogyCard.js';
import { PackagesCard } from './PackagesCard.js';
import { PrintCard } from './PrintCard.js';

const KEYS = ['serial'] as const;

/**
 * A batch: its facts, 拆分 / 装箱赋码 / 关联商品入库, the certificate, labels and EPCIS export, its chain back to the
 * plot and forward to the buyers (from one label with ?serial=), and its labels with their scans.
 */
export function BatchDetailPage() {
  const t = useT();
  const user = useUser();
  const { id } = useParams<{ id: string }>();
  const batch = useBatch(id);
  const [params, setParams] = useUrlParams(KEYS);
  const [recalling, setRecalling] = useState(false);
  const data = batch.data;
  const crumbs = [{ title: t('shell.menu.trace') }, { title: t('traceBatch.title'), to: '/trace/batches' }, { title: data?.code ?? '…' }];

  const traceSerial = useCallback(
    (serial: string | undefined) => {
      setParams({ serial });
      if (serial) document.getElementById('genealogy')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
    [setParams],
  );

  if (batch.isError) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={t('traceBatch.detailTitle')} />
        <LoadError error={batch.error} onRetry={() => void batch.refetch()} />
      </>
    );
  }
  if (!data) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={t('traceBatch.detailTitle')} />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Space size={8} wrap>
            <span style={mono} data-testid="batch-code">
              {data.code}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400 }}>
              {data.producerName}
            </Typography.Text>
            <BatchStatusTag batch={data} />
          </Space>
        }
        subtitle={t('traceBatch.detailSubtitle')}
        extra={
          <Flex gap={8} wrap>
            {mayWorkBatches(user) && <BatchActions batch={data} />}
            {mayOpenRecall(user) && data.status === 'active' && (
              <Button danger icon={<AlertOutlined />} onClick={() => setRecalling(true)} data-testid="batch-recall">
                {t('traceRecall.open.button')}
              </Button>
            )}
          </Flex>
        }
      />
      {data.status === 'recalled' && <Alert type="error" showIcon title={t('traceBatch.recalledBanner')} style={{ marginBottom: 16 }} data-testid="batch-recalled-banner" />}
      {data.hold && <Alert type={data.hold === 'upheld' ? 'error' : 'warning'} showIcon title={t(`traceBatch.heldBanner.${data.hold}`)} style={{ marginBottom: 16 }} data-testid="batch-held-banner" />}
      <Card style={{ marginBottom: 16 }}>
        <BatchFacts batch={data} />
      </Card>
      <PrintCard batch={data} />
      <GenealogyCard batchId={data.id} serial={params.serial} onSerial={traceSerial} />
      <PackagesCard batch={data} onTrace={traceSerial} />
      {recalling && <OpenRecallModal batches={[data]} onClose={() => setRecalling(false)} />}
    </>
  );
}
