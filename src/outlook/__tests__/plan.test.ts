import { describe, expect, it } from 'vitest';
import { checkDraft, fromLocal, resolveSettings } from '../../compose-check';
import { findClauses } from '../../policy/clauses';
import { presentDecision } from '../present/plan';

const school = resolveSettings({ schoolDomains: ['school.example.org.uk'], encryption: { labelIds: ['label-1'], subjectTags: ['[secure]'] } });
const body = 'Referral: UPN B801200005001 and NHS 9434765919; her safeguarding plan is attached.';
const check = (to: string[]) => {
  const d = checkDraft({ recipients: to.map((email) => ({ email, field: 'to' as const })), subject: 'Referral', body: { kind: 'text', content: body }, attachments: [] },
    { now: fromLocal(2026, 11, 26, 10, 0, 'Europe/London'), settings: school });
  return { d, shown: (policy?: Parameters<typeof presentDecision>[1]['policy']) => presentDecision(d, { recipients: to, settings: school, ...(policy ? { policy } : {}) }) };
};

describe('presentDecision: one clear instruction per recipient', () => {
  it('gives a recipient that must be removed only the remove fix, and no encryption fix where nobody else is outside', () => {
    const { d, shown } = check(['someone@gmail.com']);
    expect(d.reasons.map((r) => r.code)).toEqual(['sensitive-unencrypted', 'personal-webmail']);
    const [first, second] = shown();
    expect(first).toMatchObject({ code: 'personal-webmail', severity: 'block', fixes: [{ kind: 'remove-recipient', email: 'someone@gmail.com' }] });
    expect(second).toMatchObject({ code: 'sensitive-unencrypted', fixes: [], coveredBy: 'personal-webmail' });
    expect(second?.message).toMatch(/^Removing someone@gmail\.com deals with this too/);
  });

  it('offers encryption for the recipients that may have the data encrypted, and names only them', () => {
    const [, enc] = check(['officer@county.example.gov.uk', 'someone@gmail.com']).shown();
    expect(enc?.fixes.map((f) => f.kind)).toEqual(['apply-label', 'add-subject-tag']);
    expect(enc?.message).toBe('Pupil data is also going outside the school to officer@county.example.gov.uk without encryption. Before sending, apply the encrypting sensitivity label or add [secure] to the subject.');
  });

  it("keeps the engine's message and fixes when no recipient is to be removed", () => {
    const { d, shown } = check(['officer@county.example.gov.uk']);
    expect(shown()).toEqual([expect.objectContaining({ message: d.reasons[0]?.message, fixes: d.fixes })]);
  });

  it('quotes the policy in force, or says the version has no such clause', () => {
    const { shown } = check(['officer@county.example.gov.uk']);
    expect(shown()[0]?.citation).toMatchObject({ kind: 'quote', section: 'Internet / Email' });
    const withClause = shown({ version: '2026-09', clauses: findClauses('## Email\n\nEncryption must be used before sensitive data is sent by email.\n') });
    expect(withClause[0]?.citation).toEqual({ kind: 'quote', section: 'Email', quote: 'Encryption must be used before sensitive data is sent by email.', version: '2026-09' });
    expect(shown({ version: '2026-09', clauses: findClauses('## Other\n\nNothing about email.\n') })[0]?.citation).toEqual({ kind: 'missing', version: '2026-09' });
  });
});
