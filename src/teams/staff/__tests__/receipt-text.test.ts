import { describe, expect, it } from 'vitest';
import type { Acknowledgement } from '../../../graph/acknowledgements';
import { receiptMail, receiptSentence } from '../receipt-text';

const ack: Acknowledgement = {
  itemId: '7', policyVersion: '2026-12', policyHash: 'ab'.repeat(32), signedBy: { id: 'u1', displayName: 'Tom Baker', email: 'tom@school.uk' },
  signedAt: '2026-12-04T14:03:07Z', modifiedAt: '2026-12-04T14:03:07Z', itemVersion: 1,
  claimed: { signerId: 'u1', signerUpn: 'tom@school.uk', clientSignedAt: '2026-12-04T14:03:00Z' },
  printedName: 'Tom Baker', acceptsPolicy: true, understandsBreach: true, submissionId: 'sub-1',
};

describe('receipt in plain words', () => {
  it('says what was signed and when, in UK time', () => {
    expect(receiptSentence(ack, 'Acceptable Use Policy')).toBe('You signed the Acceptable Use Policy, version 2026-12 (December 2026), on 4 December 2026 at 14:03.');
  });

  it('mails the signer the same words with the technical details, to their own address', () => {
    const mail = receiptMail(ack, 'Acceptable Use Policy', 'tom@school.uk');
    expect(mail.to).toEqual(['tom@school.uk']);
    expect(mail.subject).toBe('Your signature: Acceptable Use Policy, version 2026-12 (December 2026)');
    expect(mail.text).toContain(receiptSentence(ack, 'Acceptable Use Policy'));
    expect(mail.text).toContain(`(SHA-256): ${ack.policyHash}`);
    expect(mail.text).toContain('Reference: sub-1');
  });
});
