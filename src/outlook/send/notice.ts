// The information bars: nudges while the user is still composing, before
// Send. Contact hours (the recipients-changed event) and attachments that are
// protected or could not be checked (the attachments-changed event), each
// under its own fixed key, so a new bar replaces the old one rather than stacking.
import type { AttachmentNote, Decision, ResolvedSettings } from '../../compose-check';
import { clip, formatLocalTime, toLocal } from '../../compose-check';
import { officeCall } from '../office/async';
import type { ComposeItem } from '../office/draft';
import type { SupportsMailbox } from '../office/requirements';
import { TASK_PANE_COMMAND_ID } from './alert';

export const NOTICE_KEY = 'aupGuardContactHours';
export const ATTACHMENTS_NOTICE_KEY = 'aupGuardAttachments';
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
 * The attachments bar: the ones that are protected and the ones that could not
 * be checked, by name where that fits in 150 characters, else counted. Files
 * with no text to read (images, cloud links) are left to the pane.
 */
export function attachmentsNotice(decision: Decision): string | undefined {
  const protectedFiles = decision.attachments.filter((n) => n.kind === 'protected');
  const unreadable = decision.attachments.filter((n) => n.kind === 'unreadable');
  if (protectedFiles.length === 0 && unreadable.length === 0) return undefined;
  const names = (notes: readonly AttachmentNote[]): string => notes.map((n) => n.name).join(', ');
  const count = (n: number): string => (n === 1 ? 'one attachment' : `${n} attachments`);
  const candidates = [
    [...protectedFiles.map((n) => `Protected attachment: ${n.name}.`), ...unreadable.map((n) => `Couldn't check ${n.name}: ${n.why}.`)].join(' '),
    [protectedFiles.length > 0 ? `Protected: ${names(protectedFiles)}.` : '', unreadable.length > 0 ? `Couldn't check ${names(unreadable)}.` : ''].filter(Boolean).join(' '),
    [protectedFiles.length > 0 ? `Protected: ${count(protectedFiles.length)}.` : '', unreadable.length > 0 ? `Couldn't check ${count(unreadable.length)}.` : '', 'AUP Guard lists them.'].filter(Boolean).join(' '),
  ];
  return clip(candidates.find((c) => c.length <= MAX_NOTICE_LENGTH) ?? candidates[candidates.length - 1] ?? '', MAX_NOTICE_LENGTH);
}

/** Puts up or replaces the bar under `key` with `text`, or takes it down when there is none. */
async function syncBar(item: ComposeItem, key: string, text: string | undefined, supports: SupportsMailbox): Promise<'shown' | 'removed'> {
  if (!text) {
    await officeCall<void>('notificationMessages.removeAsync', (cb) => item.notificationMessages.removeAsync(key, cb))
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
  await officeCall<void>('notificationMessages.replaceAsync', (cb) => item.notificationMessages.replaceAsync(key, details, cb));
  return 'shown';
}

/**
 * Puts up, updates or takes down the contact-hours bar to match the decision.
 * The handler calls it when recipients change; the pane calls it after every
 * check, so a bar whose reason is gone (say, after "Schedule for 08:00") goes too.
 */
export function syncNotice(item: ComposeItem, decision: Decision, at: Date, settings: ResolvedSettings, scheduled: boolean, supports: SupportsMailbox): Promise<'shown' | 'removed'> {
  return syncBar(item, NOTICE_KEY, contactHoursNotice(decision, at, settings, scheduled), supports);
}

/** The same for the attachments bar: the handler calls it when attachments change, the pane after a check that read them. */
export function syncAttachmentsNotice(item: ComposeItem, decision: Decision, supports: SupportsMailbox): Promise<'shown' | 'removed'> {
  return syncBar(item, ATTACHMENTS_NOTICE_KEY, attachmentsNotice(decision), supports);
}
