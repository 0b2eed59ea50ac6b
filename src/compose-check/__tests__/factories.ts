// Small fixture factories: each test states only what matters to it.
import type { Draft, Recipient } from '../types';
import type { ResolvedSettings, SettingsInput } from '../settings';
import { parseSettings, resolveSettings } from '../settings';

export const SCHOOL = 'school.example.org.uk';
export const PUPILS = 'pupils.school.example.org.uk';
export const LABEL = '0b0e2c5a-1111-4222-8333-944445555666';

export function settings(extra: SettingsInput = {}): ResolvedSettings {
  const parsed = parseSettings({
    schoolDomains: [SCHOOL],
    pupilDomains: [PUPILS],
    parentContacts: [{ email: 'parent@example.com', pupil: 'Amelia Smith' }, { email: 'mum.smith@gmail.com', pupil: 'Amelia Smith' }],
    pupils: [
      { name: 'Amelia Smith', upn: 'B801200005001', email: `a.smith@${PUPILS}` },
      { name: 'Jack Oliver Brown' },
      { name: "Noah O'Neil" },
      { name: 'Zoë Clarke-Hughes' },
    ],
    encryption: { labelIds: [LABEL], subjectTags: ['[secure]', '[encrypt]'] },
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return resolveSettings(parsed.settings, `teacher@${SCHOOL}`);
}

export function to(...emails: string[]): Recipient[] {
  return emails.map((email) => ({ email, field: 'to' }));
}

export function draft(over: Partial<Draft> & { text?: string; html?: string } = {}): Draft {
  const { text, html, ...rest } = over;
  return {
    from: `teacher@${SCHOOL}`,
    recipients: to('someone@partner.example.com'),
    subject: 'Hello',
    body: html !== undefined ? { kind: 'html', content: html } : { kind: 'text', content: text ?? 'Hello' },
    attachments: [],
    ...rest,
  };
}

/** 10:00 on a winter Thursday: inside the permitted hours. */
export const SCHOOL_HOURS = new Date('2026-11-26T10:00:00Z');
/** 19:10 on the same Thursday: outside them. */
export const EVENING = new Date('2026-11-26T19:10:00Z');
