// Telling staff to sign: reminders to the people who have not, and the notice
// that a version has been published. Which channel a reminder goes by is the
// store's decision (NotificationRepository); this module decides what to say,
// where the link goes, who is left out, and how many go out at once.
import type { ActivityNotification, MailToSend, NotifyOutcome } from '../../graph/notifications';
import { describeVersion } from '../../policy/index';
import { formatCalendarDate } from '../../ui/format';

/** Declared in the Teams manifest's `activities.activityTypes`. */
export const REMINDER_ACTIVITY_TYPE = 'signReminder';
export const PUBLISHED_ACTIVITY_TYPE = 'policyPublished';
/** The personal tab's entityId in the manifest. */
export const TAB_ENTITY_ID = 'aup';
/** Days within which someone already reminded is left out of the next reminder, unless the manager includes them. */
export const DEFAULT_QUIET_DAYS = 3;

export interface Recipient {
  readonly id: string;
  readonly name: string;
  /** Null when the directory has no mailbox: such a person can be reached in Teams only. */
  readonly mail: string | null;
  /** Their own date to sign by, when it is not the version's (a new joiner). */
  readonly dueDate?: string | null;
}

export interface Notifier {
  notify(user: { id: string; mail: string | null }, activity: ActivityNotification, fallback: Omit<MailToSend, 'to'>): Promise<NotifyOutcome>;
}

export interface ReminderContent {
  readonly version: string;
  readonly title: string;
  /** `YYYY-MM-DD` to sign by, or null when the version has none. */
  readonly dueDate: string | null;
  readonly managerName: string;
  /** Where the tab opens: a Teams deep link, or the tab's own URL outside Teams. */
  readonly tabUrl: string;
}

export interface ReminderReport {
  readonly activity: number;
  readonly mail: number;
  /** Who was reached and how, in the order they were reached. */
  readonly sent: readonly { readonly recipient: Recipient; readonly outcome: NotifyOutcome }[];
  readonly failed: readonly { readonly recipient: Recipient; readonly message: string }[];
}

/**
 * `https://teams.microsoft.com/l/entity/{appId}/{entityId}` opens the personal
 * tab wherever the app is installed (Teams deep-link docs, "Deep link to a
 * tab"). `appId` must be the app's id in the organisation's catalog, not the
 * manifest id, for an app the school uploaded (see src/graph/teams-app.ts).
 */
export function tabDeepLink(catalogAppId: string, entityId = TAB_ENTITY_ID): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(catalogAppId)}/${encodeURIComponent(entityId)}`;
}

const byWhen = (dueDate: string | null): string => (dueDate ? ` by ${formatCalendarDate(dueDate)}` : '');

/** The reminder, as the dialog shows it and as it is sent. */
export function reminderMessages(content: ReminderContent): { activity: ActivityNotification; mail: Omit<MailToSend, 'to'> } {
  const what = `the Acceptable Use Policy, version ${describeVersion(content.version)}`;
  const by = content.dueDate ? `,${byWhen(content.dueDate)}` : '';
  return {
    activity: {
      topic: { source: 'text', value: 'Acceptable Use Policy', webUrl: content.tabUrl },
      activityType: REMINDER_ACTIVITY_TYPE,
      previewText: `Please read and sign ${what}${by}.`,
      templateParameters: [{ name: 'version', value: describeVersion(content.version) }],
    },
    mail: {
      subject: `Reminder: please sign ${what}${by}`,
      text: [
        'Hello,',
        '',
        `Our records show you have not yet signed ${what} ("${content.title}").`,
        `Please read and sign it${byWhen(content.dueDate)} here: ${content.tabUrl}`,
        '',
        'Thank you,',
        content.managerName,
      ].join('\n'),
    },
  };
}

/** The notice that a version has been published, in Teams and by mail. */
export function publishedMessages(content: ReminderContent & { readonly effectiveDate: string | null }): { activity: ActivityNotification; mail: Omit<MailToSend, 'to'> } {
  const what = `version ${describeVersion(content.version)} of the Acceptable Use Policy`;
  const from = content.effectiveDate ? ` It comes into force on ${formatCalendarDate(content.effectiveDate)}.` : '';
  return {
    activity: {
      topic: { source: 'text', value: 'Acceptable Use Policy', webUrl: content.tabUrl },
      activityType: PUBLISHED_ACTIVITY_TYPE,
      previewText: `Please read and sign ${what}${byWhen(content.dueDate)}.${from}`,
      templateParameters: [{ name: 'version', value: describeVersion(content.version) }],
    },
    mail: {
      subject: `New: please sign ${what}${byWhen(content.dueDate)}`,
      text: [
        'Hello,',
        '',
        `${what[0]!.toUpperCase()}${what.slice(1)} ("${content.title}") has been published.${from}`,
        `Please read and sign it${byWhen(content.dueDate)} here: ${content.tabUrl}`,
        '',
        'Thank you,',
        content.managerName,
      ].join('\n'),
    },
  };
}

export interface ReminderChoice<R> {
  /** Who the reminder goes to. */
  readonly recipients: readonly R[];
  /** Reminded within the quiet period: left out unless included deliberately. */
  readonly recentlyReminded: readonly R[];
  /** The manager themself was among those selected and is left out. */
  readonly leftOutSelf: boolean;
}

/**
 * Who a reminder goes to: never the manager sending it, and not anyone
 * reminded in the last `quietDays` days unless `includeRecent`.
 */
export function chooseRecipients<R extends { readonly id: string; readonly lastReminded?: string }>(
  rows: readonly R[], options: { selfId: string; now: Date; quietDays: number; includeRecent: boolean },
): ReminderChoice<R> {
  const since = options.now.getTime() - options.quietDays * 86_400_000;
  const others = rows.filter((r) => r.id !== options.selfId);
  const recentlyReminded = others.filter((r) => r.lastReminded !== undefined && Date.parse(r.lastReminded) > since);
  const recipients = options.includeRecent ? others : others.filter((r) => !recentlyReminded.includes(r));
  return { recipients, recentlyReminded, leftOutSelf: others.length !== rows.length };
}

/**
 * Sends one reminder per person, a few at a time so a large school does not
 * trip Graph's throttling; one failure does not stop the rest.
 */
export async function sendReminders(
  notifier: Notifier,
  recipients: readonly Recipient[],
  content: ReminderContent,
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ReminderReport> {
  // One wording per date to sign by: a new joiner is told their own date, not the version's.
  const messages = new Map<string | null, ReturnType<typeof reminderMessages>>();
  const messageFor = (r: Recipient): ReturnType<typeof reminderMessages> => {
    const due = r.dueDate ?? content.dueDate;
    let m = messages.get(due);
    if (!m) messages.set(due, (m = reminderMessages({ ...content, dueDate: due })));
    return m;
  };
  let next = 0, done = 0;
  const sent: { recipient: Recipient; outcome: NotifyOutcome }[] = [];
  const failed: { recipient: Recipient; message: string }[] = [];
  const worker = async (): Promise<void> => {
    while (next < recipients.length) {
      const recipient = recipients[next++]!;
      try {
        const { activity, mail } = messageFor(recipient);
        sent.push({ recipient, outcome: await notifier.notify({ id: recipient.id, mail: recipient.mail }, activity, mail) });
      } catch (error) {
        failed.push({ recipient, message: error instanceof Error ? error.message : String(error) });
      }
      options.onProgress?.(++done, recipients.length);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, recipients.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    activity: sent.filter((s) => s.outcome === 'activity').length,
    mail: sent.filter((s) => s.outcome === 'mail').length,
    sent,
    failed,
  };
}
