// The information bar for the recipients-changed event: a nudge while the
// user is still composing, before Send. One fixed key, so a new bar replaces
// the old one rather than stacking.
import type { Decision, ResolvedSettings } from '../../compose-check';
import { clip, formatLocalTime, toLocal } from '../../compose-check';
import { officeCall } from '../office/async';
import type { ComposeItem } from '../office/draft';
import type { SupportsMailbox } from '../office/requirements';
import { TASK_PANE_COMMAND_ID } from './alert';

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


/**
 * Puts up, updates or takes down the bar to match the decision. The handler
 * calls it when recipients change; the pane calls it after every check, so a
 * bar whose reason is gone (say, after "Schedule for 08:00") goes too.
 */
export async function syncNotice(item: ComposeItem, decision: Decision, at: Date, settings: ResolvedSettings, scheduled: boolean, supports: SupportsMailbox): Promise<'shown' | 'removed'> {
  const text = contactHoursNotice(decision, at, settings, scheduled);
  if (!text) {
    await officeCall<void>('notificationMessages.removeAsync', (cb) => item.notificationMessages.removeAsync(NOTICE_KEY, cb))
      .catch(() => undefined); // removing a bar that is not there is not an error worth reporting
    return 'removed';
  }
  // InsightMessage (1.10) can carry the "open the pane" action; older hosts get a plain bar.
  const details: Office.NotificationMessageDetails = supports('1.10')
    ? {
        type: 'insightMessage', message: text, icon: 'Icon.16x16',
        actions: [{ actionType: 'showTaskPane', actionText: NOTICE_ACTION_TEXT, commandId: TASK_PANE_COMMAND_ID, contextData: '' }],
      }
    : { type: 'informationalMessage', message: text, icon: 'Icon.16x16', persistent: false };
  await officeCall<void>('notificationMessages.replaceAsync', (cb) => item.notificationMessages.replaceAsync(NOTICE_KEY, details, cb));
  return 'shown';
}
