// The manager table's search, filter, sort and CSV columns, in one place so
// the export is exactly what the table shows (issue #5).
import type { CsvColumn } from '../../csv';
import { describeVersion, REVIEW_REASON_TEXT } from '../../policy/index';
import { formatCalendarDate, spreadsheetDateTime } from '../../ui/format';
import type { ComplianceRow, SignStatus } from './compliance';

/** A status, everyone not validly signed, or everyone. */
export type StatusFilter = SignStatus | 'outstanding' | 'all';

export interface TableQuery {
  /** Matched, ignoring case, against name, email, department and job title. */
  readonly search: string;
  readonly status: StatusFilter;
  /** A department, or 'all'. */
  readonly department: string;
  readonly sort: SortKey;
  readonly direction: 'ascending' | 'descending';
}

export type SortKey = 'name' | 'email' | 'department' | 'jobTitle' | 'status' | 'signedAt' | 'lastReminded';

export const DEFAULT_QUERY: TableQuery = { search: '', status: 'all', department: 'all', sort: 'name', direction: 'ascending' };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Where each status sorts: the ones needing action first. */
const STATUS_RANK: Readonly<Record<SignStatus, number>> = { 'needs-review': 0, 'never-signed': 1, 'signed-earlier': 2, 'joined-after': 3, signed: 4 };

/** Absent times sort after every time when ascending. */
function compareTimes(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return Date.parse(a) - Date.parse(b);
}

function compare(a: ComplianceRow, b: ComplianceRow, key: SortKey): number {
  switch (key) {
    case 'signedAt':
      return compareTimes(a.status === 'signed' ? a.signedAt : undefined, b.status === 'signed' ? b.signedAt : undefined);
    case 'lastReminded':
      return compareTimes(a.lastReminded, b.lastReminded);
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    default:
      return collator.compare(a[key], b[key]);
  }
}

export function matchesStatus(row: ComplianceRow, status: StatusFilter): boolean {
  return status === 'all' || row.status === status || (status === 'outstanding' && row.status !== 'signed');
}

export function applyQuery(rows: readonly ComplianceRow[], query: TableQuery): ComplianceRow[] {
  const needle = query.search.trim().toLowerCase();
  const filtered = rows.filter((r) =>
    matchesStatus(r, query.status)
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

/** The visible columns, in order. */
export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'name', header: 'Name' },
  { key: 'email', header: 'Email' },
  { key: 'department', header: 'Department' },
  { key: 'jobTitle', header: 'Job title' },
  { key: 'status', header: 'Status' },
  { key: 'signedAt', header: 'Signed' },
  { key: 'lastReminded', header: 'Last reminded' },
];

export const STATUS_TEXT: Readonly<Record<SignStatus, string>> = {
  signed: 'Signed',
  'needs-review': 'Needs review',
  'signed-earlier': 'Signed an earlier version',
  'never-signed': 'Never signed',
  'joined-after': 'Joined after publication',
};

/** What a filter option says. */
export const FILTER_TEXT: Readonly<Record<StatusFilter, string>> = {
  all: 'Everyone',
  outstanding: 'Not yet signed (all)',
  ...STATUS_TEXT,
};

/** The line under a status: why a record needs review, which version they signed, when they must sign. */
export function statusDetail(row: ComplianceRow, describeDate: (isoDate: string) => string = formatCalendarDate): string {
  const due = row.dueDate ? `due ${describeDate(row.dueDate)}` : '';
  switch (row.status) {
    case 'signed':
      return '';
    case 'needs-review':
      return (row.reasons ?? []).map((r) => REVIEW_REASON_TEXT[r]).join('; ');
    case 'signed-earlier':
      return [row.earlierVersion ? `signed ${describeVersion(row.earlierVersion)}` : '', due].filter(Boolean).join('; ');
    case 'joined-after':
      return [row.hireDate ? `joined ${describeDate(row.hireDate)}` : '', due].filter(Boolean).join('; ');
    case 'never-signed':
      return due;
  }
}

/**
 * The table's columns plus the details a cell shows under its status, for
 * spreadsheets: times in UK time as "YYYY-MM-DD HH:MM:SS" and dates as
 * "YYYY-MM-DD", which Excel reads as dates (issue 14).
 */
export const CSV_COLUMNS: readonly CsvColumn<ComplianceRow>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Email', value: (r) => r.email },
  { header: 'Department', value: (r) => r.department },
  { header: 'Job title', value: (r) => r.jobTitle },
  { header: 'Status', value: (r) => STATUS_TEXT[r.status] },
  { header: 'Details', value: (r) => statusDetail(r, (d) => d) },
  { header: 'Signed (UK time)', value: (r) => (r.status === 'signed' && r.signedAt ? spreadsheetDateTime(r.signedAt) : '') },
  { header: 'Record to review made (UK time)', value: (r) => (r.status === 'needs-review' && r.signedAt ? spreadsheetDateTime(r.signedAt) : '') },
  { header: 'Sign by', value: (r) => r.dueDate ?? '' },
  { header: 'Last reminded (UK time)', value: (r) => (r.lastReminded ? spreadsheetDateTime(r.lastReminded) : '') },
];
