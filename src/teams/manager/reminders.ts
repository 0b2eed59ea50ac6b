// Reminders to the staff who have not signed: Teams activity feed where the
// app can reach them, mail from the manager otherwise. Which channel is the
// store's decision (NotificationRepository.notify); this module decides what
// to say, where the link goes, and how many go out at once.
import type { ActivityNotification, MailToSend, NotifyOutcome } from '../../graph/notifications';

/** Declared in the Teams manifest's `activities.activityTypes` (issue #7 packages it). */
export const REMINDER_ACTIVITY_TYPE = 'signReminder';
/** The personal tab's entityId in the manifest. */
export const TAB_ENTITY_ID = 'aup';

export interface Recipient {
  readonly id: string;
  readonly name: string;
  /** Null when the directory has no mailbox: such a person can be reached in Teams only. */
  readonly mail: string | null;
}

export interface Notifier {
  notify(user: { id: string; mail: string | null }, activity: ActivityNotification, fallback: Omit<MailToSend, 'to'>): Promise<NotifyOutcome>;
}

export interface ReminderContent {
  readonly version: string;
  readonly managerName: string;
  /** Where the tab opens: a Teams deep link, or the tab's own URL outside Teams. */
  readonly tabUrl: string;
}

export interface ReminderReport {
  readonly activity: number;
  readonly mail: number;
  readonly failed: readonly { readonly recipient: Recipient; readonly message: string }[];
}

/**
 * `https://teams.microsoft.com/l/entity/{appId}/{entityId}` opens the personal
 * tab wherever the app is installed (Teams deep-link docs, "Deep link to a tab").
 */
export function tabDeepLink(teamsAppId: string, entityId = TAB_ENTITY_ID): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(entityId)}`;
}

export function reminderMessages(content: ReminderContent): { activity: ActivityNotification; mail: Omit<MailToSend, 'to'> } {
  const what = `the Acceptable Use Policy (version ${content.version})`;
  return {
    activity: {
      topic: { source: 'text', value: 'Acceptable Use Policy', webUrl: content.tabUrl },
      activityType: REMINDER_ACTIVITY_TYPE,
      previewText: `Please read and sign ${what}.`,
      templateParameters: [{ name: 'version', value: content.version }],
    },
    mail: {
      subject: `Reminder: please sign ${what}`,
      text: [
        'Hello,',
        '',
        `Our records show you have not yet signed ${what}.`,
        `Please read and sign it here: ${content.tabUrl}`,
        '',
        'Thank you,',
        content.managerName,
      ].join('\n'),
    },
  };
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
  const { activity, mail } = reminderMessages(content);
  let next = 0, done = 0, activityCount = 0, mailCount = 0;
  const failed: { recipient: Recipient; message: string }[] = [];
  const worker = async (): Promise<void> => {
    while (next < recipients.length) {
      const recipient = recipients[next++]!;
      try {
        const outcome = await notifier.notify({ id: recipient.id, mail: recipient.mail }, activity, mail);
        if (outcome === 'activity') activityCount++;
        else mailCount++;
      } catch (error) {
        failed.push({ recipient, message: error instanceof Error ? error.message : String(error) });
      }
      options.onProgress?.(++done, recipients.length);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, recipients.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return { activity: activityCount, mail: mailCount, failed };
}
