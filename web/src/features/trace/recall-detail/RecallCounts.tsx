import { Card, Col, Row, Statistic } from 'antd';
import type { RecallView } from '../../../api/trace-recalls.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { MessageKey } from '../../../app/locale/messages.js';

const CARDS: { key: keyof RecallView['counts']; label: MessageKey; color?: string }[] = [
  { key: 'orders', label: 'traceRecall.count.orders' },
  { key: 'buyers', label: 'traceRecall.count.buyers' },
  { key: 'notified', label: 'traceRecall.count.notified', color: '#1677ff' },
  { key: 'responded', label: 'traceRecall.count.responded', color: '#52c41a' },
  { key: 'frozen', label: 'traceRecall.count.frozen', color: '#cf1322' },
];

/** 订单 / 买家 / 已通知 / 已回复 / 冻结库存 as five cards. */
export function RecallCounts({ counts }: { counts: RecallView['counts'] }) {
  const t = useT();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {CARDS.map((c) => (
        <Col key={c.key} xs={12} sm={8} lg={{ flex: '20%' }}>
          <Card size="small" data-testid={`recall-count-${c.key}`}>
            <Statistic title={t(c.label)} value={counts[c.key]} styles={{ content: c.color ? { color: c.color } : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
