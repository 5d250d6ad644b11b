import { Alert, Card, Flex, Typography } from 'antd';
import type { PlotView } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { CropTag, formatMu } from '../shared/traceLabels.js';
import { harvestWaits } from './PlotCard.js';

/** The plot at the top of its page, in three short lines: what grows, where, whose; and whether it may be harvested yet. */
export function PlotSummary({ plot }: { plot: PlotView }) {
  const t = useT();
  const waits = harvestWaits(plot);
  return (
    <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: 14 } }} data-testid="plot-summary">
      <Flex align="center" gap={8} wrap>
        <CropTag crop={plot.crop} />
        <Typography.Text strong style={{ fontSize: 16 }}>
          {plot.variety || t(`trace.crop.${plot.crop}`)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('trace.farm.plot.area', { mu: formatMu(plot.areaMu) })}
          {plot.plantedYear ? ` · ${t('trace.farm.plot.plantedIn', { year: plot.plantedYear })}` : ''}
        </Typography.Text>
      </Flex>
      <Typography.Text style={{ display: 'block', marginTop: 6 }}>
        {plot.baseName} · {plot.place}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {plot.producerName}
      </Typography.Text>
      {waits && <Alert type="warning" showIcon style={{ marginTop: 10 }} title={t('trace.farm.plot.earliestLong', { date: plot.earliestHarvestOn! })} data-testid="plot-earliest-harvest" />}
      {!waits && plot.earliestHarvestOn && <Alert type="success" showIcon style={{ marginTop: 10 }} title={t('trace.farm.plot.harvestOk')} />}
    </Card>
  );
}
