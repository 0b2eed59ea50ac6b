import { describe, expect, it } from 'vitest';
import { emlToDraft, EmlParseError } from '../eml';
import { checkDraft, resolveSettings } from '../../compose-check/index';

/** Joins header and body lines with CRLF, as RFC 5322 wants. */
const eml = (...lines: string[]): string => lines.join('\r\n');

const LABEL = 'f42aa342-8706-4288-bd11-ebb85995028c';
const GENERAL = '87867195-f2b8-4ac2-b0b6-6bb73cb33afc';

describe('emlToDraft', () => {
  it('maps sender, each recipient field, subject and the Date header', async () => {
    const { draft, date } = await emlToDraft(eml(
      'From: Ms Teacher <teacher@wellsap.example.org.uk>',
      'To: "A Parent" <parent@gmail.com>, office@wellsap.example.org.uk',
      'Cc: head@wellsap.example.org.uk',
      'Bcc: archive@wellsap.example.org.uk',
      'Subject: Trip letter',
      'Date: Tue, 10 Mar 2026 19:10:00 +0000',
      '',
      'Hello',
    ));
    expect(draft.from).toBe('teacher@wellsap.example.org.uk');
    expect(draft.recipients).toEqual([
      { email: 'parent@gmail.com', name: 'A Parent', field: 'to' },
      { email: 'office@wellsap.example.org.uk', field: 'to' },
      { email: 'head@wellsap.example.org.uk', field: 'cc' },
      { email: 'archive@wellsap.example.org.uk', field: 'bcc' },
    ]);
    expect(draft.subject).toBe('Trip letter');
    expect(draft.body).toEqual({ kind: 'text', content: 'Hello\n' });
    expect(date?.toISOString()).toBe('2026-03-10T19:10:00.000Z');
  });

  it('expands an address group into its members', async () => {
    const { draft } = await emlToDraft(eml(
      'From: t@wellsap.example.org.uk',
      'To: Parents: a@gmail.com, b@hotmail.co.uk;',
      'Subject: x',
      '',
      'x',
    ));
    expect(draft.recipients.map((r) => r.email)).toEqual(['a@gmail.com', 'b@hotmail.co.uk']);
  });

  it('prefers the HTML alternative over the text one', async () => {
    const { draft } = await emlToDraft(eml(
      'From: t@wellsap.example.org.uk',
      'To: p@gmail.com',
      'Subject: x',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'plain copy',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>rich <b>copy</b></p>',
      '--b--',
    ));
    expect(draft.body.kind).toBe('html');
    expect(draft.body.content).toContain('<b>copy</b>');
  });

  it('hands every attachment over as its bytes, and the engine reads a csv by its name even when typed as Excel', async () => {
    const csv = Buffer.from('name,upn\nAmelia Hughes,B801200005001\n').toString('base64');
    const { draft } = await emlToDraft(eml(
      'From: t@wellsap.example.org.uk',
      'To: p@gmail.com',
      'Subject: x',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'see attached',
      '--b',
      'Content-Type: application/vnd.ms-excel; name="class.csv"',
      'Content-Disposition: attachment; filename="class.csv"',
      'Content-Transfer-Encoding: base64',
      '',
      csv,
      '--b',
      'Content-Type: text/plain; name="notes.txt"',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'free text notes',
      '--b',
      'Content-Type: image/png; name="logo.png"',
      'Content-Disposition: attachment; filename="logo.png"',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--b--',
    ));
    const [csvPart, txtPart, png] = draft.attachments;
    expect(csvPart).toMatchObject({ name: 'class.csv', contentType: 'application/vnd.ms-excel' });
    expect(Buffer.from(csvPart?.bytes ?? []).toString('utf8')).toBe('name,upn\nAmelia Hughes,B801200005001\n');
    expect(Buffer.from(txtPart?.bytes ?? []).toString('utf8')).toContain('free text notes');
    expect(png).toMatchObject({ name: 'logo.png', contentType: 'image/png', size: 8 });
    const decision = checkDraft(draft, { now: new Date('2026-03-10T10:00:00Z'), settings: resolveSettings({}) });
    expect(decision.findings.map((f) => f.evidence)).toContainEqual(expect.stringMatching(/^UPN .* in class\.csv/));
    // A picture holds no text the engine reads: noted, never a finding.
    expect(decision.attachments).toEqual([expect.objectContaining({ kind: 'skipped', name: 'logo.png' })]);
  });

  it('reads the enabled label from msip_labels and ignores a disabled one', async () => {
    const { draft } = await emlToDraft(eml(
      'From: t@wellsap.example.org.uk',
      'To: p@gmail.com',
      'Subject: x',
      `msip_labels: MSIP_Label_${GENERAL}_Enabled=false; MSIP_Label_${GENERAL}_Name=General;`,
      ` MSIP_Label_${LABEL}_Enabled=true; MSIP_Label_${LABEL}_Name=Encrypted;`,
      ` MSIP_Label_${LABEL}_Method=Privileged`,
      '',
      'x',
    ));
    expect(draft.sensitivityLabelId).toBe(LABEL);
  });

  it('has no label when msip_labels is absent or every label is disabled', async () => {
    const none = await emlToDraft(eml('From: t@x.org', 'To: p@gmail.com', 'Subject: x', '', 'x'));
    const disabled = await emlToDraft(eml('From: t@x.org', 'To: p@gmail.com', 'Subject: x', `msip_labels: MSIP_Label_${LABEL}_Enabled=false`, '', 'x'));
    expect(none.draft.sensitivityLabelId).toBeUndefined();
    expect(disabled.draft.sensitivityLabelId).toBeUndefined();
  });

  it('marks a top-level application/pkcs7-mime enveloped message as S/MIME encrypted', async () => {
    const { draft } = await emlToDraft(eml(
      'From: t@wellsap.example.org.uk',
      'To: p@gmail.com',
      'Subject: Report',
      'MIME-Version: 1.0',
      'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"',
      'Content-Disposition: attachment; filename="smime.p7m"',
      'Content-Transfer-Encoding: base64',
      '',
      'MIAGCSqGSIb3DQEHA6CAMIACAQAxggFA',
    ));
    expect(draft.smimeEncrypted).toBe(true);
  });

  it('marks a message carrying an smime.p7m part as encrypted', async () => {
    const { draft } = await emlToDraft(eml(
      'From: t@wellsap.example.org.uk',
      'To: p@gmail.com',
      'Subject: Report',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: application/octet-stream; name="smime.p7m"',
      'Content-Disposition: attachment; filename="smime.p7m"',
      'Content-Transfer-Encoding: base64',
      '',
      'MIAGCSqGSIb3DQEHA6CAMIACAQAxggFA',
      '--b--',
    ));
    expect(draft.smimeEncrypted).toBe(true);
  });

  it('does not treat opaque-signed (signed-data) or plain mail as encrypted', async () => {
    const signed = await emlToDraft(eml(
      'From: t@x.org', 'To: p@gmail.com', 'Subject: x', 'MIME-Version: 1.0',
      'Content-Type: application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"',
      'Content-Transfer-Encoding: base64', '', 'MIAGCSqGSIb3DQEHAqCAMIACAQEx',
    ));
    const plain = await emlToDraft(eml('From: t@x.org', 'To: p@gmail.com', 'Subject: x', '', 'x'));
    expect(signed.draft.smimeEncrypted).toBeUndefined();
    expect(plain.draft.smimeEncrypted).toBeUndefined();
  });

  it('reads a Deferred-Delivery header as the scheduled delivery time', async () => {
    const { draft } = await emlToDraft(eml(
      'From: t@x.org', 'To: p@gmail.com', 'Subject: x',
      'Date: Tue, 10 Mar 2026 19:10:00 +0000',
      'Deferred-Delivery: Wed, 11 Mar 2026 08:00:00 +0000',
      '', 'x',
    ));
    expect(draft.scheduledDelivery?.toISOString()).toBe('2026-03-11T08:00:00.000Z');
  });

  it('leaves the date out when the Date header does not parse', async () => {
    const { date } = await emlToDraft(eml('From: t@x.org', 'To: p@gmail.com', 'Subject: x', 'Date: sometime next week', '', 'x'));
    expect(date).toBeUndefined();
  });

  it('accepts a Buffer as well as a string', async () => {
    const { draft } = await emlToDraft(Buffer.from(eml('From: t@x.org', 'To: p@gmail.com', 'Subject: Größe', '', 'x')));
    expect(draft.subject).toBe('Größe');
  });

  it('rejects an empty file', async () => {
    await expect(emlToDraft('')).rejects.toThrow(EmlParseError);
  });

  it('rejects text that has no header section', async () => {
    await expect(emlToDraft('just some notes\nthat are not an email\n')).rejects.toThrow(/no RFC 5322 header section/);
  });

  it('rejects MIME nested deeper than the parser allows', async () => {
    const depth = 300;
    const open = Array.from({ length: depth }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}`).join('\r\n');
    await expect(emlToDraft(`From: t@x.org\r\nTo: p@gmail.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n${open}\r\n\r\nx`)).rejects.toThrow(EmlParseError);
  });
});
