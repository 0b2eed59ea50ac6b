import { describe, expect, it } from 'vitest';
import type { Decision, Reason } from '../../compose-check';
import { checkDraft, fromLocal, hashContactEmail, resolveSettings } from '../../compose-check';
import { CLAUSES } from '../../policy/clauses';
import { completionFor, completionForFailure, markdownMessage, plainMessage, SEND_AGAIN_NOTE, TASK_PANE_COMMAND_ID } from '../send/alert';
import type { MailboxFeatureSet } from '../office/requirements';
import { presentDecision, type PresentedReason } from '../present/plan';

const upTo = (max: MailboxFeatureSet | '1.12') => (v: MailboxFeatureSet) => Number(v.split('.')[1]) <= Number(max.split('.')[1]);
const reason = (over: Partial<Reason>): Reason => ({
  code: 'sensitive-unencrypted', severity: 'warn', clause: CLAUSES.emailSecurity, message: 'Encrypt it.', summary: 'Encrypt it.', ...over,
});
const shown = (r: Reason, over: Partial<PresentedReason> = {}): PresentedReason => ({
  code: r.code, severity: r.severity, message: r.message, summary: r.summary, fixes: [], citation: { kind: 'missing', version: 'x' }, ...over,
});
const decision = (reasons: Reason[]): Decision => ({
  verdict: reasons.some((r) => r.severity === 'block') ? 'block' : reasons.length ? 'warn' : 'allow', reasons, findings: [], fixes: [], attachments: [],
});
const complete = (reasons: Reason[], max: MailboxFeatureSet | '1.12', sendAgain = false) =>
  completionFor(decision(reasons), reasons.map((r) => shown(r)), upTo(max), { sendAgain });

describe('completionFor', () => {
  it('allows the send when nothing applies', () => {
    expect(complete([], '1.15')).toEqual({ allowEvent: true });
  });

  it('offers "Send anyway", the pane button and Markdown for a warning on 1.15', () => {
    const c = complete([reason({})], '1.15');
    expect(c).toMatchObject({ allowEvent: false, errorMessage: '• Encryption needed: Encrypt it.', sendModeOverride: 'promptUser', commandId: TASK_PANE_COMMAND_ID });
    expect(c.cancelLabel?.length).toBeLessThanOrEqual(20);
    expect(c.errorMessageMarkdown).toBe('- **Encryption needed.** Encrypt it.\r');
  });

  it('leaves SoftBlock in force (no override) for a block-level reason', () => {
    const c = complete([reason({ code: 'personal-webmail', severity: 'block', message: 'Remove it.' })], '1.15');
    expect(c.allowEvent).toBe(false);
    expect(c.sendModeOverride).toBeUndefined();
    expect(c.commandId).toBe(TASK_PANE_COMMAND_ID);
  });

  it('on 1.12 and 1.13 says that pressing Send again will send a warning, but never a block', () => {
    expect(complete([reason({})], '1.12', true)).toEqual({ allowEvent: false, errorMessage: `• Encryption needed: Encrypt it.\n${SEND_AGAIN_NOTE}` });
    const block = complete([reason({ code: 'personal-webmail', severity: 'block', message: 'Remove it.' }), reason({})], '1.13', true);
    expect(block.errorMessage).not.toContain(SEND_AGAIN_NOTE);
  });

  it('uses Markdown only from 1.15 and the button only from 1.14', () => {
    const c = complete([reason({})], '1.14');
    expect(c.errorMessageMarkdown).toBeUndefined();
    expect(c.commandId).toBe(TASK_PANE_COMMAND_ID);
  });
});

describe('messages', () => {
  it('lists each reason on its own line, blocking first, and keeps within 500 characters', () => {
    const text = plainMessage(presentDecision(decision([reason({ message: 'x'.repeat(490) }), reason({ code: 'personal-webmail', severity: 'block', message: 'Remove the gmail recipient.', summary: 'Remove it.' })]), { recipients: [], settings: resolveSettings({}) }));
    // Too long in full, so each reason's summary, whole, the block first.
    expect(text).toBe('• Personal email address: Remove it.\n• Encryption needed: Encrypt it.');
  });

  it('quotes the policy in force where it fits, and the version', () => {
    const text = plainMessage([shown(reason({ code: 'outside-hours', message: 'Too late.' }), { citation: { kind: 'quote', section: 'Phones', quote: 'Contact 8am to 5.30pm', version: '2026-09' } })]);
    expect(text).toBe('• Outside contact hours: Too late. (Policy 2026-09, Phones: “Contact 8am to 5.30pm”)');
  });

  it('escapes Markdown in addresses so a_b@x.org stays literal', () => {
    expect(markdownMessage([shown(reason({ message: 'to a_b@x.org *now*' }))])).toBe('- **Encryption needed.** to a\\_b@x.org \\*now\\*\r');
  });

  it('leaves out a reason another one\'s instruction already deals with', () => {
    const text = plainMessage([shown(reason({ code: 'personal-webmail', severity: 'block', message: 'Remove x.' })), shown(reason({}), { coveredBy: 'personal-webmail' })]);
    expect(text).toBe('• Personal email address: Remove x.');
  });
});

describe('completionForFailure', () => {
  it('tells the user and offers "Send anyway" where the host can', () => {
    expect(completionForFailure(upTo('1.14'))).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
  });

  it('on older hosts stops the first Send with "press Send again", and lets the next go', () => {
    const first = completionForFailure(upTo('1.13'));
    expect(first).toMatchObject({ allowEvent: false });
    expect(first.errorMessage).toMatch(/couldn't check this message.*press Send again/);
    expect(first.errorMessage!.length).toBeLessThanOrEqual(500);
    expect(completionForFailure(upTo('1.13'), true)).toEqual({ allowEvent: true });
  });
});

describe('messages for real decisions', () => {
  // The common blocked case: pupil data to a Gmail address (two reasons), the
  // same to a parent too after hours (three), and to an officer and a Gmail address.
  const school = resolveSettings({
    schoolDomains: ['wellsap.example.org.uk'],
    parentContactHashes: [hashContactEmail('craig.bennett52@outlook.com')],
    encryption: { labelIds: ['label-encrypted'], subjectTags: ['[secure]'] },
  });
  const body = 'Hi, as discussed: Emily Bennett UPN B801200005001, ULN 9276308686, NHS 9434765919. Her safeguarding plan is attached.';
  const decide = (to: readonly string[], hour: number): { d: Decision; p: PresentedReason[] } => {
    const d = checkDraft({
      recipients: to.map((email) => ({ email, field: 'to' as const })),
      subject: 'Emily', body: { kind: 'text', content: body }, attachments: [],
    }, { now: fromLocal(2026, 11, 26, hour, 10, 'Europe/London'), settings: school });
    return { d, p: presentDecision(d, { recipients: to, settings: school }) };
  };
  const endsWhole = /[.!?”)]$/;

  it.each([
    ['two reasons', ['someone.with.a.long.name@gmail.com'], 11, 2],
    ['three reasons', ['someone.with.a.long.name@gmail.com', 'craig.bennett52@outlook.com'], 19, 3],
  ] as const)('keeps %s within 500 characters in whole sentences, one instruction for the webmail recipient', (_, to, hour, count) => {
    const { d, p } = decide(to, hour);
    expect(d.reasons).toHaveLength(count);
    for (const text of [plainMessage(p), markdownMessage(p)]) {
      expect(text.length).toBeLessThanOrEqual(500);
      expect(text.replace(/\r$/, '')).toMatch(endsWhole);
      // Never cut mid-sentence (the evidence's own mask "B80…001" is not a cut).
      expect(text).not.toMatch(/…[\r]?$/);
      // One instruction for the Gmail address: remove it. Encryption only for the parent, who may have it encrypted.
      expect(text).toMatch(/Remove (?:it|that recipient)\./);
      if (count === 2) expect(text).not.toMatch(/sensitivity label|\\?\[secure\\?\]/);
      if (count === 3) {
        expect(text).toMatch(/craig\.bennett52@outlook\.com unencrypted: apply the encrypting sensitivity label/);
        expect(text).toMatch(/Schedule it for .+ instead\./);
      }
    }
  });

  it('offers encryption only for the recipients that may have the data encrypted', () => {
    const { p } = decide(['officer@county.example.gov.uk', 'someone@gmail.com'], 11);
    const text = plainMessage(p);
    expect(text.indexOf('Personal email address')).toBeLessThan(text.indexOf('Encryption needed'));
    expect(text).toMatch(/It also goes to officer@county\.example\.gov\.uk unencrypted: apply the encrypting sensitivity label/);
    expect(text).not.toMatch(/someone@gmail\.com[^\n]*unencrypted/);
  });

  it('names how many reasons are left for the pane when even the summaries do not all fit', () => {
    const long = (code: Reason['code']): PresentedReason => shown(reason({ code, message: `${'word '.repeat(100)}end.`, summary: `${'Summary words here. '.repeat(9)}Do this.` }));
    const text = plainMessage([long('sensitive-unencrypted'), long('outside-hours'), long('personal-webmail')]);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text).toMatch(/AUP Guard lists (?:one more problem|2 more problems) in its pane\.$/);
  });
});
