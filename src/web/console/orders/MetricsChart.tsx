/**
 * The metrics chart: orders (bars) and satisfaction (line) of the busiest sites or teams. ECharts is
 * imported piece by piece here and this file is loaded lazily, so only the metrics page pays for it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsRow } from '../../orders/ops-data.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function MetricsChart({ rows }: { rows: MetricsRow[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(box.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const ordersName = t('orders.metrics.chartOrders');
    const satisfactionName = t('orders.metrics.chartSatisfaction');
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { data: [ordersName, satisfactionName], top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: rows.map((r) => r.name),
          axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' },
        },
        yAxis: [
          { type: 'value', name: ordersName, minInterval: 1 },
          { type: 'value', name: satisfactionName, min: 0, max: 100, splitLine: { show: false } },
        ],
        series: [
          {
            name: ordersName,
            type: 'bar',
            barMaxWidth: 48,
            data: rows.map((r) => r.orders),
            itemStyle: { color: '#c8102e' },
          },
          {
            name: satisfactionName,
            type: 'line',
            yAxisIndex: 1,
            data: rows.map((r) => (r.satisfaction === null ? null : Math.round(r.satisfaction * 100))),
            itemStyle: { color: '#1677ff' },
            connectNulls: false,
          },
        ],
      },
      true,
    );
  }, [rows, t]);

  return (
    <div
      ref={box}
      className="lf-metrics-chart"
      role="img"
      aria-label={t('orders.metrics.chartTitle', { count: rows.length })}
    />
  );
}
