import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatUkDate, formatUkDateTime, formatUkLongDate, formatUkShortDateTime, formatUkTime, spreadsheetDateTime } from '../format';

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

describe('spreadsheetDateTime', () => {
  it('writes UK time as "YYYY-MM-DD HH:MM:SS", which Excel reads as a date and time', () => {
    expect(spreadsheetDateTime('2026-12-04T14:03:07Z')).toBe('2026-12-04 14:03:07');
    expect(spreadsheetDateTime('2026-07-04T23:30:00Z')).toBe('2026-07-05 00:30:00');
    expect(spreadsheetDateTime('nonsense')).toBe('nonsense');
  });
});

describe('calendar dates and short times', () => {
  it('reads a date-only value as that day, whatever the time zone', () => {
    expect(formatCalendarDate('2026-12-18')).toBe('18 December 2026');
  });
  it('gives a table cell a short UK date and time', () => {
    expect(formatUkShortDateTime('2026-12-04T23:41:00Z')).toBe('4 Dec 2026, 23:41');
    expect(formatUkLongDate('2026-07-04T23:30:00Z')).toBe('5 July 2026');
    expect(formatUkTime('2026-07-04T23:30:00Z')).toBe('00:30');
  });
});
