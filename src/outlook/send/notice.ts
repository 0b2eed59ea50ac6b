// The information bar for the recipients-changed event: a nudge while the
// user is still composing, before Send. One fixed key, so a new bar replaces
// the old one rather than stacking.
import type { Decision, ResolvedSettings } from '../../compose-check';
import { clip, formatLocalTime, toLocal } from '../../compose-check';

export const NOTICE_KEY = 'aupGuardContactHours';
/** notificationMessages' limit on message length. */
export const MAX_NOTICE_LENGTH = 150;
/** notificationMessages' limit on an action's text. */
export const NOTICE_ACTION_TEXT = 'Open AUP Guard';

/**
 * The bar's text when the decision says the message reaches a parent or pupil
 * outside permitted hours, else undefined (and any old bar should go).
 */
export function contactHoursNotice(decision: Decision, at: Date, settings: ResolvedSettings, scheduled: boolean): string | undefined {
  if (!decision.reasons.some((r) => r.code === 'outside-hours')) return undefined;
  const { start, end } = settings.permittedHours;
  const time = formatLocalTime(at, settings.timeZone);
  // Name the day only when the school limits days, else "It's 19:10" says it all.
  const when = settings.days.length < 7 ? `${toLocal(at, settings.timeZone).weekday} ${time}` : time;
  const days = settings.days.length < 7 ? ` on ${settings.days.join(', ')}` : '';
  const lead = scheduled ? `This is scheduled for ${when}.` : `It's ${when}.`;
  const text = `${lead} Contact with parents and pupils is limited to ${start}–${end}${days}.`;
  return clip(text, MAX_NOTICE_LENGTH);
}
