import { describe, expect, it } from 'vitest';
import { checkDraft, MAX_MESSAGE_LENGTH } from '../check';
import { CLAUSES } from '../../policy/clauses';
import type { Decision, Draft } from '../types';
import type { ResolvedSettings } from '../settings';
import { hashContactEmail } from '../settings';
import { EVENING, LABEL, PUPILS, SCHOOL, SCHOOL_HOURS, draft, settings, to } from './factories';

const SENSITIVE = 'Amelia Smith has an EHCP review on Monday. UPN B801200005001.';
const check = (d: Draft, s: ResolvedSettings = settings(), now = SCHOOL_HOURS): Decision => checkDraft(d, { now, settings: s });
const codes = (d: Decision): string[] => d.reasons.map((r) => r.code);

describe('sensitive-unencrypted', () => {
  it('fires for sensitive data to an outside recipient, unprotected', () => {
    const d = check(draft({ text: SENSITIVE, recipients: to('senco@council.example.gov.uk') }));
    expect(codes(d)).toEqual(['sensitive-unencrypted']);
    expect(d.reasons[0]?.clause).toEqual(CLAUSES.emailSecurity);
    expect(d.verdict).toBe('warn');
    expect(d.fixes).toEqual([{ kind: 'apply-label', labelId: LABEL }, { kind: 'add-subject-tag', tag: '[secure]' }]);
  });
  it('fires when only a cc or bcc recipient is outside', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: [{ email: `head@${SCHOOL}`, field: 'to' }, { email: 'x@other.org', field: 'bcc' }] })))).toEqual(['sensitive-unencrypted']));
  it('never fires for mail inside the school and pupil domains', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: to(`head@${SCHOOL}`, `a.smith@${PUPILS}`) })))).toEqual([]));
  it('treats subdomains of a school domain as inside', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: to(`head@staff.${SCHOOL}`) })))).toEqual([]));
  it('does not fire without sensitive data', () =>
    expect(codes(check(draft({ text: 'Amelia Smith did really well today', recipients: to('x@other.org') })))).toEqual([]));
  it('does not fire with an encrypting label', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: to('x@other.org'), sensitivityLabelId: LABEL.toUpperCase() })))).toEqual([]));
  it('still fires with a label that does not encrypt ("General")', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: to('x@other.org'), sensitivityLabelId: 'general-label-id' })))).toEqual(['sensitive-unencrypted']));
  it('does not fire with a subject tag, in any case', () =>
    expect(codes(check(draft({ text: SENSITIVE, subject: 'Review [SECURE]', recipients: to('x@other.org') })))).toEqual([]));
  it('does not fire with S/MIME encryption', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: to('x@other.org'), smimeEncrypted: true })))).toEqual([]));
  it('uses the sender\'s domain as the school when none is configured', () => {
    const s = settings({ schoolDomains: [] });
    expect(codes(check(draft({ text: SENSITIVE, recipients: to(`head@${SCHOOL}`) }), s))).toEqual([]);
    expect(codes(check(draft({ text: SENSITIVE, recipients: to('x@other.org') }), s))).toEqual(['sensitive-unencrypted']);
  });
  it('offers only the fixes that are configured', () => {
    const s = settings({ encryption: { subjectTags: ['[encrypt]'] } });
    expect(check(draft({ text: SENSITIVE, recipients: to('x@other.org') }), s).fixes).toEqual([{ kind: 'add-subject-tag', tag: '[encrypt]' }]);
  });
  describe('a message addressed to the pupil at their own address', () => {
    const NEEDS = 'Hi Amelia, your access arrangements for the mocks: 25% extra time and rest breaks for your epilepsy.';
    const pupilAndMum = [{ email: `a.smith@${PUPILS}`, field: 'to' as const }, { email: 'mum.smith@gmail.com', field: 'cc' as const }];
    it('reads "Hi Amelia" and "your" as the pupil, so a parent in Cc makes it leave the school', () =>
      expect(codes(check(draft({ text: NEEDS, recipients: pupilAndMum })))).toEqual(['sensitive-unencrypted']));
    it('reads "your" as the pupil without a greeting too', () =>
      expect(codes(check(draft({ text: 'Your epilepsy care plan is attached.', recipients: pupilAndMum })))).toEqual(['sensitive-unencrypted']));
    it('reads "your" as the reader when the parent is the one addressed', () =>
      expect(codes(check(draft({ text: 'So sorry your epilepsy has flared up again; I hope you feel better soon.', recipients: to('mum.smith@gmail.com') })))).toEqual([]));
    it('names no one when the To line holds two pupils, or only the pupil domain', () => {
      const s = settings({ pupils: [{ name: 'Amelia Smith', email: `a.smith@${PUPILS}` }, { name: 'Jack Brown', email: `j.brown@${PUPILS}` }] });
      const two = [...to(`a.smith@${PUPILS}`, `j.brown@${PUPILS}`), { email: 'x@other.org', field: 'cc' as const }];
      expect(codes(check(draft({ text: 'Your epilepsy care plan is attached.', recipients: two }), s))).toEqual([]);
      expect(codes(check(draft({ text: 'Your epilepsy care plan is attached.', recipients: [...to(`z.unknown@${PUPILS}`), { email: 'x@other.org', field: 'cc' }] }), s))).toEqual([]);
    });
  });
  it('tells the user the masked evidence and the fix, in at most 500 characters', () => {
    const { message } = check(draft({ text: SENSITIVE, recipients: to('x@other.org') })).reasons[0]!;
    expect(message).toContain('UPN B80…001 in body');
    expect(message).toContain('[secure]');
    expect(message).not.toContain('B801200005001');
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });
});

describe('outside-hours', () => {
  it('fires for a parent contact in the evening, with a schedule fix for 08:00 next day', () => {
    const d = check(draft({ recipients: to('Parent@Example.com') }), settings(), EVENING);
    expect(codes(d)).toEqual(['outside-hours']);
    expect(d.reasons[0]?.clause).toEqual(CLAUSES.contactHours);
    expect(d.fixes).toEqual([{ kind: 'schedule', at: new Date('2026-11-27T08:00:00Z') }]);
    expect(d.reasons[0]?.message).toContain('19:10');
    expect(d.reasons[0]?.message).toContain('Fri 27/11/2026 08:00');
  });
  it('fires for a pupil-domain address and for a roster pupil\'s address', () => {
    expect(codes(check(draft({ recipients: to(`someone@${PUPILS}`) }), settings(), EVENING))).toEqual(['outside-hours']);
    const s = settings({ pupilDomains: [] });
    expect(codes(check(draft({ recipients: to(`a.smith@${PUPILS}`) }), s, EVENING))).toEqual(['outside-hours']);
  });
  it('recognises parents given only as hashes', () => {
    const s = settings({ parentContacts: [], parentContactHashes: [hashContactEmail('carer@example.net')] });
    expect(codes(check(draft({ recipients: to('CARER@example.net') }), s, EVENING))).toEqual(['outside-hours']);
  });
  it('recognises pupils given only as hashes of their own addresses', () => {
    const s = settings({ pupilDomains: [], pupils: [{ name: 'Pat Jones' }], pupilEmailHashes: [hashContactEmail('pat.home@example.net')] });
    expect(codes(check(draft({ recipients: to('Pat.Home@example.net') }), s, EVENING))).toEqual(['outside-hours']);
    expect(codes(check(draft({ recipients: to('someone.else@example.net') }), s, EVENING))).toEqual([]);
  });
  it('still recognises a pupil address given in clear, by its hash', () => {
    const s = settings({ pupilDomains: [], pupils: [{ name: 'Pat Jones', email: 'pat.home@example.net' }] });
    expect(s.pupilEmailHashes).toEqual([hashContactEmail('pat.home@example.net')]);
    expect(codes(check(draft({ recipients: to('pat.home@example.net') }), s, EVENING))).toEqual(['outside-hours']);
  });
  it('never fires for staff-only mail', () =>
    expect(codes(check(draft({ recipients: to(`head@${SCHOOL}`, 'x@other.org') }), settings(), EVENING))).toEqual([]));
  it('does not fire within hours', () => expect(codes(check(draft({ recipients: to('parent@example.com') })))).toEqual([]));
  it('uses the scheduled delivery time rather than the send time', () => {
    const scheduledMorning = draft({ recipients: to('parent@example.com'), scheduledDelivery: new Date('2026-11-27T08:00:00Z') });
    expect(codes(check(scheduledMorning, settings(), EVENING))).toEqual([]);
    const scheduledNight = draft({ recipients: to('parent@example.com'), scheduledDelivery: new Date('2026-11-27T22:00:00Z') });
    const d = check(scheduledNight, settings(), SCHOOL_HOURS);
    expect(codes(d)).toEqual(['outside-hours']);
    expect(d.fixes).toEqual([{ kind: 'schedule', at: new Date('2026-11-28T08:00:00Z') }]);
    expect(d.reasons[0]?.message).toContain('is scheduled to arrive at Fri 27/11/2026 22:00');
  });
  it('honours configured days', () => {
    const s = settings({ days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] });
    const saturdayNoon = new Date('2026-11-28T12:00:00Z');
    const d = check(draft({ recipients: to('parent@example.com') }), s, saturdayNoon);
    expect(codes(d)).toEqual(['outside-hours']);
    expect(d.fixes).toEqual([{ kind: 'schedule', at: new Date('2026-11-30T08:00:00Z') }]);
  });
});

describe('personal-webmail', () => {
  it('blocks sensitive data to a personal webmail address and suggests removing it', () => {
    const d = check(draft({ text: SENSITIVE, recipients: to('teacher.home@gmail.com') }));
    expect(codes(d)).toEqual(['sensitive-unencrypted', 'personal-webmail']);
    expect(d.verdict).toBe('block');
    expect(d.reasons[1]?.clause).toEqual(CLAUSES.removingSensitive);
    expect(d.fixes.at(-1)).toEqual({ kind: 'remove-recipient', email: 'teacher.home@gmail.com', reason: 'personal-webmail' });
  });
  it('fires even when the message is encrypted', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: to('x@hotmail.co.uk'), sensitivityLabelId: LABEL })))).toEqual(['personal-webmail']));
  it.each(['a@googlemail.com', 'a@hotmail.fr', 'a@live.ie', 'a@yahoo.co.in', 'a@icloud.com', 'a@btinternet.com', 'a@sky.com', 'a@proton.me', 'a@outlook.com'])(
    'covers %s', (email) => expect(codes(check(draft({ text: SENSITIVE, recipients: to(email), smimeEncrypted: true })))).toEqual(['personal-webmail']));
  it('does not fire for a known parent contact on webmail', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: to('mum.smith@gmail.com'), smimeEncrypted: true })))).toEqual([]));
  it('does not fire without sensitive data', () =>
    expect(codes(check(draft({ text: 'See you at the fair', recipients: to('a@gmail.com') })))).toEqual([]));
  it('covers domains added in settings', () => {
    const s = settings({ webmailDomains: ['homemail.example'] });
    expect(codes(check(draft({ text: SENSITIVE, recipients: to('a@homemail.example'), smimeEncrypted: true }), s))).toEqual(['personal-webmail']);
  });
  it('does not treat a school-like domain containing a provider name as webmail', () =>
    expect(codes(check(draft({ text: SENSITIVE, recipients: to('a@gmail.school.example.org.uk'), smimeEncrypted: true })))).toEqual([]));
});

describe('severities and verdict', () => {
  it('allows a harmless draft', () => expect(check(draft())).toEqual({ verdict: 'allow', reasons: [], findings: [], fixes: [], attachments: [] }));
  it('the verdict is the most severe reason', () => {
    const s = settings({ severities: { 'personal-webmail': 'warn', 'outside-hours': 'block' } });
    const d = check(draft({ text: SENSITIVE, recipients: to('x@gmail.com') }), s);
    expect(d.reasons.map((r) => r.severity)).toEqual(['warn', 'warn']);
    expect(d.verdict).toBe('warn');
    expect(check(draft({ recipients: to('parent@example.com') }), s, EVENING).verdict).toBe('block');
  });
  it('"off" removes a reason and its fixes', () => {
    const s = settings({ severities: { 'sensitive-unencrypted': 'off' } });
    const d = check(draft({ text: SENSITIVE, recipients: to('x@other.org') }), s);
    expect(d).toMatchObject({ verdict: 'allow', reasons: [], fixes: [] });
  });
  it('lists reasons and fixes in a fixed order', () => {
    const d = check(draft({ text: SENSITIVE, recipients: to('b@gmail.com', 'a@yahoo.com', 'parent@example.com') }), settings(), EVENING);
    // Two personal addresses and a parent, all in To: they also see each other.
    expect(codes(d)).toEqual(['sensitive-unencrypted', 'outside-hours', 'personal-webmail', 'recipients-exposed']);
    expect(d.fixes.map((f) => f.kind)).toEqual(['apply-label', 'add-subject-tag', 'schedule', 'remove-recipient', 'remove-recipient', 'move-to-bcc']);
    expect(d.fixes.slice(3, 5).map((f) => (f.kind === 'remove-recipient' ? f.email : ''))).toEqual(['b@gmail.com', 'a@yahoo.com']);
  });
  it('keeps every message within 500 characters, even with many recipients and findings', () => {
    const many = to(...Array.from({ length: 50 }, (_, i) => `very.long.recipient.address.${i}@gmail.com`), 'parent@example.com');
    const d = check(draft({ text: `${SENSITIVE} ULN 9276308686 NHS 9434765919`, recipients: many }), settings(), EVENING);
    expect(d.reasons).toHaveLength(4);
    for (const r of d.reasons) expect(r.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });
  it('does not read the clock: the same draft and time give the same decision', () => {
    const d = draft({ recipients: to('parent@example.com') });
    expect(check(d, settings(), EVENING)).toEqual(check(d, settings(), EVENING));
  });
});

describe('reason summaries', () => {
  it('give each reason in at most 200 characters, ending with its fix', () => {
    const d = check(draft({ text: SENSITIVE, recipients: to('b@gmail.com', 'a@yahoo.com', 'parent@example.com') }), settings(), EVENING);
    const byCode = Object.fromEntries(d.reasons.map((r) => [r.code, r.summary]));
    for (const r of d.reasons) expect(r.summary.length).toBeLessThanOrEqual(200);
    expect(byCode['sensitive-unencrypted']).toMatch(/Before sending, apply the encrypting sensitivity label or add \[secure\] to the subject\.$/);
    expect(byCode['outside-hours']).toMatch(/Schedule it for .+ 08:00 instead\.$/);
    expect(byCode['personal-webmail']).toBe('Pupil data must not go to a personal webmail address (b@gmail.com and 1 more), even encrypted. Remove them.');
  });
});

describe('wrong-recipient', () => {
  // Two families: Amelia Smith's (two parents) and Jack Oliver Brown's; one parent of both Noah and Zoë (siblings).
  const families = settings({
    parentContacts: [
      { email: 'parent@example.com', pupil: 'Amelia Smith' }, { email: 'mum.smith@gmail.com', pupil: 'Amelia Smith' },
      { email: 'dad.brown@outlook.com', pupil: 'Jack Oliver Brown' },
      { email: 'carer@example.net', pupil: "Noah O'Neil" }, { email: 'carer@example.net', pupil: 'Zoë Clarke-Hughes' },
    ],
  });
  const ABOUT_AMELIA = 'Amelia Smith has an EHCP review on Monday.';

  it('fires when data about one pupil goes to another family, naming both, with only the remove fix for them', () => {
    const d = check(draft({ text: ABOUT_AMELIA, recipients: to('dad.brown@outlook.com') }), families);
    expect(codes(d)).toEqual(['sensitive-unencrypted', 'wrong-recipient']);
    const reason = d.reasons.find((r) => r.code === 'wrong-recipient')!;
    expect(reason.message).toContain('about Amelia Smith');
    expect(reason.message).toContain('dad.brown@outlook.com is recorded in the MIS as a parent or carer of Jack Oliver Brown');
    expect(reason.clause).toEqual(CLAUSES.responsibleForEmail);
    expect(reason.summary.length).toBeLessThanOrEqual(200);
    expect(d.fixes).toContainEqual({ kind: 'remove-recipient', email: 'dad.brown@outlook.com', reason: 'wrong-recipient' });
  });
  it('is not cleared by encryption: the wrong family can read it', () => {
    const d = check(draft({ text: ABOUT_AMELIA, recipients: to('dad.brown@outlook.com'), sensitivityLabelId: LABEL }), families);
    expect(codes(d)).toEqual(['wrong-recipient']);
    expect(d.verdict).toBe('warn');
  });
  it("never fires for the pupil's own parent or carer", () => {
    expect(codes(check(draft({ text: ABOUT_AMELIA, recipients: to('parent@example.com', 'mum.smith@gmail.com') }), families))).toEqual(['sensitive-unencrypted']);
  });
  it('treats a parent of siblings as the parent of each', () => {
    expect(codes(check(draft({ text: "Noah O'Neil has been referred to CAMHS.", recipients: to('carer@example.net') }), families))).toEqual(['sensitive-unencrypted']);
    expect(codes(check(draft({ text: 'Zoë Clarke-Hughes has been referred to CAMHS.', recipients: to('carer@example.net') }), families))).toEqual(['sensitive-unencrypted']);
  });
  it('knows the pupil from the UPN alone', () => {
    const d = check(draft({ text: 'Please update the record for B801200005001.', recipients: to('dad.brown@outlook.com') }), families);
    expect(codes(d)).toContain('wrong-recipient');
    expect(d.findings.find((f) => f.kind === 'upn')?.pupils).toEqual([0]);
  });
  it("fires for a list of several pupils sent to one of their families: the others' data is not theirs", () => {
    const list = ['Amelia Smith, UPN B801200005001, DOB 01/02/2014', 'Jack Oliver Brown, DOB 03/04/2014', "Noah O'Neil, DOB 05/06/2014"].join('\n');
    const d = check(draft({ text: list, recipients: to('parent@example.com') }), families);
    expect(codes(d)).toContain('wrong-recipient');
    expect(d.reasons.find((r) => r.code === 'wrong-recipient')?.message).toMatch(/about Jack Oliver Brown and Noah O'Neil/);
  });
  it('says nothing when the data names no roster pupil, or when the family contact is not on the message', () => {
    expect(codes(check(draft({ text: 'ULN 9276308686 for the exam entry.', recipients: to('dad.brown@outlook.com') }), families))).not.toContain('wrong-recipient');
    expect(codes(check(draft({ text: ABOUT_AMELIA, recipients: to('senco@council.example.gov.uk') }), families))).not.toContain('wrong-recipient');
  });
  it('reads links from the contact directory the host passes, as Outlook does', () => {
    const directory = {
      match: (a: string) => ({ family: a === 'someone@family.example', pupil: false }),
      isLinked: () => false,
      linkedPupils: () => [1],
      pupilsWithUpn: () => [],
    };
    const d = checkDraft(draft({ text: ABOUT_AMELIA, recipients: to('someone@family.example') }), { now: SCHOOL_HOURS, settings: families, directory });
    expect(d.reasons.find((r) => r.code === 'wrong-recipient')?.message).toContain('a parent or carer of Jack Oliver Brown');
  });
  it('never calls a family contact linked to no roster pupil the wrong one: whose family it is, is unknown', () => {
    const unlinked = settings({ parentContacts: [{ email: 'someone@family.example' }] });
    expect(codes(check(draft({ text: ABOUT_AMELIA, recipients: to('someone@family.example') }), unlinked))).toEqual(['sensitive-unencrypted']);
  });
  it('can be turned off like the others', () => {
    const off = settings({ ...{ parentContacts: [{ email: 'dad.brown@outlook.com', pupil: 'Jack Oliver Brown' }] }, severities: { 'wrong-recipient': 'off' } });
    expect(codes(check(draft({ text: ABOUT_AMELIA, recipients: to('dad.brown@outlook.com') }), off))).toEqual(['sensitive-unencrypted']);
  });
});

describe("the pupil's own family (ownParentSensitive)", () => {
  const ABOUT_AMELIA = 'Amelia Smith has an EHCP review on Monday.';
  it('warns by default, saying it is the right family', () => {
    const d = check(draft({ text: ABOUT_AMELIA, recipients: to('parent@example.com') }));
    expect(d.verdict).toBe('warn');
    expect(d.reasons[0]?.message).toContain("Amelia Smith's parent or carer, recorded in the MIS");
  });
  it('is a note that never holds the message back when the school chooses info', () => {
    const d = check(draft({ text: ABOUT_AMELIA, recipients: to('parent@example.com') }), settings({ ownParentSensitive: 'info' }));
    expect(d.reasons.map((r) => [r.code, r.severity])).toEqual([['sensitive-unencrypted', 'info']]);
    expect(d.verdict).toBe('allow');
  });
  it('still warns when anyone else outside the school gets it too', () => {
    const d = check(draft({ text: ABOUT_AMELIA, recipients: to('parent@example.com', 'senco@council.example.gov.uk') }), settings({ ownParentSensitive: 'info' }));
    expect(d.reasons.map((r) => r.severity)).toEqual(['warn']);
  });
});

describe('recipients-exposed', () => {
  const parents = ['parent@example.com', 'mum.smith@gmail.com', 'someone@hotmail.co.uk'];
  it('fires for three parents or personal addresses in To and Cc, whatever the content, with one fix to move them to Bcc', () => {
    const d = check(draft({ text: 'The trip leaves at 9.', recipients: [...to(parents[0]!, parents[1]!), { email: parents[2]!, field: 'cc' }] }));
    expect(codes(d)).toEqual(['recipients-exposed']);
    expect(d.reasons[0]?.clause).toEqual(CLAUSES.responsibleForEmail);
    expect(d.fixes).toEqual([{ kind: 'move-to-bcc', emails: parents, senderToTo: `teacher@${SCHOOL}` }]);
  });
  it('leaves To to the staff already there, so the sender is added only when To would be empty', () => {
    const d = check(draft({ recipients: [...to(`office@${SCHOOL}`), ...parents.map((email) => ({ email, field: 'cc' as const }))] }));
    expect(d.fixes).toEqual([{ kind: 'move-to-bcc', emails: parents }]);
  });
  it('never fires for Bcc, for staff, for pupils on the school\'s own pupil domain, or for two addresses', () => {
    expect(codes(check(draft({ recipients: parents.map((email) => ({ email, field: 'bcc' as const })) })))).toEqual([]);
    expect(codes(check(draft({ recipients: to(`a@${SCHOOL}`, `b@${SCHOOL}`, `c@${PUPILS}`, `d@${PUPILS}`) })))).toEqual([]);
    expect(codes(check(draft({ recipients: to(parents[0]!, parents[1]!, 'partner@business.example') })))).toEqual([]);
  });
  it('counts from the school\'s own threshold', () => {
    expect(codes(check(draft({ recipients: to(parents[0]!, parents[1]!) }), settings({ exposedRecipientsMin: 2 })))).toEqual(['recipients-exposed']);
  });
});
