// Turns an RFC 5322 message (.eml) into the engine's Draft. Parsing is
// postal-mime's job; this file only maps its output onto the contract, plus the
// two Microsoft-specific signals the engine needs: the Purview sensitivity label
// (msip_labels header) and S/MIME encryption (application/pkcs7-mime).
import PostalMime from 'postal-mime';
import type { Address, Attachment, Email, Header } from 'postal-mime';
import type { Draft, DraftAttachment, Recipient, RecipientField } from '../compose-check/types';

export interface ParsedEml {
  readonly draft: Draft;
  /** The Date header, when it parses as a date. */
  readonly date?: Date;
}

/** Raised for input that is not an email message at all; names the problem, not the file. */
export class EmlParseError extends Error {
  override readonly name = 'EmlParseError';
}

const SMIME_NAME = /^smime\.p7m$/i;

export async function emlToDraft(raw: Buffer | string): Promise<ParsedEml> {
  if (raw.length === 0) throw new EmlParseError('the file is empty');
  let email: Email;
  try {
    email = await PostalMime.parse(raw);
  } catch (error) {
    throw new EmlParseError(`not a readable MIME message: ${error instanceof Error ? error.message : String(error)}`);
  }
  // postal-mime accepts almost anything; a message with no header section at all
  // (a stray binary or text file) would otherwise become an empty draft and pass silently.
  if (!email.headers.some((h) => h.key === 'from' || h.key === 'to' || h.key === 'subject' || h.key === 'date')) {
    throw new EmlParseError('no RFC 5322 header section (From, To, Subject or Date) found');
  }

  const recipients = [
    ...recipientsOf(email.to, 'to'),
    ...recipientsOf(email.cc, 'cc'),
    ...recipientsOf(email.bcc, 'bcc'),
  ];
  const from = firstMailbox(email.from);
  const labelId = enabledLabelId(email.headers);
  const scheduled = scheduledDelivery(email.headers);
  const smime = isSmimeEncrypted(email);
  const date = email.date ? validDate(email.date) : undefined;

  const draft: Draft = {
    ...(from ? { from } : {}),
    recipients,
    subject: email.subject ?? '',
    // Outlook composes in HTML; the plain-text alternative is a lossy copy of it.
    body: email.html !== undefined ? { kind: 'html', content: email.html } : { kind: 'text', content: email.text ?? '' },
    attachments: email.attachments.map(toDraftAttachment),
    ...(labelId ? { sensitivityLabelId: labelId } : {}),
    ...(smime ? { smimeEncrypted: true } : {}),
    ...(scheduled ? { scheduledDelivery: scheduled } : {}),
  };
  return date ? { draft, date } : { draft };
}

function recipientsOf(addresses: Address[] | undefined, field: RecipientField): Recipient[] {
  const out: Recipient[] = [];
  for (const a of addresses ?? []) {
    // Groups ("Staff: a@x, b@y;") are expanded: each member receives the mail.
    for (const m of a.group ?? [a]) {
      if (!m.address) continue;
      out.push({ email: m.address, ...(m.name ? { name: m.name } : {}), field });
    }
  }
  return out;
}

function firstMailbox(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  return address.address ?? address.group?.[0]?.address;
}

const header = (headers: readonly Header[], key: string): string | undefined =>
  headers.find((h) => h.key === key)?.value;

/**
 * Purview writes every label the message has carried, e.g.
 * `MSIP_Label_<guid>_Enabled=true; MSIP_Label_<guid>_Name=General; ...`;
 * a label removed later stays with `_Enabled=false`, so only the enabled one counts.
 */
export function enabledLabelId(headers: readonly Header[]): string | undefined {
  const value = header(headers, 'msip_labels');
  if (!value) return undefined;
  const enabled = /MSIP_Label_([0-9a-f-]+)_Enabled\s*=\s*true\b/i.exec(value);
  return enabled?.[1];
}

/**
 * RFC 4021 registers `Deferred-Delivery` (from X.400) for a delayed send; some
 * clients write `X-Deferred-Delivery`. Outlook's own scheduled time never
 * reaches an .eml, so this is how a saved message can carry one.
 */
function scheduledDelivery(headers: readonly Header[]): Date | undefined {
  const value = header(headers, 'deferred-delivery') ?? header(headers, 'x-deferred-delivery');
  return value ? validDate(value) : undefined;
}

function validDate(value: string): Date | undefined {
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function isPkcs7(contentType: string, smimeType: string | undefined): boolean {
  // Opaque-signed mail (smime-type=signed-data) is also pkcs7-mime but anyone can
  // read it: signing is not encryption.
  return /^application\/(?:x-)?pkcs7-mime$/i.test(contentType) && smimeType?.toLowerCase() !== 'signed-data';
}

function isSmimeEncrypted(email: Email): boolean {
  const top = header(email.headers, 'content-type');
  if (top) {
    const [type = '', ...params] = top.split(';').map((s) => s.trim());
    const smimeType = params.map((p) => /^smime-type\s*=\s*"?([^";]+)"?/i.exec(p)?.[1]).find(Boolean);
    // The whole message is the pkcs7 part: its smime-type decides, not the
    // attachment postal-mime makes of it.
    if (/^application\/(?:x-)?pkcs7-mime$/i.test(type)) return isPkcs7(type, smimeType);
  }
  return email.attachments.some((a) => isPkcs7(a.mimeType, undefined) || (a.filename !== null && SMIME_NAME.test(a.filename)));
}


function contentBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function toDraftAttachment(a: Attachment): DraftAttachment {
  const bytes = contentBytes(a.content);
  // The bytes as sent: the engine's readers decide the format (xlsx, docx, pdf, zip, csv...) as they do in Outlook.
  return { name: a.filename ?? '(unnamed)', contentType: a.mimeType, size: bytes.byteLength, bytes };
}
