import { describe, expect, it } from 'vitest';
import { formatUkDate, formatUkDateTime } from '../format';

describe('formatUkDate', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatUkDate(new Date('2020-04-01T12:00:00Z'))).toBe('01/04/2020');
  });
  it('uses the UK date, not UTC, just after midnight in summer time', () => {
    // 23:30 UTC on 31 March is 00:30 BST on 1 April.
    expect(formatUkDate(new Date('2025-03-31T23:30:00Z'))).toBe('01/04/2025');
  });
  it('uses the UTC date in winter when UK time equals UTC', () => {
    expect(formatUkDate(new Date('2025-12-31T23:30:00Z'))).toBe('31/12/2025');
  });
});

describe('formatUkDateTime', () => {
  it('shows British Summer Time in summer', () => {
    expect(formatUkDateTime('2020-04-01T08:00:00Z')).toBe('1 April 2020 at 09:00:00 BST');
  });
  it('shows GMT in winter', () => {
    expect(formatUkDateTime('2020-01-15T08:00:00Z')).toBe('15 January 2020 at 08:00:00 GMT');
  });
  it('passes unparseable input through', () => {
    expect(formatUkDateTime('not a date')).toBe('not a date');
  });
});
