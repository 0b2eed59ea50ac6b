import { describe, expect, it } from 'vitest';
import { BUILTIN_WEBMAIL_DOMAINS } from '../webmail';
import { DEFAULT_SETTINGS, hashContactEmail, parseSettings, resolveSettings, validateSettingsField } from '../settings';

const errorsOf = (input: unknown): readonly string[] => {
  const r = parseSettings(input);
  return r.ok ? [] : r.errors;
};

describe('parseSettings', () => {
  it('accepts the issue #2 example', () => {
    const r = parseSettings({
      timeZone: 'Europe/London',
      permittedHours: { start: '08:00', end: '18:00' },
      schoolDomains: ['school.example.org.uk'],
      pupilDomains: ['pupils.school.example.org.uk'],
      parentContacts: [{ email: 'parent@example.com', pupil: 'Pupil Name' }],
      pupils: [{ name: 'Pupil Name', upn: 'B801200005001', email: 'p.name@pupils.school.example.org.uk' }],
      encryption: { labelIds: ['0b0e2c5a-1111-4222-8333-944445555666'], subjectTags: ['[secure]', '[encrypt]'] },
    });
    expect(r.ok).toBe(true);
  });
  it('accepts an empty object', () => expect(parseSettings({})).toEqual({ ok: true, settings: {} }));
  it('names the field and the problem for a bad time', () =>
    expect(errorsOf({ permittedHours: { start: '25:00', end: '18:00' } })).toEqual(['permittedHours.start: "25:00" is not a time of day']));
  it('rejects 24:00 and 8:00 as times of day', () => {
    expect(errorsOf({ permittedHours: { start: '08:00', end: '24:00' } })).toEqual(['permittedHours.end: "24:00" is not a time of day']);
    expect(errorsOf({ permittedHours: { start: '8:00', end: '18:00' } })).toEqual(['permittedHours.start: "8:00" is not a time of day']);
  });
  it('rejects a start that is not before the end', () =>
    expect(errorsOf({ permittedHours: { start: '18:00', end: '08:00' } })).toEqual(['permittedHours: start "18:00" must be before end "08:00"']));
  it('rejects an unknown top-level field', () => expect(errorsOf({ colour: 'blue' })).toEqual(['colour: is not a known setting']));
  it('rejects an unknown nested field', () =>
    expect(errorsOf({ encryption: { labelId: 'x' } })).toEqual(['encryption.labelId: is not a known setting']));
  it('reports a missing required nested field', () =>
    expect(errorsOf({ permittedHours: { start: '08:00' } })).toEqual(['permittedHours.end: is required']));
  it('rejects time zones other than Europe/London and UTC, saying why', () => {
    const [error] = errorsOf({ timeZone: 'Europe/Paris' });
    expect(error).toMatch(/^timeZone: "Europe\/Paris" is not supported; use "Europe\/London" or "UTC"/);
  });
  it('rejects bad days, domains, emails, hashes, UPNs and severities with their paths', () => {
    expect(errorsOf({ days: ['Mon', 'Funday'] })).toEqual(['days.1: "Funday" is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun']);
    expect(errorsOf({ days: [] })).toEqual(['days: must name at least one day']);
    expect(errorsOf({ schoolDomains: ['not a domain'] })).toEqual(['schoolDomains.0: "not a domain" is not a domain name']);
    expect(errorsOf({ parentContacts: [{ email: 'nope' }] })).toEqual(['parentContacts.0.email: "nope" is not an email address']);
    expect(errorsOf({ parentContactHashes: ['abc'] })).toEqual(['parentContactHashes.0: "abc" is not a SHA-256 hex string']);
    expect(errorsOf({ pupils: [{ name: 'A B', upn: '123' }] })).toEqual(['pupils.0.upn: "123" is not a UPN (a letter and 12 digits)']);
    expect(errorsOf({ severities: { 'outside-hours': 'loud' } })).toEqual(['severities.outside-hours: "loud" is not one of "off", "warn", "block"']);
    expect(errorsOf({ severities: { 'made-up': 'warn' } })).toEqual(['severities.made-up: is not a known setting']);
  });
  it('takes a pupil\'s preferred name, and rejects an empty one', () => {
    expect(errorsOf({ pupils: [{ name: 'Oluwaseun Adeyemi', preferredName: 'Seun' }] })).toEqual([]);
    expect(errorsOf({ pupils: [{ name: 'Oluwaseun Adeyemi', preferredName: '  ' }] })).toEqual(['pupils.0.preferredName: must not be empty']);
  });
  it('rejects a list given as a string', () => expect(errorsOf({ schoolDomains: 'school.org' })).toEqual(['schoolDomains: must be a list']));
  it('rejects a non-object', () => expect(errorsOf('x')).toEqual(['settings must be an object']));
});

describe('validateSettingsField', () => {
  it('returns no errors for a valid value', () => expect(validateSettingsField('permittedHours.start', '08:00')).toEqual([]));
  it('returns the same message as parseSettings', () =>
    expect(validateSettingsField('permittedHours.start', '25:00')).toEqual(['permittedHours.start: "25:00" is not a time of day']));
  it('validates whole lists', () =>
    expect(validateSettingsField('schoolDomains', ['ok.org', 'bad'])).toEqual(['schoolDomains.1: "bad" is not a domain name']));
  it('validates a severity by its key', () => expect(validateSettingsField('severities.personal-webmail', 'sometimes')).toHaveLength(1));
  it('reports an unknown path', () => expect(validateSettingsField('nope', 1)).toEqual(['nope: is not a known setting']));
});

describe('resolveSettings', () => {
  it('defaults the school domain to the sender\'s own when nothing is configured', () =>
    expect(resolveSettings(undefined, 'Head@School.Example.org.uk').schoolDomains).toEqual(['school.example.org.uk']));
  it('prefers configured school domains over the sender\'s', () =>
    expect(resolveSettings({ schoolDomains: ['a.org'] }, 'x@b.org').schoolDomains).toEqual(['a.org']));
  it('applies the default hours, every day, the UK zone and default severities', () => {
    const s = resolveSettings({});
    expect(s.permittedHours).toEqual({ start: '08:00', end: '18:00' });
    expect(s.days).toHaveLength(7);
    expect(s.timeZone).toBe('Europe/London');
    expect(s.severities).toEqual({ 'sensitive-unencrypted': 'warn', 'outside-hours': 'warn', 'personal-webmail': 'block', 'wrong-recipient': 'warn', 'recipients-exposed': 'warn' });
  });
  it('keeps configured severities and fills the rest', () =>
    expect(resolveSettings({ severities: { 'outside-hours': 'off' } }).severities).toEqual(
      { 'sensitive-unencrypted': 'warn', 'outside-hours': 'off', 'personal-webmail': 'block', 'wrong-recipient': 'warn', 'recipients-exposed': 'warn' }));
  it('extends the built-in webmail list rather than replacing it', () => {
    const s = resolveSettings({ webmailDomains: ['Example-Mail.net'] });
    expect(s.webmailDomains).toContain('example-mail.net');
    expect(s.webmailDomains).toContain('gmail.com');
    expect(s.webmailDomains.length).toBe(BUILTIN_WEBMAIL_DOMAINS.length + 1);
  });
  it('hashes parent contacts alongside configured hashes', () => {
    const s = resolveSettings({ parentContacts: [{ email: 'Parent@Example.com' }], parentContactHashes: ['A'.repeat(64)] });
    expect(s.parentContactHashes).toEqual(['a'.repeat(64), hashContactEmail('parent@example.com')]);
  });
  it('exports defaults with no school domains', () => expect(DEFAULT_SETTINGS.schoolDomains).toEqual([]));
});

describe('hashContactEmail', () => {
  it('is the SHA-256 hex of the lower-cased, trimmed address', () =>
    // echo -n "parent@example.com" | sha256sum
    expect(hashContactEmail(' Parent@Example.COM ')).toBe('ee9cd2a3ead6d5cc3b5b0bc3cb19592544d1abf56500a5d9eb87129220ea9236'));
});

describe('resolveSettings caching', () => {
  it('returns the same object for the same settings and sender domain, so indexes are reused', () => {
    const parsed = { schoolDomains: ['a.org'] };
    expect(resolveSettings(parsed, 'x@a.org')).toBe(resolveSettings(parsed, 'y@a.org'));
    expect(resolveSettings(parsed, 'x@a.org')).not.toBe(resolveSettings(parsed, 'x@b.org'));
  });
  it('resolves a sender domain separately for each sender when none is configured', () => {
    const empty = {};
    expect(resolveSettings(empty, 'x@a.org').schoolDomains).toEqual(['a.org']);
    expect(resolveSettings(empty, 'x@b.org').schoolDomains).toEqual(['b.org']);
  });
});

describe('settings rules added for the admin form (issue 14)', () => {
  it('refuses a sensitivity label id that is not a GUID, naming it', () => {
    expect(errorsOf({ encryption: { labelIds: ['Confidential'] } })).toEqual([
      'encryption.labelIds.0: "Confidential" is not a sensitivity label id (a GUID such as 0c5ae9d1-6f4a-4c1e-9a55-6b0b0e1c2f01)',
    ]);
  });

  it('refuses a school or pupil domain that is also personal webmail, built in or added', () => {
    expect(errorsOf({ schoolDomains: ['wellsap.sch.uk', 'gmail.com'] })).toEqual(['schoolDomains.1: "gmail.com" is personal webmail, so it cannot also be a school domain']);
    expect(errorsOf({ pupilDomains: ['pupils.example.org'], webmailDomains: ['Pupils.Example.org'] }))
      .toEqual(['pupilDomains.0: "pupils.example.org" is personal webmail, so it cannot also be a pupil domain']);
    expect(errorsOf({ schoolDomains: ['wellsap.sch.uk'], webmailDomains: ['example-mail.net'] })).toEqual([]);
  });
});
