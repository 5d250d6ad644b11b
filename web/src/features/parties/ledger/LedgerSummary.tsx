import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { LedgerGroup, LedgerTotals } from '../../../api/parties.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { NamedLedgerRow } from './useLedgerRows.js';

/**
 * The county's figures over the period, as the server adds them up over every entry (each sale line once): what
 * the households earned, the sales behind it, how many townships, villages or households, and who earned most.
 */
export function LedgerSummary({ totals, top, by }: { totals?: LedgerTotals; top?: NamedLedgerRow; by: LedgerGroup }) {
  const t = useT();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} lg={6}>
        <Card size="small">
          <Statistic title={t('ledger.card.income')} value={(totals?.incomeFen ?? 0) / 100} precision={2} prefix="¥" styles={{ content: { color: '#d4380d' } }} data-testid="ledger-total-income" />
          {!!totals?.reversedFen && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="ledger-total-reversed">
              {t('ledger.card.reversed', { amount: formatFen(-totals.reversedFen) })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card size="small">
          <Statistic title={t('ledger.card.sales')} value={(totals?.salesFen ?? 0) / 100} precision={2} prefix="¥" data-testid="ledger-total-sales" />
          {!!totals?.remainderE4 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ledger.card.remainder', { amount: (totals.remainderE4 / 10_000).toFixed(4) })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic title={t(`ledger.card.count.${by}`)} value={totals?.groups ?? 0} />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          <Statistic title={t('ledger.card.top')} value={top ? top.name : '—'} styles={{ content: { fontSize: 20 } }} />
        </Card>
      </Col>
    </Row>
  );
}
