// When a signature record can be relied on (issue 10, "Signatures nobody can
// alter"). A record counts as signed only when both statements are ticked,
// there is a signature, it fingerprints the exact text of its version, it was
// made after that version was published, and nobody has changed it since.
// Anything else needs a person to look at it, with the reasons named. Pure.

export type ReviewReason = 'notAccepted' | 'breachNotUnderstood' | 'noSignature' | 'wrongHash' | 'beforePublication' | 'edited';

export interface RecordFacts {
  readonly acceptsPolicy: boolean;
  readonly understandsBreach: boolean;
  /** Whether the stored signature holds a typed name or a drawing. */
  readonly hasSignature: boolean;
  readonly policyHash: string;
  /** The server's createdDateTime and lastModifiedDateTime. */
  readonly createdAt: string;
  readonly modifiedAt: string | null;
  /** SharePoint's item version from the eTag (`"{guid},N"`); null when it could not be read. */
  readonly itemVersion: number | null;
}

export interface VersionFacts {
  /** SHA-256 of the version's text, computed from the text itself. */
  readonly hash: string;
  /** Server time of publication; null for versions published before it was recorded (then not checked). */
  readonly publishedAt: string | null;
}

export const REVIEW_REASON_TEXT: Readonly<Record<ReviewReason, string>> = {
  notAccepted: '"I have read and accept" is not ticked',
  breachNotUnderstood: '"I understand the implications" is not ticked',
  noSignature: 'the signature is empty',
  wrongHash: 'it does not match the text of this version',
  beforePublication: 'it was made before this version was published',
  edited: 'it was changed after it was signed',
};

/** The reasons a record needs review, in the order above; empty when it counts as signed. */
export function reviewRecord(record: RecordFacts, version: VersionFacts): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (!record.acceptsPolicy) reasons.push('notAccepted');
  if (!record.understandsBreach) reasons.push('breachNotUnderstood');
  if (!record.hasSignature) reasons.push('noSignature');
  if (record.policyHash !== version.hash && record.policyHash.toLowerCase() !== version.hash.toLowerCase()) reasons.push('wrongHash');
  // Whole seconds: SharePoint stamps both times to the second, so a signature in the
  // second of publication counts as after it.
  if (version.publishedAt && Date.parse(record.createdAt) < Date.parse(version.publishedAt)) reasons.push('beforePublication');
  // The same string is the same time; only a different spelling needs parsing.
  const modified = record.modifiedAt !== null && record.modifiedAt !== record.createdAt && Date.parse(record.modifiedAt) !== Date.parse(record.createdAt);
  if (modified || (record.itemVersion !== null && record.itemVersion !== 1)) reasons.push('edited');
  return reasons;
}
