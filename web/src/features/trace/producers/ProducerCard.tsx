import { Button, Card, Flex, Typography } from 'antd';
import type { ProducerView } from '../../../api/trace-farm.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { ProducerKindTag } from './ProducerKindTag.js';

/** One producer on a phone: kind and name, place and phone, its plots, and the button to them. */
export function ProducerCard({ producer: p, t, onOpen }: { producer: ProducerView; t: Translate; onOpen: (p: ProducerView) => void }) {
  return (
    <Card size="small" data-testid="producer-card" styles={{ body: { padding: 12 } }}>
      <Flex gap={8} align="flex-start">
        <ProducerKindTag kind={p.kind} />
        <Typography.Text strong style={{ fontSize: 15, flex: 1, minWidth: 0 }}>
          {p.name}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginTop: 4 }}>
        {p.place}
        {p.phone ? ` · ${p.phone}` : ''}
      </Typography.Text>
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('trace.producers.col.plots')} {p.plots}
        </Typography.Text>
        <Button onClick={() => onOpen(p)} data-testid="producer-plots">
          {t('trace.producers.openPlots')}
        </Button>
      </Flex>
    </Card>
  );
}
