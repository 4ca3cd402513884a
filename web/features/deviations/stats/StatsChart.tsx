import type { BarSeriesOption } from 'echarts/charts';
import { BarChart } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type ReactElement, useEffect, useRef } from 'react';

// Only the parts this chart uses, so the statistics page's chunk stays small; no other page loads ECharts.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

interface StatsChartProps {
  bars: Array<{ label: string; count: number }>;
  /** months read left to right; names read better as horizontal bars */
  horizontal: boolean;
  seriesName: string;
}

/**
 * The counts as bars. Hidden from assistive technology: the table below holds the same numbers
 * and is the accessible alternative.
 */
export function StatsChart({ bars, horizontal, seriesName }: StatsChartProps): ReactElement {
  const element = useRef<HTMLDivElement>(null);
  const instance = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    instance.current = chart;
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = instance.current;
    if (!chart) return;
    // Largest at the top when horizontal: ECharts draws a category axis from the bottom up.
    const ordered = horizontal ? [...bars].reverse() : bars;
    const categoryAxis = {
      type: 'category' as const,
      data: ordered.map((b) => b.label),
      axisLabel: { width: 180, overflow: 'truncate' as const, interval: 0 },
    };
    const valueAxis = { type: 'value' as const, minInterval: 1 };
    const option: ChartOption = {
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [
        {
          type: 'bar',
          name: seriesName,
          data: ordered.map((b) => b.count),
          itemStyle: { color: '#0062ba' },
          barMaxWidth: 40,
        },
      ],
    };
    chart.setOption(option, true);
    chart.resize();
  }, [bars, horizontal, seriesName]);

  const height = horizontal ? Math.max(160, bars.length * 36 + 48) : 320;
  return <div ref={element} className="stats-chart" style={{ height }} aria-hidden="true" />;
}
