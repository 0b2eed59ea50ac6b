// Signed per department or job title as Fluent-styled bars: one labelled
// ProgressBar per group. Fluent's react-charts was tried first: 49 KB gzipped
// more (d3), and its HorizontalBarChart keeps a Tooltip portal mounted per bar,
// which made Tabster add focusable aria-hidden guards that axe reports
// (aria-hidden-focus). A list of bars reads better to a screen reader anyway.
import { makeStyles, mergeClasses, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useContrastStyles } from '../../ui/contrast';
import type { GroupSummary } from './compliance';

/** More bars than this stop being readable; the rest are summed into one. */
export const MAX_BARS = 15;

export interface Bar {
  readonly label: string;
  readonly signed: number;
  readonly total: number;
}

/** Most outstanding first (where a manager should look), then alphabetical; the tail summed. */
export function chartBars(groups: readonly GroupSummary[], max = MAX_BARS): Bar[] {
  const sorted = [...groups].sort((a, b) => b.outstanding - a.outstanding || a.group.localeCompare(b.group, 'en-GB'));
  const bars: Bar[] = sorted.slice(0, max).map((g) => ({ label: g.group, signed: g.signed, total: g.total }));
  const rest = sorted.slice(max);
  if (rest.length > 0) {
    bars.push({
      label: `${rest.length} more`,
      signed: rest.reduce((n, g) => n + g.signed, 0),
      total: rest.reduce((n, g) => n + g.total, 0),
    });
  }
  return bars;
}

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  // Label, bar, figure in a row; on a phone the label and figure above a full-width bar
  // (three fixed columns left the bar 0 px wide at 360 px, issue 14).
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, 14rem) minmax(6rem, 1fr) 5rem',
    gridTemplateAreas: '"label bar figure"',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr) auto', gridTemplateAreas: '"label figure" "bar bar"' },
  },
  label: { gridArea: 'label', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  bar: { gridArea: 'bar', minWidth: 0 },
  figure: { gridArea: 'figure', textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export function ComplianceChart({ groups, label }: { groups: readonly GroupSummary[]; label: string }) {
  const styles = useStyles();
  const contrast = useContrastStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {chartBars(groups).map((bar) => (
        <li key={bar.label} className={styles.item}>
          <Text className={styles.label} title={bar.label}>{bar.label}</Text>
          <ProgressBar
            className={mergeClasses(styles.bar, contrast.track)}
            value={bar.signed}
            max={Math.max(bar.total, 1)}
            thickness="large"
            color={bar.signed === bar.total ? 'success' : 'brand'}
            aria-label={`${bar.label}: ${bar.signed} of ${bar.total} signed`}
          />
          <Text className={styles.figure} aria-hidden>{bar.signed} / {bar.total}</Text>
        </li>
      ))}
    </ul>
  );
}
