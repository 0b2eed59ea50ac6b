import { describe, expect, it } from 'vitest';
import type { Decision, Reason } from '../../compose-check';
import { CLAUSES } from '../../policy/clauses';
import { completionFor, completionForFailure, markdownMessage, plainMessage, TASK_PANE_COMMAND_ID } from '../send/alert';
import type { MailboxFeatureSet } from '../office/requirements';

const upTo = (max: MailboxFeatureSet | '1.12') => (v: MailboxFeatureSet) => Number(v.split('.')[1]) <= Number(max.split('.')[1]);
const reason = (over: Partial<Reason>): Reason => ({
  code: 'sensitive-unencrypted', severity: 'warn', clause: CLAUSES.emailSecurity, message: 'Encrypt it.', ...over,
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
    const text = plainMessage([reason({ message: long }), reason({ code: 'personal-webmail', severity: 'block', message: 'Remove the gmail recipient.' })]);
    // Cut at a word boundary (compose-check's clip), not mid-way through the x's.
    expect(text).toBe('Remove the gmail recipient.');
  });

  it('escapes Markdown in addresses so a_b@x.org stays literal', () => {
    expect(markdownMessage([reason({ message: 'to a_b@x.org *now*' })])).toBe('**Encryption needed.** to a\\_b@x.org \\*now\\*');
  });
});

describe('completionForFailure', () => {
  it('tells the user and offers "Send anyway" where the host can', () => {
    expect(completionForFailure(upTo('1.14'))).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
  });

  it('lets the message go on older hosts, as SoftBlock does when the add-in cannot load', () => {
    expect(completionForFailure(upTo('1.13'))).toEqual({ allowEvent: true });
  });
});
