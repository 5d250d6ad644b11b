import { useEffect, useRef, type CSSProperties } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, GraphChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, GaugeSeriesOption, GraphSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';

// The statistics pages draw more kinds of chart than the console's shared EChart (the county network as a graph,
// gauges, pies); they are registered here so only these pages download them.
echarts.use([BarChart, LineChart, PieChart, GaugeChart, GraphChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type StatsChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GaugeSeriesOption
  | GraphSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

interface Props {
  option: StatsChartOption;
  height?: number | string;
  style?: CSSProperties;
  testId?: string;
  /** 'dark' for the data screen. */
  theme?: 'dark';
}

/**
 * ECharts in a div: init once, then merge each new option into the drawn chart (no flash on the screen's 30-second
 * refresh: the bars move to their new values), resize with the box, dispose on unmount. `data-rendered="true"` once
 * a render finished, so browser tests can wait for a drawn chart.
 */
export function StatsChart({ option, height = 320, style, testId, theme }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, theme, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => el.setAttribute('data-rendered', 'true'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      el.removeAttribute('data-rendered');
    };
  }, [theme]);

  useEffect(() => {
    // replaceMerge keeps the series' identity (so values animate to their new place) but drops series that went away.
    chart.current?.setOption(option, { replaceMerge: ['series', 'xAxis', 'yAxis'] });
  }, [option, theme]);

  return <div ref={ref} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
