// The demo school and the bench's bulk seed: what `npm start` shows a newcomer.
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUpn } from '../../src/compose-check/identifiers';
import { parseSettings } from '../../src/compose-check/settings';
import { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../../src/emulator/index';
import { CURRENT_POLICY_META, policyAssetPath } from '../../src/policy/index';
import { signIn, start, DEMO_USERS, type Emulator, type Session } from './support';

interface Page<T> { value: T[]; '@odata.nextLink'?: string }
type Fields = Record<string, string | boolean>;

const dir = mkdtempSync(join(tmpdir(), 'aup-emulator-demo-'));
const dataFile = join(dir, 'demo.sqlite');
let emulator: Emulator;
let manager: Session;
/** Contacts are for admins only (the role model); the demo admin reads them. */
let admin: Session;

beforeAll(async () => {
  emulator = await start({ dataFile, seed: 'demo' });
  manager = await signIn(emulator, DEMO_USERS.manager);
  admin = await signIn(emulator, DEMO_USERS.admin);
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

async function all(session: Session, path: string): Promise<{ fields: Fields; createdBy: { user: { id: string } } }[]> {
  const out: { fields: Fields; createdBy: { user: { id: string } } }[] = [];
  let next: string | undefined = path;
  while (next) {
    const r: { body: Page<{ fields: Fields; createdBy: { user: { id: string } } }> } = await session.get(next);
    out.push(...r.body.value);
    next = r.body['@odata.nextLink'];
  }
  return out;
}

describe('the demo school', () => {
  it('has about 60 staff in All Staff, a few managers and one admin', async () => {
    const users = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as { role: string }[];
    expect(users).toHaveLength(60);
    expect(users.filter((u) => u.role === 'admin')).toHaveLength(1);
    expect(users.filter((u) => u.role === 'manager').length).toBeGreaterThanOrEqual(3);
    const staff = await manager.get<Page<unknown>>(`groups/${ALL_STAFF_GROUP_ID}/transitiveMembers?$top=999`);
    expect(staff.body.value).toHaveLength(60);
    const managers = await manager.get<Page<unknown>>(`groups/${MANAGERS_GROUP_ID}/members`);
    expect(managers.body.value).toHaveLength(5);
  });
  it('puts exactly the admin in AUP Admins, so the tab grants the admin view by group as in production', async () => {
    const admins = await manager.get<Page<{ userPrincipalName: string }>>(`groups/${ADMINS_GROUP_ID}/members`);
    expect(admins.body.value.map((u) => u.userPrincipalName)).toEqual([DEMO_USERS.admin]);
  });
  it('adds AUP Admins on start to a data file seeded before the group existed', async () => {
    const old = join(dir, 'before-admins-group.sqlite');
    const first = await start({ dataFile: old, seed: 'empty' });
    first.db.prepare('DELETE FROM group_members WHERE group_id = ?').run(ADMINS_GROUP_ID);
    first.db.prepare('DELETE FROM groups WHERE id = ?').run(ADMINS_GROUP_ID);
    await first.close();
    const again = await start({ dataFile: old, seed: 'empty' });
    try {
      const admin = await signIn(again, DEMO_USERS.admin);
      expect((await admin.post<{ value: string[] }>('me/checkMemberGroups', { groupIds: [ADMINS_GROUP_ID] })).body.value).toEqual([ADMINS_GROUP_ID]);
    } finally {
      await again.close();
    }
  });
  it('has the April 2020 policy as the current version, hashed from the shipped text', async () => {
    const policies = await all(manager, `sites/root/lists/AUP Policies/items?$expand=fields&$filter=fields/Status eq 'Current'`);
    expect(policies).toHaveLength(1);
    const text = readFileSync(new URL(`../../${policyAssetPath(CURRENT_POLICY_META.versionLabel)}`, import.meta.url), 'utf8');
    expect(policies[0]!.fields.VersionLabel).toBe('2020-04');
    expect(policies[0]!.fields.PolicyHash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
  it('has a few signatures already, each created by its signer', async () => {
    const acks = await all(manager, `sites/root/lists/AUP Acknowledgements/items?$expand=fields&$filter=fields/PolicyVersion eq '2020-04'`);
    expect(acks.length).toBeGreaterThanOrEqual(5);
    for (const a of acks) expect(a.createdBy.user.id).toBe(a.fields.SignerId);
    const staffSigned = acks.some((a) => a.fields.SignerUpn === DEMO_USERS.staff);
    expect(staffSigned).toBe(false);
  });
  it('keeps acknowledgements private to their signer (ReadSecurity 2)', async () => {
    const staff = await signIn(emulator, DEMO_USERS.staff);
    const seen = await all(staff, `sites/root/lists/AUP Acknowledgements/items?$expand=fields`);
    expect(seen).toEqual([]);
  });
  it('has valid compose-check settings', async () => {
    const settings = await all(manager, `sites/root/lists/AUP Settings/items?$expand=fields&$filter=fields/SettingsKey eq 'compose-check'`);
    expect(settings).toHaveLength(1);
    expect(parseSettings(JSON.parse(String(settings[0]!.fields.SettingsJson)))).toMatchObject({ ok: true });
  });
  it('has about 200 pupils with valid UPNs, and their parents or carers', async () => {
    const contacts = await all(admin, `sites/root/lists/AUP Contacts/items?$top=5000&$expand=fields($select=Role,PupilUpn,Email)`);
    const pupils = contacts.filter((c) => c.fields.Role === 'Pupil');
    expect(pupils).toHaveLength(200);
    expect(pupils.every((p) => isValidUpn(String(p.fields.PupilUpn)))).toBe(true);
    expect(new Set(pupils.map((p) => p.fields.PupilUpn)).size).toBe(200);
    expect(contacts.filter((c) => c.fields.Role !== 'Pupil').length).toBeGreaterThanOrEqual(200);
  });
  it('is seeded once: a restart on the same file keeps data and adds nothing', async () => {
    const before = await all(admin, `sites/root/lists/AUP Contacts/items?$top=5000&$select=id`);
    await emulator.close();
    emulator = await start({ dataFile, seed: 'demo' });
    manager = await signIn(emulator, DEMO_USERS.manager);
    admin = await signIn(emulator, DEMO_USERS.admin);
    const after = await all(admin, `sites/root/lists/AUP Contacts/items?$top=5000&$select=id`);
    expect(after).toHaveLength(before.length);
  });
});

describe('seedScale', () => {
  it('adds thousands of staff and signatures quickly, leaving a known number unsigned', async () => {
    const report = emulator.seedScale({ staff: 2000, acknowledgements: 6000 });
    expect(report.acknowledgementsAdded).toBe(6000);
    expect(report.elapsedMs).toBeLessThan(5000);
    const staff = await manager.get<Page<unknown> & { '@odata.count': number }>(`groups/${ALL_STAFF_GROUP_ID}/transitiveMembers?$top=1&$count=true`);
    expect(staff.body['@odata.count']).toBe(2060);
    expect(report.signedVersion + report.unsignedVersion).toBe(2060);
    expect(report.signedVersion).toBe(Math.floor(2060 * 0.8));
    const signed = await all(manager, `sites/root/lists/AUP Acknowledgements/items?$top=5000&$expand=fields($select=SignerId)&$filter=fields/PolicyVersion eq '2020-04'`);
    expect(new Set(signed.map((s) => s.fields.SignerId)).size).toBe(report.signedVersion);
  });
});
