import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../check';
import { hashContactEmail } from '../../settings';
import { draft, EVENING, settings, to } from '../../__tests__/factories';
import { buildSendCheck, sourceFromSettings } from '../build';
import { parseSendCheck, sendCheckDirectory } from '../record';
import { settingsDirectory } from '../settings-directory';
import { combineDirectories } from '../types';

describe('the directory over clear settings', () => {
  const s = settings({
    parentContacts: [
      { email: 'Parent@Example.com', pupil: 'Amelia Smith' },
      { email: 'shared@example.com', pupil: 'amelia  smith' },
      { email: 'shared@example.com', pupil: 'Jack Oliver Brown' },
      { email: 'unlinked@example.com' },
    ],
    parentContactHashes: [hashContactEmail('legacy.carer@example.net')],
  });
  const dir = settingsDirectory(s);

  it('knows family contacts and pupils by address, and hashed contacts from older settings', () => {
    expect(dir.match('parent@example.com')).toEqual({ family: true, pupil: false });
    expect(dir.match('a.smith@pupils.school.example.org.uk')).toEqual({ family: false, pupil: true });
    expect(dir.match('legacy.carer@example.net')).toEqual({ family: true, pupil: false });
    expect(dir.match('nobody@example.com')).toEqual({ family: false, pupil: false });
  });

  it('links a contact to every roster pupil it names (one entry per child), by name whatever the spacing or case', () => {
    expect(dir.linkedPupils('shared@example.com')).toEqual([0, 1]);
    expect(dir.isLinked('parent@example.com', 0)).toBe(true);
    expect(dir.isLinked('parent@example.com', 1)).toBe(false);
    expect(dir.linkedPupils('a.smith@pupils.school.example.org.uk')).toEqual([0]);
    expect(dir.linkedPupils('unlinked@example.com')).toEqual([]);
    expect(dir.linkedPupils('legacy.carer@example.net')).toEqual([]);
  });

  it("names a UPN's roster pupil, in any case, and nobody for a UPN not on the roster", () => {
    expect(dir.pupilsWithUpn('b801200005001')).toEqual([0]);
    expect(dir.pupilsWithUpn('K886402120108')).toEqual([]);
  });

  it('answers like the send-check record built from the same settings', () => {
    const parsed = parseSendCheck(buildSendCheck(sourceFromSettings(s), { id: 'x', createdAt: '2026-01-01T00:00:00Z', key: new Uint8Array(16).fill(9) }));
    if (!parsed.ok) throw new Error(parsed.problem);
    const rec = sendCheckDirectory(parsed.data);
    const nameOf = (ids: readonly number[], roster: readonly { name: string }[]) => ids.map((i) => roster[i]?.name).sort();
    for (const a of ['parent@example.com', 'shared@example.com', 'a.smith@pupils.school.example.org.uk', 'unlinked@example.com', 'x@y.org']) {
      expect(rec.match(a)).toEqual(dir.match(a));
      expect(nameOf(rec.linkedPupils(a), parsed.data.roster)).toEqual(nameOf(dir.linkedPupils(a), s.pupils));
    }
    expect(nameOf(rec.pupilsWithUpn('B801200005001'), parsed.data.roster)).toEqual(nameOf(dir.pupilsWithUpn('B801200005001'), s.pupils));
  });
});

describe('the engine asks the directory it is given', () => {
  const bare = settings({ parentContacts: [], pupils: [{ name: 'Amelia Smith' }] });
  const parsed = parseSendCheck(buildSendCheck({ pupils: [{ name: 'Amelia Smith' }], contacts: [{ email: 'mum@gmail.com', kind: 'family', pupils: [0] }] },
    { id: 'x', createdAt: '2026-01-01T00:00:00Z', key: new Uint8Array(16).fill(3) }));
  if (!parsed.ok) throw new Error(parsed.problem);
  const directory = combineDirectories(sendCheckDirectory(parsed.data), settingsDirectory(bare));

  it('a family contact known only to the record gets the contact-hours warning after 18:00', () => {
    const without = checkDraft(draft({ recipients: to('mum@gmail.com') }), { now: EVENING, settings: bare });
    const withDir = checkDraft(draft({ recipients: to('mum@gmail.com') }), { now: EVENING, settings: bare, directory });
    expect(without.reasons.map((r) => r.code)).toEqual([]);
    expect(withDir.reasons.map((r) => r.code)).toEqual(['outside-hours']);
  });

  it('and is not treated as personal webmail when pupil data goes to them', () => {
    const d = draft({ recipients: to('mum@gmail.com'), text: 'Amelia Smith has her EHCP review and a new medication plan.' });
    expect(checkDraft(d, { now: EVENING, settings: bare }).reasons.map((r) => r.code)).toContain('personal-webmail');
    expect(checkDraft(d, { now: EVENING, settings: bare, directory }).reasons.map((r) => r.code)).not.toContain('personal-webmail');
  });
});
