import { describe, expect, it } from 'vitest';
import { findSensitiveData, scanIdentifiers } from '../detect';
import type { DraftAttachment } from '../types';
import { draft, settings } from './factories';

const s = settings();
const kinds = (text: string, html = false): string[] =>
  findSensitiveData(draft(html ? { html: text } : { text }), s).map((f) => f.kind);

describe('identifiers', () => {
  it('finds a check-valid UPN on its own, with medium confidence', () => {
    const [f] = findSensitiveData(draft({ text: 'Please check P930012345023 before Friday' }), settings({ pupils: [] }));
    expect(f).toMatchObject({ kind: 'upn', confidence: 'medium', location: 'body', evidence: 'UPN P93…023 in body' });
  });
  it('raises a UPN to high confidence with a keyword', () =>
    expect(findSensitiveData(draft({ text: 'UPN: P930012345023' }), s)[0]?.confidence).toBe('high'));
  it('ignores a UPN-shaped code whose check letter is wrong', () => expect(kinds('UPN C930012345023')).toEqual([]));
  it('finds a ULN only with a learner keyword', () => {
    expect(kinds('ULN 9276308686')).toEqual(['uln']);
    expect(kinds('Order 9276308686 has shipped')).toEqual([]);
  });
  it('a reference word does not hide an identifier labelled as such', () => {
    expect(kinds('Case notes. NHS number 943 476 5919')).toEqual(['nhs-number']);
    expect(kinds('Order of events: UPN B801200005001')).toEqual(['upn']);
  });
  it('words that merely end in a reference word do not veto ("border", "repo")', () =>
    expect(kinds('On the border P930012345023')).toEqual(['upn']));
  it('finds an NHS number only with a health keyword', () => {
    expect(kinds('His NHS number is 943 476 5919.')).toEqual(['nhs-number']);
    expect(kinds('Quote 943 476 5919 when you call')).toEqual([]);
  });
  it('finds NI numbers, higher confidence with a keyword', () => {
    expect(findSensitiveData(draft({ text: 'National Insurance: AB 12 34 56 C' }), s)[0]).toMatchObject({ kind: 'ni-number', confidence: 'high', evidence: 'NI number AB1…56C in body' });
    expect(findSensitiveData(draft({ text: 'code AB123456C' }), s)[0]?.confidence).toBe('medium');
  });
  it('rejects NI numbers with invalid prefixes or suffixes', () => expect(kinds('NI numbers GB123456A, AB123456E, QQ123456C')).toEqual([]));
  it('never puts the raw value in the evidence', () => {
    const all = findSensitiveData(draft({ text: 'UPN B801200005001, ULN 9276308686, NHS 9434765919, NI AB123456C' }), s);
    for (const f of all) for (const raw of ['B801200005001', '9276308686', '9434765919', 'AB123456C']) expect(f.evidence).not.toContain(raw);
  });
  it('reports the subject and attachments as locations', () => {
    const att: DraftAttachment = { name: 'notes.txt', contentType: 'text/plain', text: 'ULN 9276308686' };
    const found = findSensitiveData(draft({ subject: 'UPN B801200005001', attachments: [att] }), s);
    expect(found.map((f) => f.location)).toEqual(['subject', 'attachment:notes.txt']);
    expect(found[0]?.evidence).toBe('UPN B80…001 in subject');
  });
  it('skips attachments that are not text-like or have no text', () => {
    const pdf: DraftAttachment = { name: 'report.pdf', contentType: 'application/pdf', text: 'ULN 9276308686' };
    const noText: DraftAttachment = { name: 'list.csv', contentType: 'text/csv' };
    expect(findSensitiveData(draft({ attachments: [pdf, noText] }), s)).toEqual([]);
  });
});

describe('evasion does not hide a match', () => {
  it.each([
    ['zero-width characters', 'UPN B801\u200b2000\u200c0500\u200d1\ufeff'],
    ['soft hyphens', 'UPN B801\u00ad200005001'],
    ['spaces inside', 'UPN B801 2000 0500 1'],
    ['dashes inside', 'UPN B801-2000-0500-1'],
    ['a separated check letter', 'UPN B-801200005001'],
    ['lower case', 'upn b801200005001'],
    ['Unicode dashes and no-break spaces', 'UPN B801\u20132000\u00a00500\u20141'],
    ['full-width digits', 'UPN Ｂ８０１２００００５００１'],
  ])('%s', (_name, text) => expect(kinds(text)).toEqual(['upn']));
  it('HTML tags inside the number', () => expect(kinds('<p>UPN <b>B801</b><span style="x">2000</span>05001</p>', true)).toEqual(['upn']));
  it('HTML entities, named and numeric', () => expect(kinds('UPN B&#56;01200&#x30;05001&nbsp;and&amp;', true)).toEqual(['upn']));
  it('an entity-encoded zero-width space', () => expect(kinds('ULN 92763&#8203;08686', true)).toEqual(['uln']));
  it('a keyword split by a comment', () => expect(kinds('NHS<!-- x --> no. 943&shy;476&shy;5919', true)).toEqual(['nhs-number']));
  it('hidden style and script content is not read', () => expect(kinds('<style>.a{}</style><script>var u="9276308686"</script>ULN', true)).toEqual([]));
  it('spaced-out digits of a ULN', () => expect(kinds('learner number 9 2 7 6 3 0 8 6 8 6')).toEqual(['uln']));
});

describe('look-alikes do not fire', () => {
  it.each([
    ['UK phone numbers', 'Call the NHS clinic on 0161 496 0000 or 07700 900123, or +44 7700 900123.'],
    ['an international number with a valid checksum', 'Patient line: +44 943 476 5919'],
    ['order and invoice references', 'Invoice INV9276308686 and order #9434765919 for our patient hoist.'],
    ['an alphanumeric reference with a valid UPN inside', 'Tracking: XB801200005001'],
    ['a reference word before a check-valid UPN', 'Order ref: P930012345023'],
    ['a ticket number near a health word', 'Your ticket number: 9434765919 for the NHS conference'],
    // 9434765919 passes the NHS check, not the ULN one: labelled a learner number it is a mistyped ULN.
    ['a learner number that fails the ULN check, near a health course', 'She applied for Health & Social Care L2. Her learner number is 9434765919.'],
    ['a booking reference near a learner word', 'Booking ref 9276308686 (learner drivers)'],
    ['meeting dates and times', 'Meeting on 12/03/2026 at 10:30, then 2026-03-12 14:00. Patient group 13.03.2026.'],
    ['version strings', 'Upgrade the learner app to v10.0.19041.1234 or 9.276.308.686 build 2024.11.26.1'],
    ['money', 'The learner bursary is £9276308686 (a typo) or $9434765919 health budget'],
    ['long digit runs', `NHS ULN learner ${'9276308686'.repeat(50)}`],
    ['numbers with units', 'The health dataset has 9434765919px and 9276308686ms timings'],
    ['a decimal', 'patient score 9434765919.5'],
    ['e-mail addresses and URLs with digits', 'learner 9276308686@example.com and https://x.test/9276308686 are fine'],
  ])('%s', (_name, text) => expect(kinds(text)).toEqual([]));
  it('real-world technical text', () =>
    expect(kinds('Build 1.4.2 (commit 3f9a2b1) failed: ENOENT at line 1024; retry in 3600 seconds. Port 8080, PID 12345, uptime 86400.')).toEqual([]));
});

describe('roster pupils in sensitive context', () => {
  it('finds a full name near a safeguarding word, masking the name', () => {
    const [f] = findSensitiveData(draft({ text: 'Amelia Smith has a child protection plan.' }), s);
    expect(f).toMatchObject({ kind: 'pupil-in-sensitive-context', evidence: 'pupil A. S. near "child protection plan" in body' });
  });
  it('a name alone is not sensitive', () => expect(kinds('Amelia Smith did really well today!')).toEqual([]));
  it('a first name near context is not enough', () => expect(kinds('Amelia has an EHCP review.')).toEqual([]));
  it('context beyond 300 characters does not count', () =>
    expect(kinds(`Amelia Smith did well. ${'x '.repeat(200)} The EHCP meeting is for another child.`)).toEqual([]));
  it.each([
    ['"Surname, Forename"', 'Smith, Amelia - EHCP annual review'],
    ['upper case', 'AMELIA SMITH is on the SEN register'],
    ['a middle name left out', 'Jack Brown was excluded yesterday'],
    ['the full name with middle name', 'Jack Oliver Brown: social worker visit'],
    ['an apostrophe', "Noah O'Neil takes medication at lunch"],
    ['a possessive', "Please find the date for Amelia Smith's EHCP annual review"],
    ['a curly possessive after an apostrophe name', 'Noah O’Neil’s social worker called'],
    ['a hyphenated surname and diacritics', 'Zoë Clarke-Hughes self-harm concern'],
    ['a zero-width space inside the name', 'Amelia Sm\u200bith - CP plan'],
    ['a name split across HTML tags', '<b>Amelia</b> <i>Smith</i> is LAC'],
  ])('matches %s', (_name, text) => expect(kinds(text, text.startsWith('<'))).toEqual(['pupil-in-sensitive-context']));
  it('acronyms count only in capitals ("Sen" is a surname)', () => {
    expect(kinds('Amelia Smith met Mr Sen today.')).toEqual([]);
    expect(kinds('Amelia Smith: SEN support')).toEqual(['pupil-in-sensitive-context']);
  });
  it('does not match a name inside longer words', () => expect(kinds('Amelia Smithson has an EHCP')).toEqual([]));
});

describe('accents in names', () => {
  const accented = settings({ pupils: [{ name: 'Zo\u00eb Smith-Jones' }, { name: 'Renee Dubois' }, { name: 'Ren\u00e9e Martin' }] });
  const found = (text: string): string[] => findSensitiveData(draft({ text }), accented).map((f) => f.kind);
  it.each([
    ['an accented roster name typed without the accent', 'Zoe Smith-Jones now has medication in school'],
    ['without the accent or the hyphen', 'Zoe Smith Jones now has medication in school'],
    ['a plain roster name typed with accents', 'Ren\u00e9e Dubois now has medication in school'],
    ['a decomposed accent (e + combining acute)', 'Rene\u0301e Martin now has medication in school'],
    ['different accents on the same letters', 'R\u00e8n\u00eae Martin now has medication in school'],
  ])('matches %s', (_name, text) => expect(found(text)).toEqual(['pupil-in-sensitive-context']));
  it('folding does not make a different name match ("Rene" is not "Renee")', () =>
    expect(found('Ren\u00e9 Martin now has medication in school')).toEqual([]));
  it('a folded name alone is still not sensitive', () => expect(found('Zoe Smith-Jones did really well today')).toEqual([]));
});

describe('a name split across a line break', () => {
  it.each([
    ['a plain-text wrap', 'We met about Amelia\nSmith today; the social worker will call.'],
    ['a CRLF wrap with a flowed trailing space', 'We met about Amelia \r\nSmith today; the social worker will call.'],
    ['a wrap inside a quoted reply', '> We met about Amelia\n> Smith today; the social\n> worker will call.'],
    ['a wrap inside a reply quoted twice', '>> We met about Amelia\n> > Smith; social worker allocated.'],
    ['a hyphenated surname wrapped at its hyphen', 'Zo\u00eb Clarke-\nHughes has a social worker.'],
    ['a middle name on the next line', 'Jack\nOliver Brown was excluded yesterday.'],
  ])('matches %s', (_name, text) => expect(kinds(text)).toEqual(['pupil-in-sensitive-context']));
  it.each([
    ['spans and a source line break in Outlook HTML', '<span>Amelia</span>\n<span>Smith</span> has a social worker'],
    ['a <br> followed by a source line break', 'Amelia<br>\n   Smith has a social worker'],
  ])('matches %s', (_name, html) => expect(kinds(html, true)).toEqual(['pupil-in-sensitive-context']));

  it('does not join a name across a blank line (a paragraph)', () =>
    expect(kinds('Well done Amelia\n\nSmith family: the social worker visit is moved.')).toEqual([]));
  it('does not join a name across paragraphs in HTML', () =>
    expect(kinds('<p>Well done Amelia</p><p>Smith family: the social worker visit is moved.</p>', true)).toEqual([]));
  it('does not join a name across an HTML heading', () =>
    expect(kinds('<p>Well done Amelia</p><h2>Smith</h2><p>The social worker visit is moved.</p>', true)).toEqual([]));
  it('does not join a name across a change of quote level', () =>
    expect(kinds('Thanks Amelia\n> Smith asked about the social worker visit.')).toEqual([]));
  it('does not join across two line breaks hidden by quote markers', () =>
    expect(kinds('> Well done Amelia\n>\n> Smith family: the social worker visit is moved.')).toEqual([]));
  it('keeps the section rule: a name before a capitals heading does not reach its context', () =>
    expect(kinds('Well done Amelia\nSmith!\n\nSAFEGUARDING\n\nOur safeguarding team is in every day.')).toEqual([]));
});

describe('text a host gives for an attachment', () => {
  const upnIn = (a: DraftAttachment): string[] => findSensitiveData(draft({ attachments: [a] }), s).filter((f) => f.kind === 'upn').map((f) => f.evidence);
  it('reads an HTML file as its text, not its markup', () =>
    expect(upnIn({ name: 'notes.html', contentType: 'text/html', text: '<p>UPN <b>B801</b>200005001</p>' })).toEqual([expect.stringContaining('in notes.html')]));
  it('reads an attached message', () =>
    expect(upnIn({ name: 'forwarded', contentType: 'message/rfc822', text: 'Subject: x\n\nUPN B801200005001' })).toHaveLength(1));
  it("does not trust a host's text for a PDF", () =>
    expect(upnIn({ name: 'review.pdf', contentType: 'application/pdf', text: 'UPN B801200005001' })).toEqual([]));
});

describe('bulk pupil data', () => {
  const csv = [
    'Name,UPN,DOB',
    'Amelia Smith,B801200005001,03/04/2014',
    'Jack Brown,P930012345023,12/11/2013',
    "Noah O'Neil,A123456789012,01/01/2014",
  ].join('\n');
  it('finds a class list CSV attachment', () => {
    const found = findSensitiveData(draft({ attachments: [{ name: 'class.csv', contentType: 'text/csv', text: csv }] }), s);
    expect(found[0]).toMatchObject({ kind: 'bulk-pupil-data', location: 'attachment:class.csv' });
  });
  it('finds pupils with dates of birth even without identifiers', () => {
    const text = 'Amelia Smith 03/04/2014\nJack Brown 12/11/2013\nNoah O\'Neil 01/01/2014';
    expect(kinds(text)).toEqual(['bulk-pupil-data']);
  });
  it('finds a table of pupil data without a roster', () => {
    const table = 'Pupil name,DOB,Year group\nA One,01/02/2014,Y7\nB Two,02/03/2014,Y7\nC Three,03/04/2014,Y8';
    expect(findSensitiveData(draft({ text: table }), settings({ pupils: [] })).map((f) => f.kind)).toEqual(['bulk-pupil-data']);
  });
  it('a list of names without personal data is not bulk', () =>
    expect(kinds('Well done to Amelia Smith, Jack Brown and Noah O\'Neil for their certificates!')).toEqual([]));
  describe('a table beside a list of names', () => {
    const six = ['Kayden Obrien', 'Skye Jenkins', 'Lacey Doyle', 'Dylan Fletcher', 'Reece Holloway', 'Brandon Pike'];
    const roster = settings({ pupils: six.map((name) => ({ name })) });
    const found = (text: string): string[] => findSensitiveData(draft({ text }), roster).map((f) => f.kind);
    // A trip's timetable carries the coach driver's mobile: a table with a phone column, but not the pupils'.
    const timetable = 'Time\tWhat\n06:45\tMeet at school\n07:00\tCoach departs (driver 07700 900318)\n15:30\tCoach returns';
    it("does not lend a timetable's columns to the groups listed under it", () =>
      expect(found(`${timetable}\nGroup 1 (Miss Lal)\n${six.slice(0, 3).join('\n')}\nGroup 2 (Mr Grant)\n${six.slice(3).join('\n')}`)).toEqual([]));
    it('still counts the pupils in a table whose own column holds their phone numbers', () =>
      expect(found(`Name\tPhone\n${six.map((n, i) => `${n}\t07700 90031${i}`).join('\n')}`)).toEqual(['bulk-pupil-data']));
  });
  describe('pupils each written beside an identifier of their own', () => {
    const six = ['Kayden Obrien', 'Skye Jenkins', 'Lacey Doyle', 'Dylan Fletcher', 'Reece Holloway', 'Brandon Pike'];
    const roster = settings({ pupils: six.map((name) => ({ name })) });
    const found = (text: string): string[] => findSensitiveData(draft({ text }), roster).map((f) => f.kind);
    const address = (name: string): string => `${name.toLowerCase().replace(' ', '.')}@pupils.school.example.org.uk`;

    it('counts a list of pupils with their e-mail addresses', () =>
      expect(found(`Please create accounts for:\n${six.map((n) => `${n} <${address(n)}>`).join('\n')}`)).toEqual(['bulk-pupil-data']));
    it('counts addresses written before the names, all on one line', () =>
      expect(found(six.slice(0, 3).map((n) => `${address(n)} (${n})`).join(', '))).toEqual(['bulk-pupil-data']));
    it('counts pupils with their postcodes', () =>
      expect(found('Kayden Obrien, WA1 2AP\nSkye Jenkins, WA2 7QR\nLacey Doyle, SW1A 1AA')).toEqual(['bulk-pupil-data']));
    it('needs at least three pupils', () =>
      expect(found(six.slice(0, 2).map((n) => `${n} <${address(n)}>`).join('\n'))).toEqual([]));
    it('names alone are not a list of personal data', () =>
      expect(found(`Well done to ${six.slice(0, 5).join(', ')} and ${six[5] ?? ''} for their certificates!`)).toEqual([]));
    it('one contact address beside a list of names pairs with one pupil at most', () =>
      expect(found(`Well done to ${six.join(', ')} - photos from office@school.example.org.uk or call WA1 2AP`)).toEqual([]));
    it('an identifier on another line belongs to no pupil', () =>
      expect(found(`Team: ${six.slice(0, 3).join(', ')}\nQuestions to office@school.example.org.uk\nsports@school.example.org.uk\ncoach@bus.example.com`)).toEqual([]));
  });
  it('reads a table with CRLF line endings and blank lines between rows', () => {
    const table = 'Pupil name\tDOB\r\n\r\nA One\t01/02/2014\r\nB Two\t02/03/2014\r\n\r\nC Three\t03/04/2014\r\n';
    expect(findSensitiveData(draft({ text: table }), settings({ pupils: [] })).map((f) => f.evidence)).toEqual(['list of 3 rows of pupil data in body']);
  });
  it('two rows under a pupil-data header are not yet a table', () =>
    expect(findSensitiveData(draft({ text: 'Pupil name,DOB\nA One,01/02/2014\nB Two,02/03/2014' }), settings({ pupils: [] }))).toEqual([]));
  it('a table of products is not pupil data', () =>
    expect(kinds('Item,Price,Qty\nPens,1.20,4\nPaper,3.50,2\nGlue,0.99,1')).toEqual([]));
  it('caps individual findings and reports the list once', () => {
    const rows = Array.from({ length: 40 }, () => 'ULN 9276308686, 1234567007, 1234567015, 1234567023').join('\n');
    const found = findSensitiveData(draft({ text: rows }), s);
    expect(found[0]?.kind).toBe('bulk-pupil-data');
    expect(found.length).toBeLessThanOrEqual(11);
  });
});

describe('scanIdentifiers', () => {
  it('takes each group of a space-separated row on its own', () =>
    expect(scanIdentifiers('9276308686 1234567007').map((m) => m.value)).toEqual(['9276308686', '1234567007']));
  // A quadratic scan takes minutes here, so the timeout catches it; the bench reports the time.
  it('finds nothing in a 5 MB run of digits, in one pass', { timeout: 30_000 }, () => {
    expect(scanIdentifiers('1'.repeat(5_000_000))).toEqual([]);
  });
});

describe('boilerplate is not context', () => {
  it('ignores the safeguarding footer and job titles in a signature', () =>
    expect(kinds([
      'Amelia Smith won the art prize today!',
      'Kind regards, Ms Jones, SENCo and Designated Safeguarding Lead',
      'Wells AP Kinsley is committed to safeguarding and promoting the welfare of children.',
    ].join('\n'))).toEqual([]));
  it("ignores an e-mail disclaimer that says it may contain safeguarding information", () =>
    expect(kinds([
      'Mason O\'Connor was on fire in the relay today!',
      '',
      '--',
      'This email and any attachments are confidential and may contain safeguarding or personal information. If you have received it in error please tell the sender.',
    ].join('\n'))).toEqual([]));
  it('still reads a sentence after the disclaimer', () =>
    expect(kinds('This email is confidential. Amelia Smith disclosed domestic abuse at lunch.')).toEqual(['pupil-in-sensitive-context']));
  it('"send" as a verb is not SEND', () => expect(kinds('Could you send me Amelia Smith\'s reading book?')).toEqual([]));
  it('still counts the same words when they are about the pupil', () =>
    expect(kinds('Amelia Smith: safeguarding concern logged. Kind regards, Ms Jones, Designated Safeguarding Lead')).toEqual(['pupil-in-sensitive-context']));
});

describe('a signature block is not context', () => {
  const signature = 'Thanks,\n\nJoy Okafor\nDeputy Head & Designated Safeguarding Lead (child protection)\nSafeguarding concerns out of hours: 0300 123 4567';
  it('ignores safeguarding words in the sender\'s title and helpline', () =>
    expect(kinds(`Can you confirm Amelia Smith's parents' evening slot at 4.10pm?\n\n${signature}`)).toEqual([]));
  it('ignores them after a "-- " separator', () =>
    expect(kinds('Well done Amelia Smith!\n-- \nJoy Okafor\nLead for child protection and medical needs')).toEqual([]));
  it('ignores them in an Outlook HTML signature', () =>
    expect(kinds('<p>Well done Amelia Smith!</p><p>Kind regards</p><p>Joy Okafor</p><p>DSL (child protection)</p>', true)).toEqual([]));

  it('still counts context above the signature', () =>
    expect(kinds(`Amelia Smith now has a social worker.\n\n${signature}`)).toEqual(['pupil-in-sensitive-context']));
  it('still reads forwarded history below the signature', () => {
    const [f] = findSensitiveData(draft({ text: `FYI\n\n${signature}\n\n-----Original Message-----\nFrom: Sam Lee\nAmelia Smith disclosed neglect today.` }), s);
    expect(f?.evidence).toBe('pupil A. S. near "disclosed" in body');
  });
  it('still reads a quoted reply below the signature', () =>
    expect(kinds('Noted.\n\nKind regards\nJoy Okafor\nDSL\n\n> Amelia Smith has a social worker from Monday.')).toEqual(['pupil-in-sensitive-context']));
  it('a postscript after the signature counts', () =>
    expect(kinds('Well done Amelia Smith!\n\nThanks,\nJoy\nPS her social worker is visiting on Monday.')).toEqual(['pupil-in-sensitive-context']));
  it('a "signature" that names the pupil counts', () =>
    expect(kinds('See you at 3.\n\nThanks, Joy\nre Amelia Smith - social worker visit')).toEqual(['pupil-in-sensitive-context']));
  it('"Thanks!" followed by prose is not a signature', () =>
    expect(kinds('Amelia Smith did well today.\nThanks!\nShe has a social worker now so please keep an eye on her at lunch.')).toEqual(['pupil-in-sensitive-context']));
});

describe('context belongs to the pupil\'s own section', () => {
  const withJones = settings({ pupils: [{ name: 'Amelia Jones' }, { name: 'Jack Oliver Brown' }] });
  const found = (text: string, html = false): string[] =>
    findSensitiveData(draft(html ? { html: text } : { text }), withJones).map((f) => f.kind);
  const signposting = 'If you are worried about a child, contact our Designated Safeguarding Lead on 01632 960412 or the MASH on 0300 123 4567.';

  it('fires on context in the same line as the name', () =>
    expect(found('Amelia Jones \u2014 safeguarding concern raised today')).toEqual(['pupil-in-sensitive-context']));
  it('fires on context in the next paragraph of the same section', () =>
    expect(found('Re: Amelia Jones (Year 8)\n\nFollowing a disclosure this morning we are making a referral.')).toEqual(['pupil-in-sensitive-context']));
  it('fires when the name is in the heading of the section that holds the context', () =>
    expect(found('<h2>Amelia Jones</h2><p>She has been excluded for three days.</p>', true)).toEqual(['pupil-in-sensitive-context']));
  it('does not carry context across an HTML heading', () =>
    expect(found('<h2>Celebrations</h2><p>Well done Amelia Jones!</p><h2>Safeguarding</h2><p>Our DSL is in school every day.</p>', true)).toEqual([]));
  it('does not carry context back across an HTML heading either', () =>
    expect(found('<h2>Safeguarding</h2><p>Remember to log every concern.</p><h2>Celebrations</h2><p>Well done Amelia Jones!</p>', true)).toEqual([]));
  it('does not carry context across a heading in capitals in plain text', () =>
    expect(found('Well done to Amelia Jones for her bronze award.\n\nSAFEGUARDING\n\nOur safeguarding team is here every day.')).toEqual([]));
  it('does not carry context across a Markdown heading', () =>
    expect(found('Well done to Amelia Jones.\n\n## Safeguarding\n\nOur safeguarding team is here every day.')).toEqual([]));
  it('a capitals line without a blank line before it is not a heading', () =>
    expect(found('Amelia Jones\nEHCP REVIEW NOTES\nMeeting held today.')).toEqual(['pupil-in-sensitive-context']));
  it('ignores generic signposting in a separate paragraph', () =>
    expect(found(`Congratulations to Amelia Jones on her bronze award.\n\n${signposting}`)).toEqual([]));
  it('ignores generic signposting even in the same paragraph', () =>
    expect(found(`Congratulations to Amelia Jones on her award. ${signposting}`)).toEqual([]));
  it('ignores benefit signposting', () => {
    expect(found('Well done Amelia Jones! Free school meals: check your eligibility at county.example.gov.uk/fsm.')).toEqual([]);
    expect(found('Well done Amelia Jones! You may be eligible for free school meals.')).toEqual([]);
  });
  it('still fires when the worry is about the named pupil', () =>
    expect(found('If you are worried about Amelia Jones\'s self-harm, call me.')).toEqual(['pupil-in-sensitive-context']));
  it('still fires when the pupil\'s own context sits beside the signposting', () =>
    expect(found(`Amelia Jones has a child protection plan. ${signposting}`)).toEqual(['pupil-in-sensitive-context']));
  it('still fires on a pupil\'s free school meals', () =>
    expect(found('Amelia Jones is eligible for free school meals from Monday.')).toEqual(['pupil-in-sensitive-context']));
});

describe('everyday words that look like context', () => {
  it.each([
    'Amelia Smith looked after the class hamster this week.',
    'We want to foster a love of reading in Amelia Smith.',
    'Amelia Smith finished the prescribed reading early.',
    'Amelia Smith was brilliant on the netball court.',
    'Could you send Amelia Smith home with her PE kit?',
  ])('%s', (text) => expect(kinds(text)).toEqual([]));
  it('still finds the formal phrases', () => {
    expect(kinds('Amelia Smith is looked after now (placement changed).')).toEqual(['pupil-in-sensitive-context']);
    expect(kinds('Amelia Smith lives with her foster carer.')).toEqual(['pupil-in-sensitive-context']);
  });
});

// The engine's regular expressions avoid lookbehind and \p{…} (classic Outlook's
// runtime is ES2017): these pin the boundaries the rewritten forms must keep.
describe('word boundaries without lookbehind', () => {
  it('counts a context word at the very start of the text', () =>
    expect(kinds('EHCP review: Amelia Smith')).toEqual(['pupil-in-sensitive-context']));
  it('counts a context word right after punctuation and names it in the evidence', () =>
    expect(findSensitiveData(draft({ text: 'Amelia Smith (safeguarding)' }), s)[0]?.evidence).toBe('pupil A. S. near "safeguarding" in body'));
  it('does not count a context word glued to letters or digits before it', () => {
    expect(kinds('Amelia Smith: XSEN 2SEN')).toEqual([]);
    expect(kinds('Amelia Smith nonsafeguarding')).toEqual([]);
  });
  it('finds a keyword at the start of the text but not inside a longer word', () => {
    expect(kinds('ULN 9276308686')).toEqual(['uln']);
    expect(kinds('ReULN 9276308686')).toEqual([]);
  });
  it('reads a date of birth at the start of a line but not one glued to more digits', () => {
    const roster = 'Amelia Smith\nJack Brown\nNoah O\'Neil\n';
    expect(kinds(`03/04/2014\n04/05/2014\n${roster}`)).toEqual(['bulk-pupil-data']);
    expect(kinds(`103/04/2014\n104/05/2014\n${roster}`)).toEqual([]);
  });
  it.each([
    ['Cyrillic', 'Олег Петров'],
    ['Greek', 'Ζωή Παπαδοπούλου'],
    ['a decomposed accent', 'Jose\u0301 Garci\u0301a'],
    ['Arabic', 'محمد علي'],
  ])('matches a %s roster name', (_script, name) =>
    expect(findSensitiveData(draft({ text: `${name} has an EHCP` }), settings({ pupils: [{ name }] })).map((f) => f.kind))
      .toEqual(['pupil-in-sensitive-context']));
});

describe('names as staff write them', () => {
  const roster = settings({
    pupils: [
      { name: 'Amelia Smith' },
      { name: 'Jack Oliver Brown' },
      { name: 'Oluwaseun Adeyemi', preferredName: 'Seun' },
      { name: 'Mohammed Ali Khan', preferredName: 'Mo Khan' },
    ],
  });
  const found = (text: string): string[] => findSensitiveData(draft({ text }), roster).map((f) => f.evidence);
  it.each([
    ['a middle name the roster does not hold', 'Amelia Rose Smith has a social worker.', 'A. S.'],
    ['two middle names', 'Amelia Rose Jane Smith has a social worker.', 'A. S.'],
    ['a middle initial with a full stop', 'Amelia R. Smith has a social worker.', 'A. S.'],
    ['a middle initial without one', 'Amelia R Smith has a social worker.', 'A. S.'],
    ['an initial for the roster\'s own middle name', 'Jack O. Brown has a social worker.', 'J. O. B.'],
    ['"SURNAME Forename" as registers print it', 'SMITH Amelia - EHCP annual review', 'A. S.'],
    ['a preferred forename with the surname', 'Seun Adeyemi has an EHCP.', 'O. A.'],
    ['a preferred forename, surname first', 'Adeyemi, Seun - EHCP', 'O. A.'],
    ['a preferred full name', 'Mo Khan has an EHCP.', 'M. A. K.'],
  ])('finds %s', (_name, text, initials) => expect(found(text)).toEqual([`pupil ${initials} near "${text.match(/social worker|EHCP/)?.[0] ?? ''}" in body`]));
  it.each([
    ['a lower-case word between the names', 'Amelia and Smith spoke to the social worker.'],
    ['a capitalised word across a full stop', 'Well done Amelia. Smith family: the social worker called.'],
    ['a surname first without a comma in normal case', 'Smith Amelia - EHCP annual review'],
    ['three words between the names', 'Amelia Rose Jane Ann Smith has a social worker.'],
    ['the preferred forename alone', 'Seun has an EHCP.'],
  ])('does not take %s as the pupil', (_name, text) => expect(found(text)).toEqual([]));
});

describe('a pupil named in an attachment\'s file name', () => {
  const file = (name: string): DraftAttachment => ({ name, contentType: 'application/pdf', size: 20_000 });
  const found = (text: string, ...names: string[]): string[] =>
    findSensitiveData(draft({ text, attachments: names.map(file) }), s).map((f) => `${f.kind} ${f.evidence}`);
  it('counts the forename in the message beside context', () =>
    expect(found('Attached is Amelia\'s diagnosis letter from the paediatrician.', 'Amelia_Smith_letter.pdf'))
      .toEqual(['pupil-in-sensitive-context pupil A. S. near "diagnosis" in body']));
  it('reads file names in either order, in camel case and in lower case', () => {
    expect(found('Amelia\'s diagnosis letter attached.', 'SmithAmelia.pdf')).toHaveLength(1);
    expect(found('Amelia\'s diagnosis letter attached.', 'smith-amelia.pdf')).toHaveLength(1);
  });
  it('counts context in the file name itself', () =>
    expect(found('Please see attached.', 'Amelia_Smith_EHCP_draft.docx'))
      .toEqual(['pupil-in-sensitive-context pupil A. S. near "EHCP" in the name of Amelia_Smith_EHCP_draft.docx']));
  it('needs the forename: context alone beside a named file is not enough', () =>
    expect(found('Please find the diagnosis letter attached.', 'Amelia_Smith_letter.pdf')).toEqual([]));
  it('does not take a forename alone when no file names the pupil', () =>
    expect(found('Amelia\'s diagnosis letter attached.', 'letter.pdf')).toEqual([]));
  it('does not take a forename two named files share', () => {
    const two = settings({ pupils: [{ name: 'Amelia Smith' }, { name: 'Amelia Jones' }] });
    const d = draft({ text: 'Amelia\'s diagnosis letter attached.', attachments: [file('Amelia_Smith.pdf'), file('Amelia_Jones.pdf')] });
    expect(findSensitiveData(d, two)).toEqual([]);
  });
  it('counts the forename only written with a capital', () =>
    expect(found('the amelia diagnosis letter attached.', 'Amelia_Smith_letter.pdf')).toEqual([]));
});

describe('tables are judged by their columns', () => {
  const csv = (rows: string[]): DraftAttachment => ({ name: 'list.csv', contentType: 'text/csv', text: rows.join('\n') });
  const names = ['Amelia Smith', 'Jack Brown', "Noah O'Neil", 'Zoë Clarke-Hughes'];
  const kinds = (rows: string[], who = s): string[] => findSensitiveData(draft({ attachments: [csv(rows)] }), who).map((f) => f.kind);
  it.each([
    ['kit sizes and award titles', ['Name,Kit size,Award', ...names.map((n, i) => `${n},${['S', 'M', 'L', 'XL'][i]},Star of the Week`)]],
    ['form and trip consent', ['Name,Form,Consent', ...names.map((n) => `${n},9K,Yes`)]],
    ['an award whose title holds a context phrase', ['Name,Award', ...names.map((n) => `${n},Mental Health Champion`)]],
    ['the date of an award', ['Name,Award,Date', ...names.map((n, i) => `${n},Reading,0${i + 1}/03/2026`)]],
    ['quoted "Surname, Forename" cells', ['"Name","Team"', '"Smith, Amelia","Red"', '"Brown, Jack","Blue"', '"O\'Neil, Noah","Red"']],
  ])('a list of pupils with %s is not bulk pupil data', (_name, rows) => expect(kinds(rows)).toEqual([]));
  it.each([
    ['a heading of personal data', ['Name,Form,Medical', ...names.map((n) => `${n},9K,`)]],
    ['a column of SEN needs under a neutral heading', ['Name,Notes', ...names.map((n, i) => `${n},${['SEMH', 'none', 'EHCP', 'none'][i]}`)]],
    ['dates under a date-of-birth heading', ['Name,DOB', ...names.map((n, i) => `${n},0${i + 1}/03/2014`)]],
    ['dates in a list without a heading row', names.map((n, i) => `${n}\t0${i + 1}/03/2014\tY9`)],
    ['parents\' phone numbers', ['Name,Parent phone', ...names.map((n) => `${n},07700 900123`)]],
  ])('a list of pupils with %s is bulk pupil data', (_name, rows) => expect(kinds(rows)).toContain('bulk-pupil-data'));
  it('finds the table below a greeting that has a comma', () => {
    const html = `<p>Hi Gareth, here's the list for Tuesday:</p><table><tr><td>Name</td><td>Date of birth</td><td>Address</td></tr>${
      names.map((n, i) => `<tr><td>${n}</td><td>0${i + 1}/02/2011</td><td>${i + 1} Ash Grove, Kinsley</td></tr>`).join('')}</table>`;
    expect(findSensitiveData(draft({ html }), s).map((f) => f.kind)).toContain('bulk-pupil-data');
  });
  it('still reads dates of birth written as lines under a table', () => {
    const text = `Item,Qty\nPens,4\nPaper,2\nGlue,1\n\n${names.slice(0, 3).map((n, i) => `${n} 0${i + 1}/04/2014`).join('\n')}`;
    expect(findSensitiveData(draft({ text }), s).map((f) => f.kind)).toContain('bulk-pupil-data');
  });
});
