import type { CSSProperties } from 'react';
import { EChart } from '../../app/ui/EChart.js';
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

/** The console's EChart with these chart kinds registered, merging each new option into the drawn chart. */
export function StatsChart({ option, height = 320, ...rest }: Props) {
  return <EChart option={option} height={height} update="merge" {...rest} />;
}
