// The staff table: Fluent's Table (div-based, so rows can be positioned) with
// @tanstack/react-virtual rendering only the rows in view; 10,000 staff stay
// responsive. ARIA row counts and indexes tell screen readers the real size.
// Columns take the width their content needs (issue 14: at 1280 px no email,
// job title or time was cut while space stood empty); a long value wraps to a
// second line rather than being cut off.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  Badge, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens,
} from '@fluentui/react-components';
import { formatUkShortDateTime } from '../../ui/format';
import type { ComplianceRow, SignStatus } from './compliance';
import { STATUS_TEXT, TABLE_COLUMNS, statusDetail, type SortKey, type TableQuery } from './table';

export const ROW_HEIGHT = 52;
const BODY_HEIGHT = 520;

const useStyles = makeStyles({
  table: { minWidth: '72rem' },
  row: {
    display: 'grid',
    // Name, Email, Department, Job title, Status, Signed, Last reminded.
    gridTemplateColumns: 'minmax(8rem, 1fr) minmax(17rem, 2fr) minmax(7.5rem, 0.9fr) minmax(9.5rem, 1.2fr) minmax(13rem, 1.6fr) minmax(9rem, 0.8fr) minmax(8rem, 0.8fr)',
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
  cell: { minWidth: 0, height: '100%', paddingBlock: tokens.spacingVerticalXXS },
  // Up to two lines, broken anywhere in an address; the cell is as tall as the row.
  text: {
    display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden',
    overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase200, fontSize: tokens.fontSizeBase300,
  },
  status: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', minWidth: 0 },
  // Why a record needs review, or when someone must sign: up to two short lines under the badge.
  detail: {
    fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground2,
    display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', maxWidth: '100%',
  },
  badge: { maxWidth: '100%', whiteSpace: 'nowrap' },
  empty: { padding: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
});

/** Colour of each status badge; the words carry the meaning, the colour only helps. */
export const STATUS_COLOUR: Readonly<Record<SignStatus, 'success' | 'danger' | 'warning' | 'informative' | 'important'>> = {
  signed: 'success',
  'needs-review': 'danger',
  'signed-earlier': 'warning',
  'never-signed': 'important',
  'joined-after': 'informative',
};

export interface ComplianceTableProps {
  readonly rows: readonly ComplianceRow[];
  readonly query: TableQuery;
  readonly onSort: (key: SortKey) => void;
}

function cellText(row: ComplianceRow, key: SortKey): string {
  if (key === 'signedAt') return row.status === 'signed' && row.signedAt ? formatUkShortDateTime(row.signedAt) : '—';
  if (key === 'lastReminded') return row.lastReminded ? formatUkShortDateTime(row.lastReminded) : '—';
  if (key === 'status') return STATUS_TEXT[row.status];
  return row[key];
}

/** An address that, if it must wrap, wraps after the @ rather than mid-word. */
function breakableEmail(email: string) {
  const at = email.indexOf('@');
  return at < 0 ? email : <>{email.slice(0, at)}<wbr />{email.slice(at)}</>;
}

function StatusCell({ row }: { readonly row: ComplianceRow }) {
  const styles = useStyles();
  const detail = statusDetail(row);
  return (
    <div className={styles.status}>
      <Badge className={styles.badge} appearance="tint" color={STATUS_COLOUR[row.status]}>{STATUS_TEXT[row.status]}</Badge>
      {detail ? <span className={styles.detail} title={detail}>{detail}</span> : null}
    </div>
  );
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
                    <TableCell key={c.key} className={styles.cell} data-column={c.key}>
                      {c.key === 'status'
                        ? <StatusCell row={row} />
                        : <span className={styles.text} data-cell-text>{c.key === 'email' ? breakableEmail(row.email) : cellText(row, c.key)}</span>}
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
