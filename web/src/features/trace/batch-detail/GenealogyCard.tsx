import { Card, Col, Input, Row, Skeleton, Typography } from 'antd';
import { useGenealogy } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { BackwardChain } from './BackwardChain.js';
import { ForwardFlow } from './ForwardFlow.js';
import { ForwardOrders } from './ForwardOrders.js';

interface Props {
  batchId: string;
  serial?: string;
  onSerial: (serial: string | undefined) => void;
}

/** 追溯链: back to the plots and inputs (from one label when a serial is given), forward to stock and buyers. */
export function GenealogyCard({ batchId, serial, onSerial }: Props) {
  const t = useT();
  const chain = useGenealogy(batchId, serial);
  return (
    <Card
      id="genealogy"
      title={t('traceBatch.chain.title')}
      style={{ marginBottom: 16 }}
      data-testid="genealogy"
      extra={
        <Input.Search
          key={serial ?? ''}
          allowClear
          defaultValue={serial}
          maxLength={20}
          style={{ width: 260 }}
          placeholder={t('traceBatch.chain.serial')}
          onSearch={(value) => onSerial(value.trim() || undefined)}
          data-testid="genealogy-serial"
        />
      }
    >
      {chain.isError ? (
        <LoadError error={chain.error} onRetry={() => void chain.refetch()} />
      ) : !chain.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Row gutter={[32, 16]}>
          <Col xs={24} lg={10}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('traceBatch.chain.backward')}
            </Typography.Title>
            <BackwardChain backward={chain.data.backward} />
          </Col>
          <Col xs={24} lg={14}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('traceBatch.chain.forward')}
            </Typography.Title>
            <ForwardFlow forward={chain.data.forward} batchId={batchId} />
          </Col>
          <Col span={24}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('traceBatch.flow.ordersTitle')}
            </Typography.Title>
            <ForwardOrders orders={chain.data.forward.orders} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
