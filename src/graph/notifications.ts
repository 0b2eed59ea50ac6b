// Reminders to sign: a Teams activity notification where the app can send one,
// and an email otherwise (the app not installed for that user, or the
// TeamsActivity.Send permission not granted, answer 403/404).
import type { ItemBody, KeyValuePair, Message, TeamworkActivityTopic } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';
import { GraphRequestError } from './errors';

export interface MailToSend {
  readonly to: readonly string[];
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

export class NotificationRepository {
  constructor(private readonly graph: GraphClient, private readonly mail = new MailRepository(graph)) {}

  /**
   * Tries the Teams activity feed first and falls back to mail when Teams
   * refuses (403, 404, or 412 for a token too close to expiry). Transient and
   * other failures are thrown: a fallback would only hide them.
   */
  async notify(user: { id: string; mail: string | null }, activity: ActivityNotification, fallback: Omit<MailToSend, 'to'>): Promise<NotifyOutcome> {
    const previewText: ItemBody = { content: activity.previewText };
    try {
      await this.graph.post(`/users/${encodeURIComponent(user.id)}/teamwork/sendActivityNotification`, {
        topic: activity.topic,
        activityType: activity.activityType,
        previewText,
        templateParameters: activity.templateParameters ?? [],
      });
      return 'activity';
    } catch (error) {
      const refused = error instanceof GraphRequestError && [400, 403, 404, 412].includes(error.status);
      if (!refused || !user.mail) throw error;
      await this.mail.sendMail({ ...fallback, to: [user.mail] });
      return 'mail';
    }
  }
}
