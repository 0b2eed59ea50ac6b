import { describe, expect, it } from 'vitest';
import { checkDraft, fromLocal } from '../../compose-check';
import { buildSendCheck } from '../../compose-check/directory/build';
import { cacheDraftFrom, fitForStore } from '../cache/build';
import { fallbackSettings, settingsForDraft } from '../cache/resolve';
import { CACHE_TTL_MS, parseCacheRecord, readCache, recordForStore, writeCache, type CacheDraft } from '../cache/settings-cache';
import { CACHE_KEY, ROAMING_BUDGET_CHARS, type CacheStore, type StoreName } from '../cache/stores';
import { createFakeOffice } from '../../dev/fake-office/fake-office';

const memory = (name: StoreName, budget?: number, fail = false): CacheStore & { value?: string } => {
  const store: CacheStore & { value?: string } = {
    name, ...(budget ? { budget } : {}),
    read: async () => store.value,
    write: async (json) => { if (fail) throw new Error('disk full'); store.value = json; },
  };
  return store;
};

const KEY = () => new Uint8Array(16).fill(5);
const SAVED = new Date('2026-11-26T09:00:00Z');

/** A snapshot as the contacts import writes it. */
function snapshot(pupils: number, contactsPerPupil = 2): string {
  const roster = Array.from({ length: pupils }, (_, i) => ({ name: `Pupil${i} Surname${i % 97}`, upn: undefined, email: `p${i}@pupils.example.org.uk` }));
  return buildSendCheck({
    pupils: roster,
    contacts: roster.flatMap((_, i) => Array.from({ length: contactsPerPupil }, (_, j) => ({ email: `family${i}.${j}@gmail.com`, kind: 'family' as const, pupils: [i] }))),
  }, { id: '20261126T090000Z-aa', createdAt: SAVED.toISOString(), key: KEY() });
}

describe('cacheDraftFrom', () => {
  it('keeps settings, folds pupils and parent contacts still in AUP Settings into the send-check record, and quotes the policy', () => {
    const { draft } = cacheDraftFrom({
      settings: { schoolDomains: ['school.example.org.uk'], parentContacts: [{ email: 'Mum@Example.com', pupil: 'Sam Lee' }], pupils: [{ name: 'Sam Lee', email: 'sam@home.example.net' }] },
      sendCheck: snapshot(2),
      policy: { version: '2026-09', text: '## Phones\n\nCalls and contact to pupils and parents should be restricted to 8am to 5.30pm.\n' },
    }, SAVED, KEY);
    const json = recordForStore(draft, undefined, fitForStore).json;
    expect(json).not.toMatch(/mum@|sam@home|family0|p0@pupils/i);
    expect(draft.settings).toEqual({ schoolDomains: ['school.example.org.uk'] });
    expect(draft.sendCheck?.roster.map((p) => p.name)).toContain('Sam Lee');
    expect(draft.policy?.version).toBe('2026-09');
    expect(draft.policy?.clauses['mobile-phones.contact-hours']?.quote).toBe('Calls and contact to pupils and parents should be restricted to 8am to 5.30pm');
    expect(draft.policy?.clauses['internet-email.security']).toBeNull();
  });

  it('builds a record of its own when no import has published a snapshot, and reports a snapshot it cannot read', () => {
    const own = cacheDraftFrom({ settings: { pupils: [{ name: 'Sam Lee', email: 'sam@home.example.net' }] }, sendCheck: undefined, policy: undefined }, SAVED, KEY);
    expect(own.draft.sendCheck?.roster).toEqual([{ name: 'Sam Lee' }]);
    const bad = cacheDraftFrom({ settings: {}, sendCheck: '{"format":"nope"}', policy: undefined }, SAVED, KEY);
    expect(bad.draft.sendCheck).toBeUndefined();
    expect(bad.problems).toEqual(['AUP Send Check: not a send-check record']);
  });
});

describe('the cache record', () => {
  const draft: CacheDraft = cacheDraftFrom({ settings: { schoolDomains: ['s.example.org'] }, sendCheck: snapshot(2000, 2), policy: undefined }, SAVED, KEY).draft;

  it('fits roaming settings at 2,000 pupils and 4,000 contacts by narrowing the fingerprints, and says how far', () => {
    const full = recordForStore(draft, undefined, fitForStore);
    const roaming = recordForStore(draft, ROAMING_BUDGET_CHARS, fitForStore);
    expect(full.bits).toBe(32);
    expect(full.json.length).toBeGreaterThan(ROAMING_BUDGET_CHARS);
    expect(roaming.json.length).toBeLessThanOrEqual(ROAMING_BUDGET_CHARS);
    expect(roaming.bits).toBeGreaterThanOrEqual(16);
    expect(roaming.bits).toBeLessThan(32);
    const parsed = parseCacheRecord(roaming.json);
    expect(parsed.ok && parsed.record.sendCheck?.roster).toHaveLength(2000);
  });

  it('prefers the freshest record, and among equally fresh the fullest', async () => {
    const [wide, narrow, broken] = [memory('localStorage'), memory('roamingSettings', ROAMING_BUDGET_CHARS), memory('sessionData')];
    await writeCache([wide, narrow], draft, fitForStore);
    broken.value = 'nonsense';
    const read = await readCache([narrow, broken, wide]);
    expect(read.best?.store).toBe('localStorage');
    expect(read.best?.record.sendCheck?.bits).toBe(32);
    expect(read.problems).toEqual(['sessionData: the cache is not JSON']);
  });

  it('fails only when no store took the record, naming why', async () => {
    await expect(writeCache([memory('localStorage'), memory('roamingSettings', undefined, true)], draft, fitForStore))
      .resolves.toMatchObject({ written: [{ store: 'localStorage', bits: 32 }], skipped: ['roamingSettings: disk full'] });
    await expect(writeCache([memory('roamingSettings', 10)], draft, fitForStore)).rejects.toThrow(/roamingSettings: too large/);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['the old version', '{"version":1,"savedAt":"2026-11-26T10:00:00Z","settings":{}}', /unknown cache version 1/],
    ['a bad time', '{"version":2,"savedAt":"soon","settings":{}}', /savedAt/],
    ['invalid settings', '{"version":2,"savedAt":"2026-11-26T10:00:00Z","settings":{"permittedHours":{"start":"25:00","end":"18:00"}}}', /permittedHours\.start/],
    ['a broken send-check part', '{"version":2,"savedAt":"2026-11-26T10:00:00Z","settings":{},"sendCheck":{"format":"aup-guard/send-check","version":1}}', /send-check record has no id/],
  ])('rejects %s', (_what, json, problem) => {
    const parsed = parseCacheRecord(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe('settingsForDraft', () => {
  const toParent = { from: 'me@school.example.org.uk', recipients: [{ email: 'family3.1@gmail.com', field: 'to' as const }] };
  const at1910 = fromLocal(2026, 11, 26, 19, 10, 'Europe/London');

  async function withCache(platform: 'windows' | 'web', savedAt: Date) {
    const fake = createFakeOffice({ user: { emailAddress: 'me@school.example.org.uk', displayName: 'Me' }, platform });
    const local = new Map<string, string>();
    const localStorage = { getItem: (k: string) => local.get(k) ?? null, setItem: (k: string, v: string) => { local.set(k, v); } };
    const { draft } = cacheDraftFrom({ settings: { schoolDomains: ['school.example.org.uk'] }, sendCheck: snapshot(20), policy: undefined }, savedAt, KEY);
    const json = recordForStore(draft, undefined, fitForStore).json;
    if (platform === 'windows') await fake.runtimeStorage.setItem(CACHE_KEY, json);
    else local.set(CACHE_KEY, json);
    return { fake, env: { office: fake.Office, ...(fake.OfficeRuntime ? { runtime: fake.OfficeRuntime } : {}), localStorage } };
  }

  it.each(['windows', 'web'] as const)('on %s reads the store that platform shares with the pane and knows the parent', async (platform) => {
    const { env } = await withCache(platform, SAVED);
    const checked = await settingsForDraft(env, toParent, at1910);
    expect(checked.state.kind).toBe('fresh');
    const decision = checkDraft({ ...toParent, subject: '', body: { kind: 'text', content: '' }, attachments: [] }, { now: at1910, settings: checked.settings, ...(checked.directory ? { directory: checked.directory } : {}) });
    expect(decision.reasons.map((r) => r.code)).toEqual(['outside-hours']);
  });

  it('stops using a record past its 14-day time-to-live, and says it is on defaults', async () => {
    const { env } = await withCache('web', new Date(at1910.getTime() - CACHE_TTL_MS - 60_000));
    const checked = await settingsForDraft(env, toParent, at1910);
    expect(checked.state.kind).toBe('expired');
    expect(checked.directory).toBeUndefined();
    expect(checked.settings.schoolDomains).toEqual(['school.example.org.uk']);
    expect(checked.settings.pupils).toEqual([]);
    // A day inside the time-to-live, the same record is used.
    const { env: recent } = await withCache('web', new Date(at1910.getTime() - CACHE_TTL_MS + 24 * 3600_000));
    expect((await settingsForDraft(recent, toParent, at1910)).state.kind).toBe('fresh');
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
