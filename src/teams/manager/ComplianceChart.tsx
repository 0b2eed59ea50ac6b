// Loaded on demand: Fluent's charts bring d3 with them, and the manager's
// first paint (the figures and the table) should not wait for it.
import { HorizontalBarChart, type ChartProps } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { GroupSummary } from './compliance';

/** More bars than this stop being readable; the rest are summed into one. */
export const MAX_BARS = 15;

export function chartData(groups: readonly GroupSummary[]): ChartProps[] {
  const sorted = [...groups].sort((a, b) => b.outstanding - a.outstanding || a.group.localeCompare(b.group));
  const shown = sorted.slice(0, MAX_BARS);
  const rest = sorted.slice(MAX_BARS);
  if (rest.length > 0) {
    const signed = rest.reduce((n, g) => n + g.signed, 0);
    const total = rest.reduce((n, g) => n + g.total, 0);
    shown.push({ group: `${rest.length} more`, signed, total, outstanding: total - signed, percent: null });
  }
  return shown.map((g) => ({
    chartTitle: g.group,
    chartData: [{
      legend: 'Signed',
      horizontalBarChartdata: { x: g.signed, y: g.total },
      color: tokens.colorPaletteGreenBackground3,
      xAxisCalloutData: g.group,
      yAxisCalloutData: `${g.signed} of ${g.total} signed`,
    }],
  }));
}

export default function ComplianceChart({ groups }: { groups: readonly GroupSummary[] }) {
  return <HorizontalBarChart data={chartData(groups)} chartDataMode="fraction" barHeight={12} />;
}
