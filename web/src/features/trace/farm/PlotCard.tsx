import { Card, Flex, Tag, Typography } from 'antd';
import { ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { PlotView } from '../../../api/trace-farm.js';
import { todayInShanghai } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { CropTag, formatMu } from '../shared/traceLabels.js';

/** Whether the plot may not be harvested yet: its earliest harvest day is still to come. */
export const harvestWaits = (plot: Pick<PlotView, 'earliestHarvestOn'>) => !!plot.earliestHarvestOn && plot.earliestHarvestOn > todayInShanghai();

/** One of "my plots": crop and variety, base and village, the last record, and 最早可采收 while a spraying's interval runs. */
export function PlotCard({ plot }: { plot: PlotView }) {
  const t = useT();
  return (
    <Link to={`/trace/farm/${encodeURIComponent(plot.id)}`} style={{ display: 'block', color: 'inherit' }} data-testid="plot-card" data-plot-id={plot.id}>
      <Card hoverable size="small" styles={{ body: { padding: 14 } }}>
        <Flex justify="space-between" align="center" gap={8}>
          <div style={{ minWidth: 0 }}>
            <Flex align="center" gap={8} wrap>
              <CropTag crop={plot.crop} />
              <Typography.Text strong style={{ fontSize: 16 }}>
                {plot.variety || t(`trace.crop.${plot.crop}`)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('trace.farm.plot.area', { mu: formatMu(plot.areaMu) })}
              </Typography.Text>
            </Flex>
            <Typography.Text style={{ display: 'block', marginTop: 4, fontSize: 14 }} ellipsis>
              {plot.name} · {plot.baseName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }} ellipsis>
              {plot.place} · {plot.producerName}
            </Typography.Text>
            <Flex gap={8} wrap align="center" style={{ marginTop: 6 }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {plot.lastRecordOn ? t('trace.farm.plot.last', { date: plot.lastRecordOn }) : t('trace.farm.plot.noRecords')}
              </Typography.Text>
              {harvestWaits(plot) && (
                <Tag color="orange" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid="plot-earliest-harvest">
                  {t('trace.farm.plot.earliest', { date: plot.earliestHarvestOn! })}
                </Tag>
              )}
            </Flex>
          </div>
          <RightOutlined style={{ color: 'rgba(0,0,0,0.25)', flex: 'none' }} />
        </Flex>
      </Card>
    </Link>
  );
}
