import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv } from '../../../csv';
import type { ComplianceRow } from '../compliance';
import { applyQuery, CSV_COLUMNS, DEFAULT_QUERY, departmentsOf, TABLE_COLUMNS } from '../table';

const row = (id: string, extra: Partial<ComplianceRow> = {}): ComplianceRow => ({
  id, name: id, email: `${id.toLowerCase()}@school.uk`, department: 'Teaching', jobTitle: 'Teacher', status: 'outstanding', ...extra,
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

  it('searches name, email, department and job title, ignoring case', () => {
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, search: 'SITE' }))).toEqual(['Ben']);
    expect(names(applyQuery(rows, { ...DEFAULT_QUERY, search: 'cara@' }))).toEqual(['Cara']);
    expect(applyQuery(rows, { ...DEFAULT_QUERY, search: 'nobody' })).toEqual([]);
  });

  it('sorts by signed time with outstanding last ascending and first descending', () => {
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
  it('export the filtered rows in table order with the table\'s headers and status words', () => {
    const shown = applyQuery(rows, { ...DEFAULT_QUERY, department: 'Teaching' });
    const parsed = Papa.parse<string[]>(toCsv(shown, CSV_COLUMNS)).data;
    expect(parsed[0]).toEqual(TABLE_COLUMNS.map((c) => c.header));
    expect(parsed.slice(1)).toEqual([['alan', 'alan@school.uk', 'Teaching', 'Teacher', 'Signed', '2024-09-02T09:00:00Z']]);
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
