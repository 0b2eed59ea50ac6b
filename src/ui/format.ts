// Dates as the school reads them: en-GB, in UK time whatever the device's zone.
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
