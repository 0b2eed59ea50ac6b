// AUP Reminders: one item per person reminded, written after the reminder went
// out, so the manager view can show "last reminded" and leave out anyone
// reminded in the last few days (issue 14). Who sent it and when are the
// item's server-set createdBy and createdDateTime, as for signatures.
import type { GraphClient } from './client';
import { batchPartError, odataString } from './client';
import { GraphRequestError } from './errors';
import { REMINDERS_LIST } from './schema';
import type { Item, SiteLists } from './lists';
import { ITEM_SELECT, expandFields } from './lists';

export type ReminderChannel = 'Teams' | 'Email';

export interface ReminderFields {
  Title?: string;
  RecipientId: string;
  RecipientName: string;
  PolicyVersion: string;
  Channel: ReminderChannel;
}

export interface NewReminder {
  readonly recipientId: string;
  readonly recipientName: string;
  readonly channel: ReminderChannel;
}

export interface Reminder extends NewReminder {
  readonly itemId: string;
  readonly policyVersion: string;
  /** The server's createdDateTime. */
  readonly sentAt: string;
  readonly sentBy: { readonly id: string; readonly displayName: string | null };
}

const FIELDS = ['RecipientId', 'RecipientName', 'PolicyVersion', 'Channel'] as const;

function toReminder(item: Item<Partial<ReminderFields>>): Reminder {
  const f = item.fields ?? {};
  const by = item.createdBy?.user;
  if (!item.id || !item.createdDateTime || !f.RecipientId) {
    throw new GraphRequestError({ status: 0, code: 'unexpectedShape', message: `reminder item ${item.id ?? '?'} came back without id, createdDateTime or RecipientId` });
  }
  return {
    itemId: item.id,
    recipientId: f.RecipientId,
    recipientName: f.RecipientName ?? '',
    policyVersion: f.PolicyVersion ?? '',
    channel: f.Channel === 'Email' ? 'Email' : 'Teams',
    sentAt: item.createdDateTime,
    sentBy: { id: by?.id ?? '', displayName: by?.displayName ?? null },
  };
}

export class RemindersRepository {
  constructor(private readonly lists: SiteLists) {}

  private get graph(): GraphClient {
    return this.lists.graph;
  }

  /** Records reminders that went out, 20 to a JSON batch; failures are returned, the rest still recorded. */
  async record(policyVersion: string, reminders: readonly NewReminder[]): Promise<{ recorded: number; failed: { recipientId: string; message: string }[] }> {
    const path = await this.lists.itemsPath(REMINDERS_LIST);
    const requests = reminders.map((r, i) => {
      const fields: ReminderFields = { Title: r.recipientName || r.recipientId, RecipientId: r.recipientId, RecipientName: r.recipientName, PolicyVersion: policyVersion, Channel: r.channel };
      return { id: String(i + 1), method: 'POST' as const, url: path, body: { fields } };
    });
    const answers = await this.graph.batch(requests);
    const failed = answers.flatMap((a, i) => (a.status >= 300 ? [{ recipientId: reminders[i]!.recipientId, message: batchPartError(a, requests[i]).detail }] : []));
    return { recorded: reminders.length - failed.length, failed };
  }

  /** Every reminder about one version (PolicyVersion is indexed). */
  async listForVersion(policyVersion: string): Promise<Reminder[]> {
    const path = await this.lists.itemsPath(REMINDERS_LIST);
    const items = await this.graph.all<Item<Partial<ReminderFields>>>(path, {
      query: { $select: ITEM_SELECT, $expand: expandFields(FIELDS), $filter: `fields/PolicyVersion eq ${odataString(policyVersion)}`, $top: 999 },
    });
    return items.map(toReminder);
  }

  /** The latest reminder per person about one version. */
  async lastReminded(policyVersion: string): Promise<Map<string, Reminder>> {
    return latestPerRecipient(await this.listForVersion(policyVersion));
  }

  /**
   * The latest reminder per person about any version: whether Teams reached
   * them last time. The list holds a few items per person per version, so it
   * is read whole, in pages.
   */
  async allLatest(): Promise<Map<string, Reminder>> {
    const path = await this.lists.itemsPath(REMINDERS_LIST);
    const items = await this.graph.all<Item<Partial<ReminderFields>>>(path, { query: { $select: ITEM_SELECT, $expand: expandFields(FIELDS), $top: 999 } });
    return latestPerRecipient(items.map(toReminder));
  }
}

function latestPerRecipient(reminders: readonly Reminder[]): Map<string, Reminder> {
  const latest = new Map<string, Reminder>();
  for (const r of reminders) {
    const seen = latest.get(r.recipientId);
    if (!seen || Date.parse(r.sentAt) >= Date.parse(seen.sentAt)) latest.set(r.recipientId, r);
  }
  return latest;
}
