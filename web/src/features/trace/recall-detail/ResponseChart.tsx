import { useMemo } from 'react';
import { Card } from 'antd';
import { RECALL_RESPONSES, type RecallView } from '../../../api/trace-recalls.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { EChart, type ChartOption } from '../../../app/ui/EChart.js';

const COLORS = ['#1677ff', '#722ed1', '#fa8c16', '#13c2c2', '#cf1322', '#bfbfbf'];

/** How buyers answered (退回, 销毁, 申请退款, 未食用, 已食用) and how many have not yet: one bar each. */
export function ResponseChart({ recall }: { recall: RecallView }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const keys = [...RECALL_RESPONSES, 'none'] as const;
    const counts = keys.map((k) => recall.notices.filter((n) => (n.response ?? 'none') === k).length);
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: keys.map((k) => t(`traceRecall.response.${k}`)) },
      series: [{ type: 'bar', barMaxWidth: 18, data: counts.map((value, i) => ({ value, itemStyle: { color: COLORS[i] } })), label: { show: true, position: 'right' } }],
    };
  }, [recall.notices, t]);
  return (
    <Card size="small" title={t('traceRecall.detail.responses')} style={{ height: '100%' }}>
      <EChart option={option} height={220} testId="recall-response-chart" />
    </Card>
  );
}
