// Signed per department or job title as Fluent-styled bars: one labelled
// ProgressBar per group. Fluent's react-charts was tried first: 49 KB gzipped
// more (d3), and its HorizontalBarChart keeps a Tooltip portal mounted per bar,
// which made Tabster add focusable aria-hidden guards that axe reports
// (aria-hidden-focus). A list of bars reads better to a screen reader anyway.
import { makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
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
  item: { display: 'grid', gridTemplateColumns: 'minmax(8rem, 14rem) 1fr 6rem', alignItems: 'center', gap: tokens.spacingHorizontalM },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  figure: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export function ComplianceChart({ groups, label }: { groups: readonly GroupSummary[]; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {chartBars(groups).map((bar) => (
        <li key={bar.label} className={styles.item}>
          <Text className={styles.label} title={bar.label}>{bar.label}</Text>
          <ProgressBar
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
