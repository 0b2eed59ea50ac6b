import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv, type CsvColumn } from '../toCsv';

interface Row { name: string; note?: string | null; count?: number }
const columns: CsvColumn<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Note', value: (r) => r.note },
  { header: 'Count', value: (r) => r.count },
];

const lines = (csv: string) => csv.split('\r\n');

describe('toCsv', () => {
  it('writes a header line and one CRLF-terminated line per row', () => {
    expect(toCsv([{ name: 'Ann', note: 'ok', count: 2 }], columns)).toBe('Name,Note,Count\r\nAnn,ok,2');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([], columns)).toBe('Name,Note,Count');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('prefixes a text cell starting with %j with a single quote', (ch) => {
    const csv = toCsv([{ name: `${ch}SUM(A1:A2)` }], columns);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed[1]?.[0]).toBe(`'${ch}SUM(A1:A2)`);
  });

  it('escapes a formula cell that also contains a line break (papaparse\'s default pattern misses it)', () => {
    const csv = toCsv([{ name: '=HYPERLINK("http://x")\nclick' }], columns);
    expect(Papa.parse<string[]>(csv).data[1]?.[0]).toBe('\'=HYPERLINK("http://x")\nclick');
  });

  it('leaves a trigger character that is not the first character alone', () => {
    expect(lines(toCsv([{ name: 'a=b', note: 'x-y' }], columns))[1]).toBe('a=b,x-y,');
  });

  it('writes a negative number as a number, not as escaped text', () => {
    expect(lines(toCsv([{ name: 'n', count: -3 }], columns))[1]).toBe('n,,-3');
  });

  it('quotes cells with commas, quotes and line breaks, doubling inner quotes (RFC 4180)', () => {
    const csv = toCsv([{ name: 'Smith, Jo', note: 'said "hi"\nthen left' }], columns);
    expect(csv).toBe('Name,Note,Count\r\n"Smith, Jo","said ""hi""\nthen left",');
    expect(Papa.parse<string[]>(csv).data[1]).toEqual(['Smith, Jo', 'said "hi"\nthen left', '']);
  });

  it('writes null and undefined as empty cells', () => {
    expect(lines(toCsv([{ name: 'x', note: null }], columns))[1]).toBe('x,,');
  });
});
