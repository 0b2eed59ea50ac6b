// The staff table: Fluent's Table (div-based, so rows can be positioned) with
// @tanstack/react-virtual rendering only the rows in view; 10,000 staff stay
// responsive. ARIA row counts and indexes tell screen readers the real size.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  Badge, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens,
} from '@fluentui/react-components';
import { formatUkDateTime } from '../../ui/format';
import type { ComplianceRow } from './compliance';
import { STATUS_TEXT, TABLE_COLUMNS, type SortKey, type TableQuery } from './table';

export const ROW_HEIGHT = 44;
const BODY_HEIGHT = 480;

const useStyles = makeStyles({
  table: { minWidth: '760px' },
  row: {
    display: 'grid',
    gridTemplateColumns: '2fr 2.6fr 1.5fr 1.5fr 1.1fr 2fr',
    alignItems: 'center',
  },
  body: {
    display: 'block',
    height: `${BODY_HEIGHT}px`,
    overflowY: 'auto',
    position: 'relative',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  spacer: { position: 'relative', width: '100%' },
  virtualRow: { position: 'absolute', top: 0, left: 0, width: '100%', height: `${ROW_HEIGHT}px` },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
});

export interface ComplianceTableProps {
  readonly rows: readonly ComplianceRow[];
  readonly query: TableQuery;
  readonly onSort: (key: SortKey) => void;
}

function cellText(row: ComplianceRow, key: SortKey): string {
  if (key === 'signedAt') return row.signedAt ? formatUkDateTime(row.signedAt) : '—';
  if (key === 'status') return STATUS_TEXT[row.status];
  return row[key];
}

export function ComplianceTable({ rows, query, onSort }: ComplianceTableProps) {
  const styles = useStyles();
  const bodyRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Without layout (jsdom, first paint) assume the body's height, so the first rows render at once.
    initialRect: { width: 1000, height: BODY_HEIGHT },
  });
  const direction = query.direction;

  return (
    <Table noNativeElements sortable aria-label="Staff and their signatures" aria-rowcount={rows.length + 1} className={styles.table}>
      <TableHeader>
        <TableRow className={styles.row} aria-rowindex={1}>
          {TABLE_COLUMNS.map((c) => (
            <TableHeaderCell
              key={c.key}
              sortDirection={query.sort === c.key ? direction : undefined}
              onClick={() => onSort(c.key)}
            >
              {c.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody
        ref={bodyRef}
        className={styles.body}
        // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
        tabIndex={0}
        aria-label={`${rows.length} staff; scroll for more`}
      >
        {rows.length === 0 ? (
          <TableRow className={styles.row} aria-rowindex={2}>
            <TableCell className={styles.empty}>No staff match the search and filters.</TableCell>
          </TableRow>
        ) : (
          <div role="presentation" className={styles.spacer} style={{ height: `${virtualizer.getTotalSize()}px` }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <TableRow
                  key={row.id}
                  aria-rowindex={item.index + 2}
                  data-row-id={row.id}
                  className={mergeClasses(styles.row, styles.virtualRow)}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {TABLE_COLUMNS.map((c) => (
                    <TableCell key={c.key} className={styles.cell} title={cellText(row, c.key)}>
                      {c.key === 'status'
                        ? <Badge appearance="tint" color={row.status === 'signed' ? 'success' : 'warning'}>{STATUS_TEXT[row.status]}</Badge>
                        : cellText(row, c.key)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </div>
        )}
      </TableBody>
    </Table>
  );
}
