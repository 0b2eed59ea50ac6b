// How the add-in hands a draft's attachments to the engine (issue 12): each
// kind as Outlook gives it, what it cannot read named with the reason, older
// clients degraded rather than broken, and the pane's cache of files read.
import { describe, expect, it } from 'vitest';
import { createFakeOffice, type FakeAttachment } from '../../dev/fake-office/fake-office';
import { AttachmentCache, MAX_ATTACHMENT_BYTES, composeItem, readDraft } from '../office/draft';
import { hostSupportsMailbox } from '../office/requirements';

const USER = { emailAddress: 'tom@school.example.org.uk', displayName: 'Tom' };
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const csv: FakeAttachment = { id: 'a1', name: 'class.csv', size: 40, contentType: 'text/csv', base64: b64('name,upn\nAmelia Smith,B801200005001\n') };

async function read(attachments: FakeAttachment[], options: { mailboxVersion?: '1.1' | '1.15'; failCalls?: RegExp; cache?: AttachmentCache } = {}) {
  const fake = createFakeOffice({ user: USER, ...(options.mailboxVersion ? { mailboxVersion: options.mailboxVersion } : {}), ...(options.failCalls ? { failCalls: options.failCalls } : {}) });
  fake.state.attachments = attachments;
  const draft = await readDraft(composeItem(fake.Office), { supports: hostSupportsMailbox(fake.Office), ...(options.cache ? { attachments: options.cache } : {}) });
  return { draft, fake };
}

describe('reading attachments from Outlook', () => {
  it("hands over a file's bytes, an attached message's .eml text and a meeting's iCalendar text", async () => {
    const { draft } = await read([
      csv,
      { id: 'a2', name: 'Re: referral', size: 10, contentType: 'message/rfc822', base64: 'Subject: x\n\nhello', attachmentType: 'item' },
      { id: 'a3', name: 'Review.ics', size: 10, contentType: 'text/calendar', base64: 'BEGIN:VCALENDAR', attachmentType: 'item' },
    ]);
    const [file, message, meeting] = draft.attachments;
    expect(Buffer.from(file?.bytes ?? []).toString('utf8')).toContain('B801200005001');
    expect(message).toMatchObject({ contentType: 'message/rfc822', text: 'Subject: x\n\nhello' });
    expect(meeting).toMatchObject({ contentType: 'text/calendar', text: 'BEGIN:VCALENDAR' });
  });

  it('names what it cannot read and why: a cloud link, a file over the limit, a refusal; a picture in the body is only named', async () => {
    const { draft, fake } = await read([
      { id: 'c', name: 'Pupils.xlsx', size: 5000, contentType: '', base64: 'https://school.sharepoint.com/x', attachmentType: 'cloud' },
      { id: 'big', name: 'Huge.xlsx', size: MAX_ATTACHMENT_BYTES + 1, contentType: '', base64: '' },
      { id: 'logo', name: 'logo.png', size: 100, contentType: 'image/png', base64: '', isInline: true },
    ]);
    const [cloud, big, logo] = draft.attachments;
    expect(cloud?.notRead).toMatchObject({ kind: 'skipped', why: expect.stringMatching(/OneDrive or SharePoint/) });
    expect(big?.notRead).toMatchObject({ kind: 'unreadable', why: expect.stringMatching(/larger than the 10 MB/) });
    expect(logo).toEqual({ name: 'logo.png', size: 100 });
    // None of them was fetched.
    expect(fake.calls.filter((c) => c.startsWith('getAttachmentContentAsync'))).toEqual([]);

    const refused = await read([csv], { failCalls: /^getAttachmentContentAsync/ });
    expect(refused.draft.attachments[0]?.notRead).toMatchObject({ kind: 'unreadable', why: 'Outlook did not give the add-in its contents' });
  });

  it('reads no attachments on a client before Mailbox 1.8, and still reads the rest of the draft', async () => {
    const { draft, fake } = await read([csv], { mailboxVersion: '1.1' });
    expect(draft.attachments).toEqual([]);
    expect(fake.calls.some((c) => c.startsWith('getAttachmentsAsync'))).toBe(false);
  });

  it("the pane's cache fetches a file once while the draft keeps it, again after a refusal, and forgets a removed one", async () => {
    const cache = new AttachmentCache();
    const first = await read([csv], { cache });
    expect(first.fake.calls.filter((c) => c.startsWith('getAttachmentContentAsync'))).toHaveLength(1);
    const second = await read([csv], { cache });
    expect(second.fake.calls.filter((c) => c.startsWith('getAttachmentContentAsync'))).toHaveLength(0);
    expect(second.draft.attachments[0]?.bytes).toBe(first.draft.attachments[0]?.bytes);

    await read([], { cache });
    const afterRemoval = await read([csv], { cache });
    expect(afterRemoval.fake.calls.filter((c) => c.startsWith('getAttachmentContentAsync'))).toHaveLength(1);

    const other = new AttachmentCache();
    await read([csv], { cache: other, failCalls: /^getAttachmentContentAsync/ });
    const retried = await read([csv], { cache: other });
    expect(retried.fake.calls.filter((c) => c.startsWith('getAttachmentContentAsync'))).toHaveLength(1);
  });
});
