// Telling staff: a Teams activity notification where the app can send one, and
// an email where Teams says the person does not have the app. Any other
// failure (a permission not granted, a bad request, a token about to expire)
// is the manager's to see, never quietly turned into mail (issue 14).
import type { ItemBody, KeyValuePair, Message, TeamworkActivityTopic } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';
import { GraphRequestError } from './errors';

export interface MailToSend {
  readonly to: readonly string[];
  /** Blind copies: one message to many staff without showing them each other's addresses. */
  readonly bcc?: readonly string[];
  readonly subject: string;
  /** Plain text; Graph sends it as the message body. */
  readonly text: string;
}

export class MailRepository {
  constructor(private readonly graph: GraphClient) {}

  /** Sends as the signed-in user (delegated Mail.Send). */
  async sendMail(mail: MailToSend, saveToSentItems = true): Promise<void> {
    const message: Message = {
      subject: mail.subject,
      body: { contentType: 'text', content: mail.text },
      toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
      ...(mail.bcc && mail.bcc.length > 0 ? { bccRecipients: mail.bcc.map((address) => ({ emailAddress: { address } })) } : {}),
    };
    await this.graph.post('/me/sendMail', { message, saveToSentItems });
  }
}

export interface ActivityNotification {
  readonly topic: TeamworkActivityTopic;
  /** Declared in the Teams app manifest's activities.activityTypes. */
  readonly activityType: string;
  readonly previewText: string;
  readonly templateParameters?: readonly KeyValuePair[];
}

export type NotifyOutcome = 'activity' | 'mail';

/**
 * Graph's answer when the recipient does not have the Teams app: 403 with
 * "…not authorized to generate custom text notifications… Ensure that the
 * expected Teams app is installed in the target scope" (Teams docs: the app
 * must be installed for the recipient). Only this one becomes an email.
 */
export function isAppNotInstalled(error: unknown): boolean {
  return error instanceof GraphRequestError && (error.status === 403 || error.status === 404)
    && /not installed|app is installed in the target scope/i.test(error.detail);
}

/** Graph's limit on recipients in one sendActivityNotificationToRecipients request. */
export const BULK_NOTIFICATION_LIMIT = 100;

export interface BulkReport {
  /** Recipients in batches Graph accepted (202). Graph does not say which of them lack the app. */
  readonly accepted: number;
  readonly requests: number;
  /** Batches Graph refused, with why: shown to the manager. */
  readonly failed: readonly { readonly userIds: readonly string[]; readonly message: string }[];
}

export class NotificationRepository {
  constructor(private readonly graph: GraphClient, private readonly mail = new MailRepository(graph)) {}

  /**
   * Tries the Teams activity feed first and sends the mail instead only when
   * Graph says the person does not have the app (and they have a mailbox).
   * Every other failure is thrown: a fallback would hide it.
   */
  async notify(user: { id: string; mail: string | null }, activity: ActivityNotification, fallback: Omit<MailToSend, 'to'>): Promise<NotifyOutcome> {
    try {
      await this.graph.post(`/users/${encodeURIComponent(user.id)}/teamwork/sendActivityNotification`, activityBody(activity));
      return 'activity';
    } catch (error) {
      if (!isAppNotInstalled(error) || !user.mail) throw error;
      await this.mail.sendMail({ ...fallback, to: [user.mail] });
      return 'mail';
    }
  }

  /**
   * One activity to many people: sendActivityNotificationToRecipients, at most
   * 100 recipients a request (Graph's limit), one request at a time; a 429 is
   * retried after its Retry-After by the client. Graph answers 202 for a batch
   * and delivers it later, so who lacked the app is not known here.
   */
  async notifyMany(userIds: readonly string[], activity: ActivityNotification, onProgress?: (done: number, total: number) => void): Promise<BulkReport> {
    let accepted = 0, requests = 0;
    const failed: { userIds: string[]; message: string }[] = [];
    for (let start = 0; start < userIds.length; start += BULK_NOTIFICATION_LIMIT) {
      const batch = userIds.slice(start, start + BULK_NOTIFICATION_LIMIT);
      requests++;
      try {
        await this.graph.post('/teamwork/sendActivityNotificationToRecipients', {
          ...activityBody(activity),
          recipients: batch.map((userId) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId })),
        });
        accepted += batch.length;
      } catch (error) {
        failed.push({ userIds: batch, message: error instanceof GraphRequestError ? error.detail : error instanceof Error ? error.message : String(error) });
      }
      onProgress?.(Math.min(start + batch.length, userIds.length), userIds.length);
    }
    return { accepted, requests, failed };
  }
}

function activityBody(activity: ActivityNotification): Record<string, unknown> {
  const previewText: ItemBody = { content: activity.previewText };
  return {
    topic: activity.topic,
    activityType: activity.activityType,
    previewText,
    templateParameters: activity.templateParameters ?? [],
  };
}
