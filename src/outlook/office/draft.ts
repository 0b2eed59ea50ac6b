// Reads the message being composed into the engine's Draft. One Office call at
// a time: Outlook on the web rejects a fourth concurrent call, and the send
// handler has nothing to gain from racing them.
import type { Draft, DraftAttachment, OutlookRecipientType, Recipient, RecipientField } from '../../compose-check';
import { officeCall } from './async';
import { base64ToBytes } from '../../compose-check/directory/codec';
import type { SupportsMailbox } from './requirements';

/** The compose item as Office.js types it; the send runtime only opens compose forms. */
export type ComposeItem = Office.MessageCompose;

export function composeItem(office: typeof Office): ComposeItem {
  const item = office.context.mailbox.item;
  if (!item) throw new Error('No item is open in compose mode.');
  return item;
}

/**
 * The largest attachment whose contents are read. Outlook hands them over as
 * base64 through its bridge, a third larger again; past this a file is named
 * as not checked rather than holding Send (the engine's readers stop at 25 MB).
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

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

const MB = 1024 * 1024;
const CLOUD: DraftAttachment['notRead'] = { kind: 'skipped', why: 'a link to a file in OneDrive or SharePoint, whose contents Outlook does not give add-ins' };

/**
 * Attachments already read, by Outlook's id, name and size: the task pane
 * checks the same draft every few seconds and need not fetch a workbook each
 * time. Holds the current draft's attachments only.
 */
export class AttachmentCache {
  private entries = new Map<string, DraftAttachment>();

  static key(a: Office.AttachmentDetailsCompose): string {
    return `${a.id}\u0000${a.name}\u0000${a.size}`;
  }

  get(key: string): DraftAttachment | undefined {
    return this.entries.get(key);
  }

  /** Keeps `read`, and only the attachments the draft still has. */
  keep(read: ReadonlyMap<string, DraftAttachment>): void {
    this.entries = new Map(read);
  }
}

/**
 * One attachment as the engine reads it: a file's bytes, an attached
 * message's or meeting's text, or why its contents could not be had.
 * Outlook gives file attachments as base64, attached items as .eml or
 * .icalendar text and cloud attachments as a link (Mailbox 1.8,
 * Office.AttachmentContent); on the web an item attached by drag and drop
 * is refused.
 */
async function readAttachment(item: ComposeItem, a: Office.AttachmentDetailsCompose): Promise<DraftAttachment> {
  const base = { name: a.name, size: a.size };
  // Pictures in the body (a signature's logo) belong to the body: named, not read.
  if (a.isInline) return base;
  if (a.attachmentType === 'cloud') return { ...base, notRead: CLOUD };
  if (a.size > MAX_ATTACHMENT_BYTES) return { ...base, notRead: { kind: 'unreadable', why: `larger than the ${MAX_ATTACHMENT_BYTES / MB} MB the send check reads` } };
  let content: Office.AttachmentContent;
  try {
    content = await officeCall<Office.AttachmentContent>('getAttachmentContentAsync', (cb) => item.getAttachmentContentAsync(a.id, cb));
  } catch {
    return { ...base, notRead: { kind: 'unreadable', why: 'Outlook did not give the add-in its contents' } };
  }
  switch (String(content.format)) {
    case 'base64': return { ...base, bytes: base64ToBytes(content.content) };
    case 'eml': return { ...base, contentType: 'message/rfc822', text: content.content };
    case 'iCalendar': return { ...base, contentType: 'text/calendar', text: content.content };
    case 'url': return { ...base, notRead: CLOUD };
    default: return { ...base, notRead: { kind: 'unreadable', why: `Outlook gave its contents in a form the add-in does not read (${String(content.format)})` } };
  }
}

async function readAttachments(item: ComposeItem, supports: SupportsMailbox, cache?: AttachmentCache): Promise<DraftAttachment[]> {
  if (!supports('1.8')) return [];
  const list = await officeCall<Office.AttachmentDetailsCompose[]>('getAttachmentsAsync', (cb) => item.getAttachmentsAsync(cb));
  const out: DraftAttachment[] = [];
  const read = new Map<string, DraftAttachment>();
  // One at a time, as every Office call: Outlook on the web refuses a fourth at once.
  for (const a of list) {
    const key = AttachmentCache.key(a);
    const attachment = cache?.get(key) ?? await readAttachment(item, a);
    // A refusal may be passing (an upload still under way): asked again next time.
    if (attachment.notRead?.kind !== 'unreadable') read.set(key, attachment);
    out.push(attachment);
  }
  cache?.keep(read);
  return out;
}

export interface ReadDraftOptions {
  readonly supports: SupportsMailbox;
  /** The signed-in user's address (Office.context.mailbox.userProfile). */
  readonly from?: string;
  /** Skip attachments, e.g. when only recipients changed. */
  readonly recipientsOnly?: boolean;
  /** Attachments read before, reused while the draft still has them (the task pane's). */
  readonly attachments?: AttachmentCache;
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
  const attachments = await readAttachments(item, supports, options.attachments);
  const sensitivityLabelId = await readSensitivityLabel(item, supports);
  return {
    ...base,
    subject,
    body: { kind: 'html', content: html },
    attachments,
    ...(sensitivityLabelId ? { sensitivityLabelId } : {}),
  };
}
