import { Card, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useStationPurchases, type StationPurchase } from '../../../api/trace-station-purchases.js';
import { formatFen } from '../../../app/format.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';

const KIND_COLOURS: Record<StationPurchase['kind'], string> = { pesticide: 'volcano', fertiliser: 'green', seed: 'gold' };

function SprayTag({ purchase: p, t }: { purchase: StationPurchase; t: Translate }) {
  const check = p.sprayCheck;
  if (!check) return null;
  if (check.status === 'missing') return <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="purchase-spray-missing">{t('trace.purchases.missing')}</Tag>;
  if (check.status === 'recorded') return <Tag color="success" style={{ marginInlineEnd: 0 }}>{t('trace.purchases.recorded', { date: check.appliedOn ?? '' })}</Tag>;
  return <Tag style={{ marginInlineEnd: 0 }}>{t('trace.purchases.waiting', { date: check.until })}</Tag>;
}

/**
 * 在服务站点购买的农资: what the plot's producer bought at stations and village points (seeds, fertiliser, pesticide
 * with their registration numbers), beside its farm records. A pesticide with no spray record on any of its plots
 * within 30 days is marked 购药后30天未见用药记录, so a missing record can be noticed. Nothing when it bought none.
 */
export function StationPurchasesCard({ producerId }: { producerId: string }) {
  const t = useT();
  const query = useStationPurchases(producerId);
  const purchases = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || purchases.length === 0) return null;
  return (
    <Card size="small" title={t('trace.purchases.title')} style={{ marginBottom: 12 }} styles={{ body: { padding: 0 } }} data-testid="station-purchases">
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, padding: '8px 12px 0' }}>
        {t('trace.purchases.hint')}
      </Typography.Text>
      {purchases.map((p, i) => (
        <div key={p.recordId} style={{ padding: '10px 12px', borderTop: i ? '1px solid #f0f0f0' : undefined }} data-testid="station-purchase">
          <Flex justify="space-between" align="center" gap={8} wrap>
            <span>
              <Tag color={KIND_COLOURS[p.kind]}>{p.kindName}</Tag>
              <Typography.Text strong>{t('trace.purchases.line', { name: p.name, spec: p.spec, quantity: p.quantity, unit: p.unit })}</Typography.Text>
            </span>
            <SprayTag purchase={p} t={t} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginTop: 4 }}>
            {p.day} · {p.siteName} · {p.registrationNo ? t('trace.purchases.registration', { number: p.registrationNo }) : t('trace.purchases.exempt')} · {formatFen(p.amountFen)}
          </Typography.Text>
        </div>
      ))}
      <div style={{ paddingBottom: query.hasNextPage ? 12 : 0 }}>
        <LoadMore query={query} />
      </div>
    </Card>
  );
}
