import type { TooltipComponentFormatterCallbackParams } from 'echarts';
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

/**
 * The tooltip as elements holding plain text. ECharts' own is an HTML string with style attributes:
 * the Content-Security-Policy refuses those styles, and a unit or type named like markup would be
 * read as markup.
 */
function tooltipOf(params: TooltipComponentFormatterCallbackParams): HTMLElement {
  const items = Array.isArray(params) ? params : [params];
  const box = document.createElement('div');
  box.className = 'stats-tooltip';
  const title = document.createElement('div');
  title.className = 'stats-tooltip__name';
  title.textContent = items[0]?.name ?? '';
  box.append(title);
  for (const item of items) {
    const line = document.createElement('div');
    line.textContent = `${item.seriesName ?? ''}: ${String(item.value ?? '')}`;
    box.append(line);
  }
  return box;
}

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
      tooltip: { trigger: 'axis', formatter: tooltipOf },
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
