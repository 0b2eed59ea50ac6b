import { describe, expect, it } from 'vitest';
import {
  formatLocalDateTime, formatLocalTime, fromLocal, isBritishSummerTime, isWithinPermittedHours, nextPermittedTime, toLocal,
} from '../time';
import type { HoursSettings } from '../time';
import { DEFAULT_SETTINGS } from '../settings';

const utc = (iso: string): Date => new Date(iso);
const london: HoursSettings = DEFAULT_SETTINGS;
const weekdays: HoursSettings = { ...DEFAULT_SETTINGS, days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] };

describe('isBritishSummerTime', () => {
  // 2026: BST starts Sun 29 March 01:00 UTC, ends Sun 25 October 01:00 UTC.
  it('returns false one millisecond before 01:00 UTC on the last Sunday in March', () =>
    expect(isBritishSummerTime(utc('2026-03-29T00:59:59.999Z'))).toBe(false));
  it('returns true at 01:00 UTC on the last Sunday in March', () =>
    expect(isBritishSummerTime(utc('2026-03-29T01:00:00Z'))).toBe(true));
  it('returns true one millisecond before 01:00 UTC on the last Sunday in October', () =>
    expect(isBritishSummerTime(utc('2026-10-25T00:59:59.999Z'))).toBe(true));
  it('returns false at 01:00 UTC on the last Sunday in October', () =>
    expect(isBritishSummerTime(utc('2026-10-25T01:00:00Z'))).toBe(false));
  it('finds the last Sunday when the month ends on a Sunday (March 2024 ends Sun 31st)', () => {
    expect(isBritishSummerTime(utc('2024-03-31T00:59:00Z'))).toBe(false);
    expect(isBritishSummerTime(utc('2024-03-31T01:00:00Z'))).toBe(true);
  });
});

describe('toLocal', () => {
  it('reads 01:00 UTC on spring-forward day as 02:00 BST', () => {
    const l = toLocal(utc('2026-03-29T01:00:00Z'), 'Europe/London');
    expect([l.hour, l.minute, l.offsetMinutes]).toEqual([2, 0, 60]);
  });
  it('reads 00:59 UTC on fall-back day as 01:59 BST and 01:00 UTC as 01:00 GMT', () => {
    expect(toLocal(utc('2026-10-25T00:59:00Z'), 'Europe/London').hour).toBe(1);
    expect(toLocal(utc('2026-10-25T01:00:00Z'), 'Europe/London').hour).toBe(1);
  });
  it('crosses midnight into the next local day in summer', () => {
    const l = toLocal(utc('2026-06-30T23:30:00Z'), 'Europe/London');
    expect([l.month, l.day, l.weekday, l.hour]).toEqual([7, 1, 'Wed', 0]);
  });
  it('ignores BST for UTC', () => expect(toLocal(utc('2026-06-30T23:30:00Z'), 'UTC').hour).toBe(23));
});

describe('fromLocal', () => {
  it('maps 08:00 local in summer to 07:00 UTC', () =>
    expect(fromLocal(2026, 7, 1, 8, 0, 'Europe/London').toISOString()).toBe('2026-07-01T07:00:00.000Z'));
  it('maps 08:00 local in winter to 08:00 UTC', () =>
    expect(fromLocal(2026, 12, 1, 8, 0, 'Europe/London').toISOString()).toBe('2026-12-01T08:00:00.000Z'));
});

describe('isWithinPermittedHours (08:00 to 18:00, Europe/London)', () => {
  it('returns false at 07:59:59 local in winter', () => expect(isWithinPermittedHours(utc('2026-01-15T07:59:59Z'), london)).toBe(false));
  it('returns true at 08:00:00 local in winter', () => expect(isWithinPermittedHours(utc('2026-01-15T08:00:00Z'), london)).toBe(true));
  it('returns true at 17:59:59 local in winter', () => expect(isWithinPermittedHours(utc('2026-01-15T17:59:59Z'), london)).toBe(true));
  it('returns false at 18:00:00 local in winter', () => expect(isWithinPermittedHours(utc('2026-01-15T18:00:00Z'), london)).toBe(false));
  it('returns false at 07:59:59 BST (06:59:59 UTC)', () => expect(isWithinPermittedHours(utc('2026-07-15T06:59:59Z'), london)).toBe(false));
  it('returns true at 08:00:00 BST (07:00:00 UTC)', () => expect(isWithinPermittedHours(utc('2026-07-15T07:00:00Z'), london)).toBe(true));
  it('returns true at 17:59:59 BST (16:59:59 UTC)', () => expect(isWithinPermittedHours(utc('2026-07-15T16:59:59Z'), london)).toBe(true));
  it('returns false at 18:00:00 BST (17:00:00 UTC)', () => expect(isWithinPermittedHours(utc('2026-07-15T17:00:00Z'), london)).toBe(false));
  it('uses BST on spring-forward day: 07:30 UTC is 08:30 local', () =>
    expect(isWithinPermittedHours(utc('2026-03-29T07:30:00Z'), london)).toBe(true));
  it('uses BST from the start of spring-forward day: 17:30 UTC is 18:30 local', () =>
    expect(isWithinPermittedHours(utc('2026-03-29T17:30:00Z'), london)).toBe(false));
  it('uses GMT on fall-back day: 07:30 UTC is 07:30 local', () =>
    expect(isWithinPermittedHours(utc('2026-10-25T07:30:00Z'), london)).toBe(false));
  it('uses GMT on fall-back day: 17:30 UTC is 17:30 local', () =>
    expect(isWithinPermittedHours(utc('2026-10-25T17:30:00Z'), london)).toBe(true));
  it('returns false on a day not configured (Saturday with weekdays only)', () =>
    expect(isWithinPermittedHours(utc('2026-11-28T10:00:00Z'), weekdays)).toBe(false));
  it('honours custom hours', () => {
    const custom = { ...london, permittedHours: { start: '07:30', end: '16:00' } };
    expect(isWithinPermittedHours(utc('2026-01-15T07:30:00Z'), custom)).toBe(true);
    expect(isWithinPermittedHours(utc('2026-01-15T16:00:00Z'), custom)).toBe(false);
  });
});

describe('nextPermittedTime', () => {
  it('moves 19:10 on Thursday 26 November 2026 to 08:00 on Friday', () =>
    expect(nextPermittedTime(utc('2026-11-26T19:10:00Z'), london).toISOString()).toBe('2026-11-27T08:00:00.000Z'));
  it('moves 06:00 to 08:00 the same day', () =>
    expect(nextPermittedTime(utc('2026-11-26T06:00:00Z'), london).toISOString()).toBe('2026-11-26T08:00:00.000Z'));
  it('returns the instant itself when it is already permitted', () =>
    expect(nextPermittedTime(utc('2026-11-26T12:00:00Z'), london).toISOString()).toBe('2026-11-26T12:00:00.000Z'));
  it('skips the weekend when only weekdays are permitted (Friday 19:00 to Monday 08:00)', () =>
    expect(nextPermittedTime(utc('2026-11-27T19:00:00Z'), weekdays).toISOString()).toBe('2026-11-30T08:00:00.000Z'));
  it('crosses the spring change: Saturday 28 March 19:00 GMT to Sunday 08:00 BST (07:00 UTC)', () =>
    expect(nextPermittedTime(utc('2026-03-28T19:00:00Z'), london).toISOString()).toBe('2026-03-29T07:00:00.000Z'));
  it('crosses the autumn change: Saturday 24 October 19:00 BST to Sunday 08:00 GMT', () =>
    expect(nextPermittedTime(utc('2026-10-24T18:00:00Z'), london).toISOString()).toBe('2026-10-25T08:00:00.000Z'));
  it('treats 23:30 UTC in summer as 00:30 local the next day, so 08:00 that day', () =>
    expect(nextPermittedTime(utc('2026-07-01T23:30:00Z'), london).toISOString()).toBe('2026-07-02T07:00:00.000Z'));
  it('crosses a year end', () =>
    expect(nextPermittedTime(utc('2026-12-31T20:00:00Z'), london).toISOString()).toBe('2027-01-01T08:00:00.000Z'));
});

describe('formatting without Intl', () => {
  it('formats local time as HH:MM', () => {
    expect(formatLocalTime(utc('2026-11-26T19:10:00Z'), 'Europe/London')).toBe('19:10');
    expect(formatLocalTime(utc('2026-07-01T06:05:00Z'), 'Europe/London')).toBe('07:05');
  });
  it('formats date and time the en-GB way', () =>
    expect(formatLocalDateTime(utc('2026-11-26T08:00:00Z'), 'Europe/London')).toBe('Thu 26/11/2026 08:00'));
});
