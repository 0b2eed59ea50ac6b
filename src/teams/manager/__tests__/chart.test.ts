import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '../compliance';
import { chartBars } from '../ComplianceChart';

const g = (group: string, signed: number, total: number): GroupSummary => ({ group, signed, total, outstanding: total - signed, percent: null });

describe('chartBars', () => {
  it('puts the groups with most outstanding first, ties alphabetical', () => {
    expect(chartBars([g('Admin', 1, 2), g('Science', 0, 5), g('English', 4, 5)]).map((b) => b.label)).toEqual(['Science', 'Admin', 'English']);
  });

  it('sums the groups beyond the limit into one bar', () => {
    const bars = chartBars([g('A', 0, 3), g('B', 0, 2), g('C', 1, 2), g('D', 1, 1)], 2);
    expect(bars).toEqual([{ label: 'A', signed: 0, total: 3 }, { label: 'B', signed: 0, total: 2 }, { label: '2 more', signed: 2, total: 3 }]);
  });

  it('adds no extra bar when the groups fit', () => {
    expect(chartBars([g('A', 0, 1)], 1)).toHaveLength(1);
  });
});
