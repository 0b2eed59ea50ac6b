// One demo school: the harness's built-in stand-in and the running emulator
// give the send handler the same cache, and the harness's named people are
// people the emulator seeds. Node, not jsdom: jose's signing in the emulator
// rejects jsdom's Uint8Array, so only the sessionStorage the demo sign-in
// writes to is stubbed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index';
import { checkDraft, fromLocal, hashContactEmail, parseSettings, resolveSettings, type Settings } from '../../compose-check';
import { hostStores, readCache } from '../../outlook/cache/settings-cache';
import { createFakeOffice } from '../fake-office/fake-office';
import { demoSettingsSource, emulatorSettingsSource } from '../settings-source';
import { DEMO_COLLEAGUE, DEMO_PARENT, DEMO_PUPIL, DEMO_SETTINGS, DEMO_USER, ENCRYPTED_LABEL_ID, PUPIL_DOMAIN, SCHOOL_DOMAIN } from '../demo-settings';
import { SettingsRepository, createGraphClient, siteLists } from '../../graph';

let emulator: Emulator;
beforeAll(async () => {
  const remembered = new Map<string, string>();
  vi.stubGlobal('sessionStorage', { setItem: (k: string, v: string) => remembered.set(k, v), getItem: (k: string) => remembered.get(k) ?? null, removeItem: (k: string) => remembered.delete(k) });
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await emulator?.close();
});

async function cachedSettings(source: 'demo' | 'emulator'): Promise<Settings> {
  const fake = createFakeOffice({ user: DEMO_USER });
  const settingsSource = source === 'demo'
    ? demoSettingsSource(fake.Office, fake.OfficeRuntime)
    : emulatorSettingsSource(fake.Office, fake.OfficeRuntime, emulator.url);
  await settingsSource.refresh(false);
  const { record } = await readCache(hostStores(fake.Office, fake.OfficeRuntime));
  if (!record) throw new Error(`no cache after refreshing from ${source}`);
  return record.settings;
}

const draftTo = (email: string, body: string) => ({
  from: DEMO_USER.emailAddress,
  recipients: [{ email, field: 'to' as const, recipientType: email.endsWith(SCHOOL_DOMAIN) ? 'user' as const : 'externalUser' as const }],
  subject: 'Hello', body: { kind: 'text' as const, content: body }, attachments: [],
});

describe('the demo school', () => {
  it("has the emulator's settings, read as the mailbox user", async () => {
    const token = ((await (await fetch(`${emulator.url}/_dev/token`, { method: 'POST', body: JSON.stringify({ upn: DEMO_USER.emailAddress }) })).json()) as { access_token: string }).access_token;
    const lists = siteLists(createGraphClient({ baseUrl: emulator.url, getToken: async () => token }), 'root');
    const parsed = parseSettings(DEMO_SETTINGS);
    if (!parsed.ok) throw new Error('the demo settings are invalid');
    expect((await new SettingsRepository(lists).read())?.settings).toEqual(parsed.settings);
    const fromDemo = await cachedSettings('demo');
    expect(fromDemo).toMatchObject({ schoolDomains: [SCHOOL_DOMAIN], pupilDomains: [PUPIL_DOMAIN], encryption: { labelIds: [ENCRYPTED_LABEL_ID] } });
    expect(fromDemo.parentContactHashes).toContain(hashContactEmail(DEMO_PARENT));
    const { email: pupilEmail, ...pupilWithoutEmail } = DEMO_PUPIL;
    expect(fromDemo.pupils).toContainEqual(pupilWithoutEmail);
    if (pupilEmail) expect(fromDemo.pupilEmailHashes).toContain(hashContactEmail(pupilEmail));
  });

  // AUP Contacts is for admins only (issue 10): a member of staff's refresh from the emulator is refused
  // the contacts until the harness reads the derived AUP Send Check list instead (the send-check work).
  // Then this becomes "the same cache from the stand-in as from the emulator" again.
  it('is refused the contacts when refreshing from the emulator as a member of staff', async () => {
    await expect(cachedSettings('emulator')).rejects.toThrow(/AUP Contacts/);
  });

  it("names a signed-in user and colleague the emulator's directory holds", async () => {
    const users = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as { upn: string; displayName: string }[];
    expect(users).toContainEqual(expect.objectContaining({ upn: DEMO_USER.emailAddress, displayName: DEMO_USER.displayName }));
    expect(users.map((u) => u.upn)).toContain(DEMO_COLLEAGUE);
  });

  it('treats the demo parent on outlook.com as a parent: contact hours apply at 19:10, the personal-webmail block does not', async () => {
    const settings = resolveSettings(await cachedSettings('demo'), DEMO_USER.emailAddress);
    const at1910 = fromLocal(2026, 11, 26, 19, 10, 'Europe/London');
    const toParent = checkDraft(draftTo(DEMO_PARENT, `${DEMO_PUPIL.name} (UPN ${DEMO_PUPIL.upn}) has a trip tomorrow.`), { now: at1910, settings });
    expect(toParent.reasons.map((r) => r.code)).toContain('outside-hours');
    expect(toParent.reasons.map((r) => r.code)).not.toContain('personal-webmail');
    const toStranger = checkDraft(draftTo('someone.random@outlook.com', `${DEMO_PUPIL.name} (UPN ${DEMO_PUPIL.upn}) has a trip tomorrow.`), { now: at1910, settings });
    expect(toStranger.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['personal-webmail']));
    expect(toStranger.reasons.map((r) => r.code)).not.toContain('outside-hours');
    expect(checkDraft(draftTo(DEMO_COLLEAGUE, 'Staff meeting notes.'), { now: at1910, settings }).reasons).toEqual([]);
  });
});
