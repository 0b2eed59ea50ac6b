// The engine's contract. Shared by the Outlook send handler, the task pane,
// the CLI checker and the bench. Pure types: no host, DOM or network.
import type { ClauseRef } from '../policy/clauses';

export type { ClauseRef };

/** Mirrors Office.MailboxEnums.RecipientType's string values, without importing Office. */
export type OutlookRecipientType = 'distributionList' | 'user' | 'externalUser' | 'other';

export type RecipientField = 'to' | 'cc' | 'bcc';

export interface Recipient {
  readonly email: string;
  readonly name?: string;
  readonly field: RecipientField;
  /** Outlook's own view of the recipient, where the host gives one. */
  readonly recipientType?: OutlookRecipientType;
}

export interface DraftAttachment {
  readonly name: string;
  readonly contentType?: string;
  /** The file as sent, where the host can read it: read by the attachment readers (xlsx, docx, pdf, zip, csv...). */
  readonly bytes?: Uint8Array;
  /** Text content of text-like attachments (csv, txt), for hosts that have only the text; `bytes` win when both are given. */
  readonly text?: string;
  readonly size?: number;
  /** Why the host could not give the content (a cloud link, over its size limit): the decision notes it. */
  readonly notRead?: Omit<AttachmentNote, 'name'>;
}

/**
 * An attachment whose contents were not checked, or count as protected: not
 * sensitive data (that is a Finding), but something the user should know.
 * - `protected`: password-protected or encrypted; its contents count as protected.
 * - `unreadable`: a file that should have been read and was not (damaged,
 *   scanned, over a limit, out of time): its contents were not checked.
 * - `skipped`: a file that holds no text we read (an image, a cloud link).
 */
export type AttachmentNoteKind = 'protected' | 'unreadable' | 'skipped';

export interface AttachmentNote {
  readonly kind: AttachmentNoteKind;
  /** The attachment's name; a file inside a .zip is "archive.zip, reports/pupils.xlsx". */
  readonly name: string;
  /** In plain words: "password-protected workbook", "scanned image, no text". */
  readonly why: string;
}

export interface DraftBody {
  readonly kind: 'html' | 'text';
  readonly content: string;
}

export interface Draft {
  /** The sender's address; also the fallback school domain when settings name none. */
  readonly from?: string;
  readonly recipients: readonly Recipient[];
  readonly subject: string;
  readonly body: DraftBody;
  readonly attachments: readonly DraftAttachment[];
  /** The applied sensitivity label's id (GUID), if any. */
  readonly sensitivityLabelId?: string;
  /** True when the body is S/MIME encrypted (application/pkcs7-mime). */
  readonly smimeEncrypted?: boolean;
  /** Delayed delivery time, when the user scheduled one. */
  readonly scheduledDelivery?: Date;
}

export type Verdict = 'allow' | 'warn' | 'block';

/** Stable reason codes: tests, the CLI's JSON and the bench rely on them. */
export type ReasonCode = 'sensitive-unencrypted' | 'outside-hours' | 'personal-webmail' | 'wrong-recipient' | 'recipients-exposed';

export const REASON_CODES: readonly ReasonCode[] = ['sensitive-unencrypted', 'outside-hours', 'personal-webmail', 'wrong-recipient', 'recipients-exposed'];

/** A rule's configured severity; `off` disables it. */
export type Severity = 'off' | 'warn' | 'block';

export interface Reason {
  readonly code: ReasonCode;
  /**
   * `info` says something worth knowing without holding the message back (the
   * school's `ownParentSensitive: "info"`): it never raises the verdict.
   */
  readonly severity: Exclude<Severity, 'off'> | 'info';
  readonly clause: ClauseRef;
  /** Plain words for the user; at most 500 characters (the Smart Alerts limit). */
  readonly message: string;
  /**
   * The same reason in one or two short sentences ending with what to do, for
   * alerts that must fit several reasons into 500 characters. Whole sentences,
   * at most 200 characters.
   */
  readonly summary: string;
}

export type FindingKind =
  | 'upn'
  | 'uln'
  | 'nhs-number'
  | 'ni-number'
  | 'pupil-in-sensitive-context'
  | 'bulk-pupil-data';

export type FindingLocation = 'subject' | 'body' | `attachment:${string}`;

export interface Finding {
  readonly kind: FindingKind;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly location: FindingLocation;
  /** Masked, never the raw value, e.g. `UPN C93…023 in body`. */
  readonly evidence: string;
  /**
   * The roster pupils (indexes into the resolved settings' `pupils`) the data is
   * about, where the finding says: a pupil named in context, a roster UPN, the
   * pupils of a list. Empty for an identifier that is no roster pupil's.
   */
  readonly pupils?: readonly number[];
}

export type Fix =
  | { readonly kind: 'apply-label'; readonly labelId: string }
  | { readonly kind: 'add-subject-tag'; readonly tag: string }
  | { readonly kind: 'schedule'; readonly at: Date }
  | { readonly kind: 'remove-recipient'; readonly email: string; readonly reason: ReasonCode }
  /** Move these To/Cc addresses to Bcc; `senderToTo` (the sender's address) goes into To when nobody would be left there. */
  | { readonly kind: 'move-to-bcc'; readonly emails: readonly string[]; readonly senderToTo?: string };

export interface Decision {
  readonly verdict: Verdict;
  readonly reasons: readonly Reason[];
  readonly findings: readonly Finding[];
  readonly fixes: readonly Fix[];
  /** Attachments that were protected or not (fully) checked, in the draft's order. */
  readonly attachments: readonly AttachmentNote[];
}
