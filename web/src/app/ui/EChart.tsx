import { useEffect, useRef, type CSSProperties } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption>;

interface Props {
  /** A ChartOption, or a page's own option type when it registers more kinds of chart (the statistics pages). */
  option: EChartsCoreOption;
  height?: number | string;
  style?: CSSProperties;
  testId?: string;
  /** 'dark' for the data screen. */
  theme?: 'dark';
  /**
   * 'replace' (default) draws each option afresh; 'merge' keeps the series' identity so values move to their new
   * place (the data screen's 30-second refresh without a flash) and drops series that went away.
   */
  update?: 'replace' | 'merge';
}

/**
 * ECharts in a div: init once, setOption on change, resize with its box, dispose on unmount. Once a render has
 * finished the div carries `data-rendered="true"`, so browser tests can wait for a drawn chart.
 */
export function EChart({ option, height = 360, style, testId, theme, update = 'replace' }: Props) {
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
    // Not "rendered" again until this option has been drawn.
    ref.current?.removeAttribute('data-rendered');
    chart.current?.setOption(option, update === 'merge' ? { replaceMerge: ['series', 'xAxis', 'yAxis'] } : { notMerge: true });
  }, [option, update, theme]);

  return <div ref={ref} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
