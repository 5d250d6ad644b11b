import { Card, Col, Row, Statistic } from 'antd';
import type { LedgerGroup } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { NamedLedgerRow } from './useLedgerRows.js';

/** What the households earned in all, and how many townships, villages or households earned it. */
export function LedgerSummary({ rows, by }: { rows: NamedLedgerRow[]; by: LedgerGroup }) {
  const t = useT();
  const income = rows.reduce((n, r) => n + r.incomeFen, 0);
  const top = rows[0];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={8}>
        <Card size="small">
          <Statistic title={t('ledger.card.income')} value={income / 100} precision={2} prefix="¥" styles={{ content: { color: '#d4380d' } }} data-testid="ledger-total-income" />
        </Card>
      </Col>
      <Col xs={12} sm={8}>
        <Card size="small">
          <Statistic title={t(`ledger.card.count.${by}`)} value={rows.length} />
        </Card>
      </Col>
      <Col xs={12} sm={8}>
        <Card size="small">
          <Statistic title={t('ledger.card.top')} value={top ? top.name : '—'} styles={{ content: { fontSize: 20 } }} />
        </Card>
      </Col>
    </Row>
  );
}
