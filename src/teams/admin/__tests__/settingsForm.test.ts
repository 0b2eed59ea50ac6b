import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../compose-check';
import { bareTagsWarning, formFromSettings, formNotices, settingsChanges, settingsFromForm, splitList, validateForm, type SettingsFormValues } from '../settingsForm';

const stored: Settings = {
  timeZone: 'Europe/London',
  permittedHours: { start: '08:00', end: '18:00' },
  days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
  schoolDomains: ['wellsap.sch.uk'],
  parentContacts: [{ email: 'mum@example.com', pupil: 'Amy' }],
  severities: { 'outside-hours': 'block' },
};
const form = (changes: Partial<SettingsFormValues> = {}): SettingsFormValues => ({ ...formFromSettings(stored), ...changes });

describe('formFromSettings', () => {
  it('fills what the school has not set with the engine\'s defaults', () => {
    const values = formFromSettings(null);
    expect([values.timeZone, values.hoursStart, values.hoursEnd]).toEqual(['Europe/London', '08:00', '18:00']);
    expect(values.days).toHaveLength(7);
    expect(values.severities).toEqual({ 'sensitive-unencrypted': 'warn', 'outside-hours': 'warn', 'personal-webmail': 'block', 'wrong-recipient': 'warn', 'recipients-exposed': 'warn' });
    expect(values.webmailDomains).toBe(''); // the built-in list is not copied into the school's settings
  });
});

describe('settingsFromForm', () => {
  it('keeps the keys the form does not show, such as parent contacts', () => {
    expect(settingsFromForm(form(), stored).parentContacts).toEqual(stored.parentContacts);
  });

  it('reads lists one a line or comma separated, ignoring blanks', () => {
    expect(splitList(' a.uk\n\nb.uk, c.uk ,')).toEqual(['a.uk', 'b.uk', 'c.uk']);
  });

  it('round-trips stored settings unchanged', () => {
    const result = validateForm(form(), stored);
    expect(result.ok && result.settings.schoolDomains).toEqual(['wellsap.sch.uk']);
    expect(result.ok && result.settings.severities?.['outside-hours']).toBe('block');
  });
});

describe('validateForm', () => {
  it('puts the engine\'s message for a bad time at the start field', () => {
    const result = validateForm(form({ hoursStart: '25:00' }), stored);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.hoursStart).toEqual(['"25:00" is not a time of day']);
  });

  it('puts "start must be before end" at the end field', () => {
    const result = validateForm(form({ hoursStart: '18:00', hoursEnd: '08:00' }), stored);
    if (result.ok) throw new Error('expected errors');
    expect(result.fieldErrors.hoursEnd?.[0]).toContain('must be before end');
  });

  it('names the line of a bad domain in a list', () => {
    const result = validateForm(form({ pupilDomains: 'pupils.wellsap.sch.uk\nnot a domain' }), stored);
    if (result.ok) throw new Error('expected errors');
    expect(result.fieldErrors.pupilDomains).toEqual(['line 2: "not a domain" is not a domain name']);
  });

  it('refuses a week with no days', () => {
    const result = validateForm(form({ days: [] }), stored);
    if (result.ok) throw new Error('expected errors');
    expect(result.fieldErrors.days).toEqual(['must name at least one day']);
  });

  it('refuses a time zone the engine cannot compute', () => {
    const result = validateForm(form({ timeZone: 'America/New_York' }), stored);
    if (result.ok) throw new Error('expected errors');
    expect(result.fieldErrors.timeZone?.[0]).toContain('is not supported');
  });

  it('reports errors in settings the form does not show apart, not at a field', () => {
    const broken = { ...stored, parentContacts: [{ email: 'nope' }] };
    const result = validateForm(formFromSettings(broken), broken);
    if (result.ok) throw new Error('expected errors');
    expect(result.otherErrors).toEqual(['parentContacts.0.email: "nope" is not an email address']);
  });
});

describe('settingsChanges', () => {
  it('is empty when nothing changed', () => {
    expect(settingsChanges(form(), form())).toEqual([]);
  });

  it('lists each changed field with before and after, in form order', () => {
    const after = form({ hoursEnd: '17:30', severities: { ...form().severities, 'personal-webmail': 'warn' } });
    expect(settingsChanges(form(), after).map((c) => [c.label, c.before, c.after])).toEqual([
      ['Permitted hours end', '18:00', '17:30'],
      ['Pupil data to personal webmail', 'block', 'warn'],
    ]);
  });

  it('shows what was added to and removed from a list', () => {
    const [change] = settingsChanges(form(), form({ schoolDomains: 'wellsap.org.uk' }));
    expect(change).toMatchObject({ field: 'schoolDomains', added: ['wellsap.org.uk'], removed: ['wellsap.sch.uk'] });
  });

  it('ignores a change in spacing or separators only', () => {
    expect(settingsChanges(form({ labelIds: 'a, b' }), form({ labelIds: 'a\nb\n' }))).toEqual([]);
  });
});

describe('formNotices', () => {
  it('finds subject tags without brackets, which need the admin to confirm them', () => {
    expect(formNotices(form({ subjectTags: '[secure]\nsecure\nencrypt' })).bareTags).toEqual(['secure', 'encrypt']);
    expect(formNotices(form({ subjectTags: '[secure]' })).bareTags).toEqual([]);
    expect(bareTagsWarning(['secure'])).toContain('any subject containing it anywhere (for example "secure of the building") will count as encrypted');
  });

  it('flags an empty pupil domain without refusing it', () => {
    expect(formNotices(form({ pupilDomains: '' })).noPupilDomain).toBe(true);
    expect(validateForm(form({ pupilDomains: '' }), stored).ok).toBe(true);
    expect(formNotices(form({ pupilDomains: 'pupils.wellsap.sch.uk' })).noPupilDomain).toBe(false);
  });

  it('puts the engine\'s refusal of a school domain that is webmail at the school domains field', () => {
    const result = validateForm(form({ schoolDomains: 'wellsap.sch.uk\noutlook.com' }), stored);
    if (result.ok) throw new Error('expected errors');
    expect(result.fieldErrors.schoolDomains).toEqual(['line 2: "outlook.com" is personal webmail, so it cannot also be a school domain']);
  });
});
