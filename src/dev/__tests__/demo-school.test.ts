// One demo school: the harness's built-in stand-in and the running emulator
// give the send handler the same cache, and the harness's named people are
// people the emulator seeds. Node, not jsdom: jose's signing in the emulator
// rejects jsdom's Uint8Array, so only the sessionStorage the demo sign-in
// writes to is stubbed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index';
import { checkDraft, fromLocal, type ContactDirectory, type ResolvedSettings } from '../../compose-check';
import { readCache } from '../../outlook/cache/settings-cache';
import { settingsForDraft } from '../../outlook/cache/resolve';
import { storesFor } from '../../outlook/cache/stores';
import { createFakeOffice } from '../fake-office/fake-office';
import { demoSettingsSource, emulatorSettingsSource } from '../settings-source';
import { DEMO_COLLEAGUE, DEMO_PARENT, DEMO_PUPIL, DEMO_USER, ENCRYPTED_LABEL_ID, PUPIL_DOMAIN, SCHOOL_DOMAIN } from '../demo-settings';

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

/** What the send handler would run with after a refresh from either source (classic Windows: OfficeRuntime.storage). */
async function refreshed(source: 'demo' | 'emulator') {
  const fake = createFakeOffice({ user: DEMO_USER, platform: 'windows' });
  const env = { office: fake.Office, ...(fake.OfficeRuntime ? { runtime: fake.OfficeRuntime } : {}) };
  const settingsSource = source === 'demo' ? demoSettingsSource(env) : emulatorSettingsSource(env, emulator.url);
  const summary = await settingsSource.refresh(false);
  const { best } = await readCache(storesFor(env));
  if (!best) throw new Error(`no cache after refreshing from ${source}`);
  const checked = await settingsForDraft(env, { from: DEMO_USER.emailAddress, recipients: [] }, fromLocal(2026, 11, 26, 19, 10, 'Europe/London'));
  return { summary, record: best.record, settings: checked.settings, directory: checked.directory };
}

const draftTo = (email: string, body: string) => ({
  from: DEMO_USER.emailAddress,
  recipients: [{ email, field: 'to' as const, recipientType: email.endsWith(SCHOOL_DOMAIN) ? 'user' as const : 'externalUser' as const }],
  subject: 'Hello', body: { kind: 'text' as const, content: body }, attachments: [],
});

describe('the demo school', () => {
  it('is the same school from the built-in stand-in as from the emulator, read as the mailbox user from AUP Send Check', async () => {
    const [fromDemo, fromEmulator] = await Promise.all([refreshed('demo'), refreshed('emulator')]);
    expect(fromDemo.record.settings).toEqual(fromEmulator.record.settings);
    expect(fromEmulator.record.settings).toMatchObject({ schoolDomains: [SCHOOL_DOMAIN], pupilDomains: [PUPIL_DOMAIN], encryption: { labelIds: [ENCRYPTED_LABEL_ID] } });
    expect(fromEmulator.summary.hasContacts).toBe(true);
    // The same roster (names only) and the same answers, though each snapshot has its own key.
    expect(fromDemo.settings.pupils.map((p) => p.name).sort()).toEqual(fromEmulator.settings.pupils.map((p) => p.name).sort());
    for (const r of [fromDemo, fromEmulator]) {
      expect(r.settings.pupils).toContainEqual({ name: DEMO_PUPIL.name });
      expect(r.directory?.match(DEMO_PARENT)).toEqual({ family: true, pupil: false });
      expect(r.directory?.match(DEMO_PUPIL.email)).toEqual({ family: false, pupil: true });
      const pupil = r.settings.pupils.findIndex((p) => p.name === DEMO_PUPIL.name);
      expect(r.directory?.isLinked(DEMO_PARENT, pupil)).toBe(true);
      // The policy in force comes along, quoted from its text.
      expect(r.record.policy?.clauses['mobile-phones.contact-hours']?.quote).toMatch(/8\.00 am to 6\.00 pm$/);
    }
    // No address is kept in clear.
    expect(JSON.stringify(fromEmulator.record.sendCheck?.roster)).not.toContain('@');
  });

  it("names a signed-in user and colleague the emulator's directory holds", async () => {
    const users = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as { upn: string; displayName: string }[];
    expect(users).toContainEqual(expect.objectContaining({ upn: DEMO_USER.emailAddress, displayName: DEMO_USER.displayName }));
    expect(users.map((u) => u.upn)).toContain(DEMO_COLLEAGUE);
  });

  it('treats the demo parent on outlook.com as a parent: contact hours apply at 19:10, the personal-webmail block does not', async () => {
    const { settings, directory } = await refreshed('demo');
    const ctx = (now: Date): { now: Date; settings: ResolvedSettings; directory?: ContactDirectory } => ({ now, settings, ...(directory ? { directory } : {}) });
    const at1910 = fromLocal(2026, 11, 26, 19, 10, 'Europe/London');
    const toParent = checkDraft(draftTo(DEMO_PARENT, `${DEMO_PUPIL.name} (UPN ${DEMO_PUPIL.upn}) has a trip tomorrow.`), ctx(at1910));
    expect(toParent.reasons.map((r) => r.code)).toContain('outside-hours');
    expect(toParent.reasons.map((r) => r.code)).not.toContain('personal-webmail');
    const toStranger = checkDraft(draftTo('someone.random@outlook.com', `${DEMO_PUPIL.name} (UPN ${DEMO_PUPIL.upn}) has a trip tomorrow.`), ctx(at1910));
    expect(toStranger.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['personal-webmail']));
    expect(toStranger.reasons.map((r) => r.code)).not.toContain('outside-hours');
    expect(checkDraft(draftTo(DEMO_COLLEAGUE, 'Staff meeting notes.'), ctx(at1910)).reasons).toEqual([]);
  });
});
