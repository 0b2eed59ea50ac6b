import { describe, expect, it } from 'vitest';
import { createFakeOffice } from '../../dev/fake-office/fake-office';
import { applyFix } from '../taskpane/fixes';
import { composeItem } from '../office/draft';

const user = { emailAddress: 'me@school.example.org', displayName: 'Me' };
const r = (emailAddress: string) => ({ emailAddress, displayName: emailAddress, recipientType: 'externalUser', appointmentResponse: 'none' } as Office.EmailAddressDetails);

describe('applyFix', () => {
  it('removes a recipient from every field it appears in, case-insensitively', async () => {
    const fake = createFakeOffice({ user });
    fake.state.to = [r('keep@school.example.org'), r('Someone@Gmail.com')];
    fake.state.bcc = [r('someone@gmail.com')];
    await applyFix(composeItem(fake.Office), { kind: 'remove-recipient', email: 'someone@gmail.com', reason: 'personal-webmail' });
    expect(fake.state.to.map((x) => x.emailAddress)).toEqual(['keep@school.example.org']);
    expect(fake.state.bcc).toEqual([]);
  });

  it('adds the subject tag once, however often it is clicked', async () => {
    const fake = createFakeOffice({ user });
    fake.state.subject = 'Referral';
    const item = composeItem(fake.Office);
    await applyFix(item, { kind: 'add-subject-tag', tag: '[secure]' });
    await applyFix(item, { kind: 'add-subject-tag', tag: '[secure]' });
    expect(fake.state.subject).toBe('[secure] Referral');
  });

  it('sets the label and the delivery time', async () => {
    const fake = createFakeOffice({ user });
    const at = new Date('2026-11-27T08:00:00Z');
    await applyFix(composeItem(fake.Office), { kind: 'apply-label', labelId: 'enc' });
    await applyFix(composeItem(fake.Office), { kind: 'schedule', at });
    expect(fake.state.sensitivityLabel).toBe('enc');
    expect(fake.state.delayDeliveryTime).toEqual(at);
  });
});
