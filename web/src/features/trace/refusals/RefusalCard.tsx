import { Card, Divider, Flex } from 'antd';
import type { RefusalView } from '../../../api/trace-recalls.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import type { Outcome } from './DecisionModal.js';
import { Attempted, DecideButtons, Decision, Findings, Harvest, KindTag, PlotCell } from './RefusalParts.js';

/** One entry of the queue on a phone: the same facts as a table row, stacked, with the decision buttons full width. */
export function RefusalCard({ review, t, onDecide }: { review: RefusalView; t: Translate; onDecide: ((r: RefusalView, outcome: Outcome) => void) | null }) {
  return (
    <Card size="small" data-testid="refusal-row" styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <PlotCell review={review} t={t} />
        <KindTag review={review} t={t} />
      </Flex>
      <Divider style={{ margin: '8px 0' }} />
      <Flex vertical gap={8}>
        <Harvest review={review} t={t} />
        <Findings review={review} t={t} />
        <Attempted review={review} t={t} />
        <Decision review={review} t={t} />
        {onDecide && <DecideButtons review={review} t={t} onDecide={onDecide} block />}
      </Flex>
    </Card>
  );
}
