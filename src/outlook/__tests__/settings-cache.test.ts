import { describe, expect, it } from 'vitest';
import { checkDraft, fromLocal, hashContactEmail, resolveSettings } from '../../compose-check';
import {
  buildCacheRecord, fitRecord, parseCacheRecord, readCache, writeCache, type CacheStore,
} from '../cache/settings-cache';
import { fallbackSettings } from '../cache/resolve';

const memory = (name: string, budget?: number, fail = false): CacheStore & { value?: string } => {
  const store: CacheStore & { value?: string } = {
    name, ...(budget ? { budget } : {}),
    read: async () => store.value,
    write: async (json) => { if (fail) throw new Error('disk full'); store.value = json; },
  };
  return store;
};

describe('buildCacheRecord', () => {
  it('stores parents and pupils\' addresses only as SHA-256 hashes of the lower-cased address, keeping pupils\' names', () => {
    const record = buildCacheRecord(
      { parentContacts: [{ email: 'Mum@Example.com' }], pupils: [{ name: 'Sam Lee', email: 'Sam.Lee@home.example.net' }] },
      [{ email: 'DAD@example.com', role: 'Carer' }, { email: 'p@pupils.example.org.uk', role: 'Pupil', pupilName: 'Pat', pupilUpn: 'B801200005001' }],
      new Date('2026-11-26T10:00:00Z'),
    );
    const json = JSON.stringify(record);
    expect(json).not.toMatch(/mum@|dad@|sam\.lee@|p@pupils/i);
    expect(json).not.toContain('@');
    expect(record.settings.parentContactHashes).toEqual([hashContactEmail('mum@example.com'), hashContactEmail('dad@example.com')]);
    expect(record.settings.pupils).toEqual([{ name: 'Sam Lee' }, { name: 'Pat', upn: 'B801200005001' }]);
    expect(record.settings.pupilEmailHashes).toEqual([hashContactEmail('sam.lee@home.example.net'), hashContactEmail('p@pupils.example.org.uk')]);
    expect(parseCacheRecord(json).ok).toBe(true);
  });

  it('still lets the engine recognise a pupil\'s own address after hashing', () => {
    const record = buildCacheRecord({ pupils: [{ name: 'Sam Lee', email: 'sam.lee@home.example.net' }] }, [], new Date('2026-11-26T10:00:00Z'));
    const parsed = parseCacheRecord(JSON.stringify(record));
    if (!parsed.ok) throw new Error(parsed.problem);
    const settings = resolveSettings(parsed.record.settings, 'me@school.example.org.uk');
    const at = fromLocal(2026, 11, 26, 19, 10, 'Europe/London');
    const d = checkDraft({ recipients: [{ email: 'Sam.Lee@home.example.net', field: 'to' }], subject: '', body: { kind: 'text', content: '' }, attachments: [] }, { now: at, settings });
    expect(d.reasons.map((r) => r.code)).toEqual(['outside-hours']);
  });
});

describe('parseCacheRecord', () => {
  it.each([
    ['not JSON', '{', /not JSON/],
    ['another version', '{"version":2,"savedAt":"2026-11-26T10:00:00Z","settings":{}}', /unknown cache version/],
    ['a bad time', '{"version":1,"savedAt":"soon","settings":{}}', /savedAt/],
    ['invalid settings', '{"version":1,"savedAt":"2026-11-26T10:00:00Z","settings":{"permittedHours":{"start":"25:00","end":"18:00"}}}', /permittedHours\.start/],
  ])('rejects %s', (_what, json, problem) => {
    const parsed = parseCacheRecord(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe('readCache and writeCache', () => {
  it('reads the freshest valid record and reports, not throws, on a bad store', async () => {
    const older = memory('a');
    const newer = memory('b');
    const broken = memory('c');
    await writeCache([older], buildCacheRecord({ schoolDomains: ['old.example.org'] }, [], new Date('2026-11-25T10:00:00Z')));
    await writeCache([newer], buildCacheRecord({ schoolDomains: ['new.example.org'] }, [], new Date('2026-11-26T10:00:00Z')));
    broken.value = 'nonsense';
    const read = await readCache([older, broken, newer]);
    expect(read.record?.settings.schoolDomains).toEqual(['new.example.org']);
    expect(read.problems).toEqual(['c: the cache is not JSON']);
  });

  it('drops the pupil roster to fit roaming settings, and skips a store it cannot fit', () => {
    const pupils = Array.from({ length: 300 }, (_, i) => ({ name: `Pupil ${i}`, email: `p${i}@pupils.example.org.uk` }));
    const record = buildCacheRecord({ schoolDomains: ['s.example.org'], pupils }, [], new Date());
    const fitted = fitRecord(record, 25_000);
    expect(fitted).toBeDefined();
    const fittedSettings = JSON.parse(fitted!).settings;
    expect(fittedSettings.pupils).toBeUndefined();
    // The roster's names go first; the address hashes stay while they fit.
    expect(fittedSettings.pupilEmailHashes).toHaveLength(300);
    expect(JSON.parse(fitRecord(record, 1_000)!).settings).toEqual({ schoolDomains: ['s.example.org'] });
    expect(fitRecord(record, 50)).toBeUndefined();
  });

  it('fails only when no store took the record', async () => {
    const record = buildCacheRecord({}, [], new Date());
    await expect(writeCache([memory('ok'), memory('bad', undefined, true)], record)).resolves.toEqual({ written: ['ok'], skipped: ['bad: disk full'] });
    await expect(writeCache([memory('bad', undefined, true)], record)).rejects.toThrow(/could not be saved/);
  });
});

describe('fallbackSettings', () => {
  it("treats the sender's domain and domains Outlook calls internal as the school", () => {
    expect(fallbackSettings('me@school.example.org', [
      { email: 'x@other-school-domain.example.org', field: 'to', recipientType: 'user' },
      { email: 'y@gmail.com', field: 'to', recipientType: 'externalUser' },
    ])).toEqual({ schoolDomains: ['school.example.org', 'other-school-domain.example.org'] });
    expect(fallbackSettings(undefined, [])).toEqual({});
  });
});
