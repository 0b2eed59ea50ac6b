import { describe, expect, it } from 'vitest';
import { checkDraft, fromLocal, hashContactEmail, resolveSettings } from '../../compose-check';
import { contactHoursNotice, MAX_NOTICE_LENGTH } from '../send/notice';

const settings = resolveSettings({ schoolDomains: ['school.example.org.uk'], parentContactHashes: [hashContactEmail('mum@example.com')] });
const draft = (to: string) => ({ recipients: [{ email: to, field: 'to' as const }], subject: '', body: { kind: 'text' as const, content: '' }, attachments: [] });

describe('contactHoursNotice', () => {
  it('names the time and the permitted hours for a parent at 19:10', () => {
    const at = fromLocal(2026, 11, 26, 19, 10, 'Europe/London');
    const text = contactHoursNotice(checkDraft(draft('mum@example.com'), { now: at, settings }), at, settings, false);
    expect(text).toBe("It's 19:10. Contact with parents and pupils is limited to 08:00–18:00.");
    expect(text!.length).toBeLessThanOrEqual(MAX_NOTICE_LENGTH);
  });

  it('says nothing at 17:59 or for staff at 19:10', () => {
    const ok = fromLocal(2026, 11, 26, 17, 59, 'Europe/London');
    expect(contactHoursNotice(checkDraft(draft('mum@example.com'), { now: ok, settings }), ok, settings, false)).toBeUndefined();
    const late = fromLocal(2026, 11, 26, 19, 10, 'Europe/London');
    expect(contactHoursNotice(checkDraft(draft('head@school.example.org.uk'), { now: late, settings }), late, settings, false)).toBeUndefined();
  });

  it('names the day and the days when the school limits them', () => {
    const weekdays = resolveSettings({ parentContactHashes: [hashContactEmail('mum@example.com')], days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] });
    const sat = fromLocal(2026, 11, 28, 10, 0, 'Europe/London');
    const text = contactHoursNotice(checkDraft(draft('mum@example.com'), { now: sat, settings: weekdays }), sat, weekdays, true);
    expect(text).toBe('This is scheduled for Sat 10:00. Contact with parents and pupils is limited to 08:00–18:00 on Mon, Tue, Wed, Thu, Fri.');
  });
});
