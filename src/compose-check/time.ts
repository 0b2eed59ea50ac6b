// School-local time without Intl: classic Outlook's send-time runtime has no
// time-zone database (office-js #4631), so the UK rule is computed directly.
import type { DayName, ResolvedSettings, SupportedTimeZone } from './settings';
import { DAY_NAMES } from './settings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type HoursSettings = Pick<ResolvedSettings, 'timeZone' | 'permittedHours' | 'days'>;

export interface LocalDateTime {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
  readonly weekday: DayName;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Milliseconds since local midnight. */
  readonly msOfDay: number;
  /** Minutes east of UTC in force at this instant. */
  readonly offsetMinutes: number;
}

/** Day of month of the last Sunday of `month` (0-based, as Date.UTC takes it). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** BST runs from 01:00 UTC on the last Sunday in March to 01:00 UTC on the last Sunday in October. */
export function isBritishSummerTime(instant: Date): boolean {
  const t = instant.getTime();
  const year = instant.getUTCFullYear();
  const start = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 9), 1);
  return t >= start && t < end;
}

export function utcOffsetMinutes(instant: Date, timeZone: SupportedTimeZone): number {
  return timeZone === 'Europe/London' && isBritishSummerTime(instant) ? 60 : 0;
}

export function toLocal(instant: Date, timeZone: SupportedTimeZone): LocalDateTime {
  const offsetMinutes = utcOffsetMinutes(instant, timeZone);
  const shifted = new Date(instant.getTime() + offsetMinutes * MINUTE);
  const msOfDay = ((shifted.getTime() % DAY) + DAY) % DAY;
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: DAY_NAMES[shifted.getUTCDay()] ?? 'Sun',
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    msOfDay,
    offsetMinutes,
  };
}

/**
 * The instant at which the school's clock shows the given local time. In the
 * spring-forward gap (01:00 to 02:00 local) the GMT reading is used; in the
 * autumn overlap the earlier (BST) instant is returned.
 */
export function fromLocal(
  year: number, month: number, day: number, hour: number, minute: number, timeZone: SupportedTimeZone,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  for (const offset of [60, 0]) {
    const candidate = new Date(asUtc - offset * MINUTE);
    if (utcOffsetMinutes(candidate, timeZone) === offset) return candidate;
  }
  return new Date(asUtc);
}

/** Minutes after midnight of an "HH:MM" string; the settings schema has already checked its shape. */
export function parseTimeOfDay(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Start inclusive, end exclusive: 08:00:00 is in, 18:00:00 is out. */
export function isWithinPermittedHours(instant: Date, settings: HoursSettings): boolean {
  const local = toLocal(instant, settings.timeZone);
  if (!settings.days.includes(local.weekday)) return false;
  const start = parseTimeOfDay(settings.permittedHours.start) * MINUTE;
  const end = parseTimeOfDay(settings.permittedHours.end) * MINUTE;
  return local.msOfDay >= start && local.msOfDay < end;
}

/**
 * The first permitted instant at or after `instant`: `instant` itself when it
 * is already permitted, else the start of the next permitted day's hours.
 */
export function nextPermittedTime(instant: Date, settings: HoursSettings): Date {
  if (isWithinPermittedHours(instant, settings)) return instant;
  const local = toLocal(instant, settings.timeZone);
  const start = parseTimeOfDay(settings.permittedHours.start);
  // Walk calendar days in local time; eight covers a full week plus today.
  for (let i = 0; i <= 7; i++) {
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day + i));
    const weekday = DAY_NAMES[date.getUTCDay()] ?? 'Sun';
    if (!settings.days.includes(weekday)) continue;
    const candidate = fromLocal(
      date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), Math.floor(start / 60), start % 60, settings.timeZone,
    );
    if (candidate.getTime() > instant.getTime()) return candidate;
  }
  // Unreachable with at least one permitted day, which the schema requires.
  return instant;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "19:10" in the school's time zone (24-hour, as en-GB writes it). */
export function formatLocalTime(instant: Date, timeZone: SupportedTimeZone): string {
  const local = toLocal(instant, timeZone);
  return `${pad2(local.hour)}:${pad2(local.minute)}`;
}

/** "Thu 26/11/2026 08:00" in the school's time zone (en-GB day/month order). */
export function formatLocalDateTime(instant: Date, timeZone: SupportedTimeZone): string {
  const local = toLocal(instant, timeZone);
  return `${local.weekday} ${pad2(local.day)}/${pad2(local.month)}/${local.year} ${pad2(local.hour)}:${pad2(local.minute)}`;
}
