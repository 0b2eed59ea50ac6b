// Dates as the school reads them: en-GB, in UK time whatever the device's zone.
import { toLocal } from '../compose-check/time';

const UK = 'Europe/London';

const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: UK, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
});

/** dd/mm/yyyy in UK time: the paper form's "Date". */
export function formatUkDate(date: Date): string {
  return dateOnly.format(date);
}

/** "1 April 2020 at 09:00:00 BST": a server timestamp as UK staff read it. Unparseable input is shown as given. */
export function formatUkDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: UK, day: 'numeric', month: 'long', year: 'numeric' });
const shortDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: UK, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { timeZone: UK, hour: '2-digit', minute: '2-digit' });
const calendarDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "4 December 2026": the UK date of an instant. */
export function formatUkLongDate(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? String(iso) : longDate.format(d);
}

/** "14:03": the UK time of day of an instant. */
export function formatUkTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeOnly.format(d);
}

/** "4 Dec 2026, 23:41": a server timestamp short enough for a table cell. */
export function formatUkShortDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : shortDateTime.format(d);
}

/** A calendar date (`YYYY-MM-DD`, no time zone: a due or effective date) as "18 December 2026". */
export function formatCalendarDate(isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : calendarDate.format(d);
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * "2026-12-04 14:03:07" in UK time: the form Excel reads as a date and time
 * when it opens a CSV (an ISO string with T and Z stays text there). The
 * engine's UK clock, not Intl: an export of 10,000 rows calls this 20,000
 * times, and formatToParts made it five times slower.
 */
export function spreadsheetDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const t = toLocal(d, UK);
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}
