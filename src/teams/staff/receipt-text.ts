// The receipt in plain words: on screen, and as the copy a signer can email to
// themselves. One wording, so the two never disagree.
import type { Acknowledgement } from '../../graph/acknowledgements';
import type { MailToSend } from '../../graph/notifications';
import { describeVersion } from '../../policy/index';
import { formatUkDateTime, formatUkLongDate, formatUkTime } from '../../ui/format';

/** "You signed the …, version 2020-04 (April 2020), on 4 December 2026 at 14:03." */
export function receiptSentence(ack: Pick<Acknowledgement, 'policyVersion' | 'signedAt'>, title: string): string {
  return `You signed the ${title}, version ${describeVersion(ack.policyVersion)}, on ${formatUkLongDate(ack.signedAt)} at ${formatUkTime(ack.signedAt)}.`;
}

export const RECORD_KEPT = "Your record is kept in the school's SharePoint, where it cannot be changed.";

/** The copy a signer emails to themselves from their own mailbox: what they signed, and the details to check it by. */
export function receiptMail(ack: Acknowledgement, title: string, to: string): MailToSend {
  return {
    to: [to],
    subject: `Your signature: Acceptable Use Policy, version ${describeVersion(ack.policyVersion)}`,
    text: [
      receiptSentence(ack, title),
      `Name (printed): ${ack.printedName}`,
      RECORD_KEPT,
      '',
      'Technical details',
      `Recorded by SharePoint: ${formatUkDateTime(ack.signedAt)}`,
      `Fingerprint of the policy text you signed (SHA-256): ${ack.policyHash}`,
      `Reference: ${ack.submissionId}`,
    ].join('\n'),
  };
}
