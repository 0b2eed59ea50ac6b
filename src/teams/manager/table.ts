// The manager table's search, filter, sort and CSV columns, in one place so
// the export is exactly what the table shows (issue #5).
import type { CsvColumn } from '../../csv';
import type { ComplianceRow, SignStatus } from './compliance';

export interface TableQuery {
  /** Matched, ignoring case, against name, email, department and job title. */
  readonly search: string;
  readonly status: SignStatus | 'all';
  /** A department, or 'all'. */
  readonly department: string;
  readonly sort: SortKey;
  readonly direction: 'ascending' | 'descending';
}

export type SortKey = 'name' | 'email' | 'department' | 'jobTitle' | 'status' | 'signedAt';

export const DEFAULT_QUERY: TableQuery = { search: '', status: 'all', department: 'all', sort: 'name', direction: 'ascending' };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

function compare(a: ComplianceRow, b: ComplianceRow, key: SortKey): number {
  switch (key) {
    case 'signedAt':
      // Outstanding (no time) sorts after every signed time when ascending.
      if (a.signedAt === b.signedAt) return 0;
      if (a.signedAt === undefined) return 1;
      if (b.signedAt === undefined) return -1;
      return Date.parse(a.signedAt) - Date.parse(b.signedAt);
    case 'status':
      return a.status === b.status ? 0 : a.status === 'outstanding' ? -1 : 1;
    default:
      return collator.compare(a[key], b[key]);
  }
}

export function applyQuery(rows: readonly ComplianceRow[], query: TableQuery): ComplianceRow[] {
  const needle = query.search.trim().toLowerCase();
  const filtered = rows.filter((r) =>
    (query.status === 'all' || r.status === query.status)
    && (query.department === 'all' || r.department === query.department)
    && (needle === '' || `${r.name}\n${r.email}\n${r.department}\n${r.jobTitle}`.toLowerCase().includes(needle)));
  const sign = query.direction === 'ascending' ? 1 : -1;
  // Ties fall back to the name, then the id, so the order is stable between renders and in the export.
  return filtered.sort((a, b) => sign * compare(a, b, query.sort) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function departmentsOf(rows: readonly ComplianceRow[]): string[] {
  return [...new Set(rows.map((r) => r.department))].sort((a, b) => collator.compare(a, b));
}

export interface TableColumn {
  readonly key: SortKey;
  readonly header: string;
}

/** The visible columns, in order; the CSV uses the same headers. */
export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'name', header: 'Name' },
  { key: 'email', header: 'Email' },
  { key: 'department', header: 'Department' },
  { key: 'jobTitle', header: 'Job title' },
  { key: 'status', header: 'Status' },
  { key: 'signedAt', header: 'Signed (server time)' },
];

export const STATUS_TEXT: Readonly<Record<SignStatus, string>> = { signed: 'Signed', outstanding: 'Outstanding' };

/** The same words a cell shows, so the CSV matches the table; times stay ISO 8601 UTC for spreadsheets. */
export const CSV_COLUMNS: readonly CsvColumn<ComplianceRow>[] = TABLE_COLUMNS.map((c) => ({
  header: c.header,
  value: (row: ComplianceRow) => (c.key === 'status' ? STATUS_TEXT[row.status] : c.key === 'signedAt' ? row.signedAt ?? '' : row[c.key]),
}));
