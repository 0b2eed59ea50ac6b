import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv } from '../../../csv';
import type { ComplianceRow } from '../compliance';
import { applyQuery, CSV_COLUMNS, DEFAULT_QUERY, departmentsOf, statusDetail } from '../table';

const row = (id: string, extra: Partial<ComplianceRow> = {}): ComplianceRow => ({
  id, name: id, email: `${id.toLowerCase()}@school.uk`, department: 'Teaching', jobTitle: 'Teacher', status: 'never-signed', ...extra,
});

const rows: ComplianceRow[] = [
  row('Cara', { status: 'signed', signedAt: '2024-09-03T09:00:00Z', department: 'Admin' }),
  row('alan', { status: 'signed', signedAt: '2024-09-02T09:00:00Z' }),
  row('Ben', { jobTitle: 'Site manager', department: 'Estates' }),
];
const names = (rs: ComplianceRow[]) => rs.map((r) => r.name);

describe('applyQuery', () => {
  it('sorts by name ignoring case by default', () => {
    expect(names(applyQuery(rows, DEFAULT_QUERY))).toEqual(['alan', 'Ben', 'Cara']);
  });

  it('filters by status and department together', () => {
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, status: 'signed', department: 'Teaching' }))).toEqual(['alan']);
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, status: 'outstanding' }))).toEqual(['Ben']);
  });

  it('filters by each status, and "not yet signed" takes every status but signed', () => {
    const more = [...rows, row('Dee', { status: 'needs-review', reasons: ['wrongHash'] }), row('Eve', { status: 'joined-after' })];
    expect(names(applyQuery(more, { ...DEFAULT_QUERY, status: 'needs-review' }))).toEqual(['Dee']);
    expect(names(applyQuery(more, { ...DEFAULT_QUERY, status: 'outstanding' }))).toEqual(['Ben', 'Dee', 'Eve']);
  });

  it('searches name, email, department and job title, ignoring case', () => {
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, search: 'SITE' }))).toEqual(['Ben']);
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, search: 'cara@' }))).toEqual(['Cara']);
    expect(applyQuery(rows, { ...DEFAULT_QUERY, search: 'nobody' })).toEqual([]);
  });

  it('sorts by signed time with the unsigned last ascending and first descending', () => {
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, sort: 'signedAt' }))).toEqual(['alan', 'Cara', 'Ben']);
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, sort: 'signedAt', direction: 'descending' }))).toEqual(['Ben', 'Cara', 'alan']);
  });

  it('breaks ties by name so the order is stable', () => {
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, sort: 'jobTitle' }))).toEqual(['Ben', 'alan', 'Cara']);
  });

  it('does not reorder the input', () => {
    const copy = [...rows];
    applyQuery(rows, { ...DEFAULT_QUERY, sort: 'signedAt' });
    expect(rows).toEqual(copy);
  });
});

describe('CSV columns', () => {
  it('export the filtered rows in table order with the status words, and times Excel reads as UK dates and times', () => {
    const shown = applyQuery(rows, { ...DEFAULT_QUERY, department: 'Teaching' });
    const parsed = Papa.parse<string[]>(toCsv(shown, CSV_COLUMNS)).data;
    expect(parsed[0]).toEqual(['Name', 'Email', 'Department', 'Job title', 'Status', 'Details', 'Signed (UK time)', 'Record to review made (UK time)', 'Sign by', 'Last reminded (UK time)']);
    // 09:00 UTC on 2 September is 10:00 British Summer Time.
    expect(parsed.slice(1)).toEqual([['alan', 'alan@school.uk', 'Teaching', 'Teacher', 'Signed', '', '2024-09-02 10:00:00', '', '', '']]);
  });

  it('export a record that needs review with its reasons, and the table shows the same words', () => {
    const review = row('Dee', { status: 'needs-review', reasons: ['edited', 'wrongHash'], signedAt: '2024-12-02T09:00:00Z', lastReminded: '2024-12-01T08:00:00Z', dueDate: '2024-12-20' });
    const parsed = Papa.parse<string[]>(toCsv([review], CSV_COLUMNS)).data;
    expect(parsed[1]).toEqual(['Dee', 'dee@school.uk', 'Teaching', 'Teacher', 'Needs review', 'it was changed after it was signed; it does not match the text of this version',
      '', '2024-12-02 09:00:00', '2024-12-20', '2024-12-01 08:00:00']);
    expect(statusDetail(review)).toBe(parsed[1]![5]);
  });

  it('escape a staff name that starts like a formula', () => {
    const csv = toCsv([row('=cmd|calc')], CSV_COLUMNS);
    expect(Papa.parse<string[]>(csv).data[1]?.[0]).toBe("'=cmd|calc");
  });
});

describe('departmentsOf', () => {
  it('lists each department once, sorted', () => {
    expect(departmentsOf(rows)).toEqual(['Admin', 'Estates', 'Teaching']);
  });
});
