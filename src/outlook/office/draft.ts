// Reads the message being composed into the engine's Draft. One Office call at
// a time: Outlook on the web rejects a fourth concurrent call, and the send
// handler has nothing to gain from racing them.
import type { Draft, DraftAttachment, OutlookRecipientType, Recipient, RecipientField } from '../../compose-check';
import { officeCall } from './async';
import { decodeBase64Text } from './base64';
import type { SupportsMailbox } from './requirements';

/** The compose item as Office.js types it; the send runtime only opens compose forms. */
export type ComposeItem = Office.MessageCompose;

export function composeItem(office: typeof Office): ComposeItem {
  const item = office.context.mailbox.item;
  if (!item) throw new Error('No item is open in compose mode.');
  return item;
}

/** Attachments whose text the engine reads (issue #2: csv and txt). */
const TEXT_LIKE = /\.(?:csv|txt|tsv)$/i;
/** Larger files are named but not read: fetching them costs more than the send budget. */
export const MAX_ATTACHMENT_TEXT_BYTES = 1_000_000;

const RECIPIENT_TYPES: readonly OutlookRecipientType[] = ['distributionList', 'user', 'externalUser', 'other'];

function recipientType(value: string | undefined): OutlookRecipientType | undefined {
  return RECIPIENT_TYPES.find((t) => t === value);
}

export async function readRecipients(item: ComposeItem): Promise<Recipient[]> {
  const fields: [RecipientField, Office.Recipients][] = [['to', item.to], ['cc', item.cc], ['bcc', item.bcc]];
  const out: Recipient[] = [];
  for (const [field, recipients] of fields) {
    // bcc is absent on some hosts' meeting forms; a message always has it, but stay defensive.
    if (!recipients) continue;
    const list = await officeCall<Office.EmailAddressDetails[]>(`${field}.getAsync`, (cb) => recipients.getAsync(cb));
    for (const r of list) {
      const type = recipientType(r.recipientType);
      out.push({
        email: r.emailAddress,
        field,
        ...(r.displayName ? { name: r.displayName } : {}),
        ...(type ? { recipientType: type } : {}),
      });
    }
  }
  return out;
}

/** The delayed delivery time, or undefined when none is set (Office returns 0). */
export async function readDeliveryTime(item: ComposeItem, supports: SupportsMailbox): Promise<Date | undefined> {
  if (!supports('1.13') || !item.delayDeliveryTime) return undefined;
  const value = await officeCall<Date | 0>('delayDeliveryTime.getAsync', (cb) => item.delayDeliveryTime.getAsync(cb));
  if (value === 0 || value === null || value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

async function readSensitivityLabel(item: ComposeItem, supports: SupportsMailbox): Promise<string | undefined> {
  if (!supports('1.13') || !item.sensitivityLabel) return undefined;
  try {
    const id = await officeCall<string>('sensitivityLabel.getAsync', (cb) => item.sensitivityLabel.getAsync(cb));
    return id || undefined;
  } catch {
    // Fails when the tenant has no sensitivity labels; then there is simply no label.
    return undefined;
  }
}

async function readAttachments(item: ComposeItem, supports: SupportsMailbox): Promise<DraftAttachment[]> {
  if (!supports('1.8')) return [];
  const list = await officeCall<Office.AttachmentDetailsCompose[]>('getAttachmentsAsync', (cb) => item.getAttachmentsAsync(cb));
  const out: DraftAttachment[] = [];
  for (const a of list) {
    let text: string | undefined;
    if (a.attachmentType === 'file' && TEXT_LIKE.test(a.name) && a.size <= MAX_ATTACHMENT_TEXT_BYTES) {
      try {
        const content = await officeCall<Office.AttachmentContent>(
          'getAttachmentContentAsync', (cb) => item.getAttachmentContentAsync(a.id, cb));
        if (content.format === 'base64') text = decodeBase64Text(content.content);
      } catch {
        // Cloud and protected attachments can refuse; the name is still checked.
        text = undefined;
      }
    }
    out.push({ name: a.name, size: a.size, ...(text !== undefined ? { text } : {}) });
  }
  return out;
}

export interface ReadDraftOptions {
  readonly supports: SupportsMailbox;
  /** The signed-in user's address (Office.context.mailbox.userProfile). */
  readonly from?: string;
  /** Skip attachments, e.g. when only recipients changed. */
  readonly recipientsOnly?: boolean;
}

export async function readDraft(item: ComposeItem, options: ReadDraftOptions): Promise<Draft> {
  const { supports } = options;
  const recipients = await readRecipients(item);
  const scheduledDelivery = await readDeliveryTime(item, supports);
  const base = {
    ...(options.from ? { from: options.from } : {}),
    recipients,
    ...(scheduledDelivery ? { scheduledDelivery } : {}),
  };
  if (options.recipientsOnly) {
    return { ...base, subject: '', body: { kind: 'text', content: '' }, attachments: [] };
  }
  const subject = await officeCall<string>('subject.getAsync', (cb) => item.subject.getAsync(cb));
  const html = await officeCall<string>('body.getAsync', (cb) => item.body.getAsync('html', cb));
  const attachments = await readAttachments(item, supports);
  const sensitivityLabelId = await readSensitivityLabel(item, supports);
  return {
    ...base,
    subject,
    body: { kind: 'html', content: html },
    attachments,
    ...(sensitivityLabelId ? { sensitivityLabelId } : {}),
  };
}
