import { describe, expect, it } from 'vitest';
import type { Decision, Reason } from '../../compose-check';
import { checkDraft, fromLocal, hashContactEmail, resolveSettings } from '../../compose-check';
import { CLAUSES } from '../../policy/clauses';
import { completionFor, completionForFailure, markdownMessage, plainMessage, TASK_PANE_COMMAND_ID } from '../send/alert';
import type { MailboxFeatureSet } from '../office/requirements';

const upTo = (max: MailboxFeatureSet | '1.12') => (v: MailboxFeatureSet) => Number(v.split('.')[1]) <= Number(max.split('.')[1]);
const reason = (over: Partial<Reason>): Reason => ({
  code: 'sensitive-unencrypted', severity: 'warn', clause: CLAUSES.emailSecurity, message: 'Encrypt it.', summary: 'Encrypt it.', ...over,
});
const decision = (reasons: Reason[]): Decision => ({
  verdict: reasons.some((r) => r.severity === 'block') ? 'block' : reasons.length ? 'warn' : 'allow', reasons, findings: [], fixes: [],
});

describe('completionFor', () => {
  it('allows the send when nothing applies', () => {
    expect(completionFor(decision([]), upTo('1.15'))).toEqual({ allowEvent: true });
  });

  it('offers "Send anyway", the pane button and Markdown for a warning on 1.15', () => {
    const c = completionFor(decision([reason({})]), upTo('1.15'));
    expect(c).toMatchObject({ allowEvent: false, errorMessage: 'Encrypt it.', sendModeOverride: 'promptUser', commandId: TASK_PANE_COMMAND_ID });
    expect(c.cancelLabel?.length).toBeLessThanOrEqual(20);
    expect(c.errorMessageMarkdown).toBe('**Encryption needed.** Encrypt it.');
  });

  it('leaves SoftBlock in force (no override) for a block-level reason', () => {
    const c = completionFor(decision([reason({ code: 'personal-webmail', severity: 'block', message: 'Remove it.' })]), upTo('1.15'));
    expect(c.allowEvent).toBe(false);
    expect(c.sendModeOverride).toBeUndefined();
    expect(c.commandId).toBe(TASK_PANE_COMMAND_ID);
  });

  it('uses only errorMessage on a 1.12 host', () => {
    expect(completionFor(decision([reason({})]), upTo('1.12'))).toEqual({ allowEvent: false, errorMessage: 'Encrypt it.' });
  });

  it('uses Markdown only from 1.15 and the button only from 1.14', () => {
    const c = completionFor(decision([reason({})]), upTo('1.14'));
    expect(c.errorMessageMarkdown).toBeUndefined();
    expect(c.commandId).toBe(TASK_PANE_COMMAND_ID);
  });
});

describe('messages', () => {
  it('puts block-level reasons first and keeps within 500 characters', () => {
    const long = 'x'.repeat(490);
    const text = plainMessage([reason({ message: long }), reason({ code: 'personal-webmail', severity: 'block', message: 'Remove the gmail recipient.', summary: 'Remove it.' })]);
    // Too long in full, so each reason's summary, whole.
    expect(text).toBe('Remove it. Encrypt it.');
  });

  it('escapes Markdown in addresses so a_b@x.org stays literal', () => {
    expect(markdownMessage([reason({ message: 'to a_b@x.org *now*' })])).toBe('**Encryption needed.** to a\\_b@x.org \\*now\\*');
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
  // The common blocked case: pupil data to a Gmail address (two reasons), and
  // the same to a parent too after hours (three reasons).
  const school = resolveSettings({
    schoolDomains: ['wellsap.example.org.uk'],
    parentContactHashes: [hashContactEmail('craig.bennett52@outlook.com')],
    encryption: { labelIds: ['label-encrypted'], subjectTags: ['[secure]'] },
  });
  const body = 'Hi, as discussed: Emily Bennett UPN B801200005001, ULN 9276308686, NHS 9434765919. Her safeguarding plan is attached.';
  const decide = (to: readonly string[], hour: number): Decision => checkDraft({
    recipients: to.map((email) => ({ email, field: 'to' as const })),
    subject: 'Emily', body: { kind: 'text', content: body }, attachments: [],
  }, { now: fromLocal(2026, 11, 26, hour, 10, 'Europe/London'), settings: school });
  const endsWhole = /[.!?]$/;

  it.each([
    ['two reasons', ['someone.with.a.long.name@gmail.com'], 11, 2],
    ['three reasons', ['someone.with.a.long.name@gmail.com', 'craig.bennett52@outlook.com'], 19, 3],
  ] as const)('keeps %s within 500 characters in whole sentences, each with its fix', (_, to, hour, count) => {
    const d = decide(to, hour);
    expect(d.reasons).toHaveLength(count);
    const fix = 'apply the encrypting sensitivity label or add [secure] to the subject.';
    for (const [text, encryptFix] of [[plainMessage(d.reasons), fix], [markdownMessage(d.reasons), fix.replace(/[[\]]/g, '\\$&')]] as const) {
      expect(text.length).toBeLessThanOrEqual(500);
      expect(text).toMatch(endsWhole);
      expect(text).not.toContain('…');
      expect(text).toContain(encryptFix);
      expect(text).toMatch(/Remove (?:it|that recipient)\./);
      if (count === 3) expect(text).toMatch(/Schedule it for .+ instead\./);
    }
  });

  it('gives every reason in full when they fit', () => {
    const d = decide(['a@gmail.com'], 11);
    d.reasons.forEach((r) => { (r as { message: string }).message = 'Short.'; });
    expect(plainMessage(d.reasons)).toBe('Short. Short.');
  });

  it('names how many reasons are left for the pane when even the summaries do not all fit', () => {
    const long = (code: Reason['code']): Reason => reason({ code, message: `${'word '.repeat(100)}end.`, summary: `${'Summary words here. '.repeat(9)}Do this.` });
    const text = plainMessage([long('sensitive-unencrypted'), long('outside-hours'), long('personal-webmail')]);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text).toMatch(/AUP Guard lists (?:one more problem|2 more problems) in its pane\.$/);
  });
});
