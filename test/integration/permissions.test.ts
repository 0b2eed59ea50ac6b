// SharePoint enforces who may do what (issue 10): the demo site as provisioning
// leaves it, the real graph-client over HTTP, and each user's own token. One
// test per cell of the role model's table and per forbidden action in the
// issue's "Why". Nothing here goes through the UI: whatever a member of staff
// could do in Graph Explorer, these tests do.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcknowledgementsRepository, ContactsRepository, GraphRequestError, PoliciesRepository, SettingsRepository, StoreError,
  acknowledgementsAccess, createSpRest, siteLists, type SiteLists, type SubmitAcknowledgement,
} from '../../src/graph/index';
import { ACKNOWLEDGEMENTS_LIST, CONTACTS_LIST, POLICIES_LIST, REMINDERS_LIST, SEND_CHECK_LIST, SETTINGS_LIST, type ListDefinition } from '../../src/graph/schema';
import { ADMINS_GROUP_ID, DEMO_USERS } from '../../src/emulator/index';
import { DEMO_GROUPS, devUsers, signIn, startEmulator } from './support';
import type { DevUser, Emulator, Session } from './support';

let emulator: Emulator;
let users: DevUser[];
let siteId: string;
let staff: Session;
let otherStaff: Session;
let manager: Session;
/** In AUP Admins but not a site owner: what the role model alone gives an admin. */
let admin: Session;
/** An acknowledgement another member of staff made, and one of the staff member's own. */
let othersAck: string;
let ownAck: string;

const lists = (s: Session): SiteLists => siteLists(s.graph, siteId);
/** A list's items path. Ids are looked up as the site owner: a list the caller cannot see has no id for them (404 below). */
const itemsOf = async (list: ListDefinition): Promise<string> => `/sites/${siteId}/lists/${await lists(ownerSession).listId(list)}/items`;
let ownerSession: Session;

/** The HTTP status a call ends with: 200 for success, otherwise Graph's. */
async function statusOf(work: Promise<unknown>): Promise<number> {
  try {
    await work;
    return 200;
  } catch (error) {
    if (error instanceof GraphRequestError) return error.status;
    throw error;
  }
}

async function codeOf(work: Promise<unknown>): Promise<string | null> {
  try {
    await work;
    return null;
  } catch (error) {
    if (error instanceof GraphRequestError) return error.code;
    throw error;
  }
}

function signature(user: DevUser, overrides: Partial<SubmitAcknowledgement> = {}): SubmitAcknowledgement {
  return {
    policyVersion: '2020-04', policyHash: 'a'.repeat(64), signerId: user.id, signerUpn: user.upn, printedName: user.displayName,
    acceptsPolicy: true, understandsBreach: true, signature: user.displayName, clientSignedAt: '2020-04-02T09:00:00Z', submissionId: randomUUID(), ...overrides,
  };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  users = await devUsers(emulator);
  const byUpn = (upn: string): DevUser => users.find((u) => u.upn === upn)!;
  const plainStaff = users.filter((u) => u.role === 'staff' && u.upn !== DEMO_USERS.staff);
  // A member of staff made an admin in Entra only: no site ownership, nothing but the role model.
  const newAdmin = plainStaff[5]!;
  emulator.db.prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)').run(ADMINS_GROUP_ID, newAdmin.id);
  [staff, otherStaff, manager, admin, ownerSession] = await Promise.all([
    signIn(emulator, byUpn(DEMO_USERS.staff)), signIn(emulator, plainStaff[6]!), signIn(emulator, byUpn(DEMO_USERS.manager)),
    signIn(emulator, newAdmin), signIn(emulator, byUpn(DEMO_USERS.admin)),
  ]);
  siteId = (await staff.graph.get<{ id: string }>('/sites/root', { query: { $select: 'id' } })).id;
  othersAck = (await new AcknowledgementsRepository(lists(otherStaff)).submit(signature(otherStaff.user))).acknowledgement.itemId;
  ownAck = (await new AcknowledgementsRepository(lists(staff)).submit(signature(staff.user))).acknowledgement.itemId;
});

afterAll(async () => {
  await emulator?.close();
});

describe('AUP Acknowledgements', () => {
  describe('all staff: add; read only their own; no edit, no delete', () => {
    it('sign, as themselves, and can then neither change the signature to the new version nor delete it (403)', async () => {
      const { acknowledgement, created } = await new AcknowledgementsRepository(lists(staff)).submit(signature(staff.user));
      expect(created).toBe(true);
      expect(acknowledgement.signedBy.id).toBe(staff.user.id);
      const items = await itemsOf(ACKNOWLEDGEMENTS_LIST);
      expect(await statusOf(staff.graph.patch(`${items}/${acknowledgement.itemId}/fields`, { PolicyVersion: '2026-01' }))).toBe(403);
      expect(await statusOf(staff.graph.delete(`${items}/${acknowledgement.itemId}`))).toBe(403);
      expect(await statusOf(staff.graph.patch(`${items}/${ownAck}/fields`, { PolicyVersion: '2026-01' }))).toBe(403);
      expect(await statusOf(staff.graph.delete(`${items}/${ownAck}`))).toBe(403);
    });
    it('read only their own: no one else in the list, and another\'s item is 404', async () => {
      const seen = await new AcknowledgementsRepository(lists(staff)).listForVersion('2020-04');
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((a) => a.signedBy.id === staff.user.id)).toBe(true);
      expect(await statusOf(staff.graph.get(`${await itemsOf(ACKNOWLEDGEMENTS_LIST)}/${othersAck}`))).toBe(404);
      expect(await codeOf(staff.graph.get(`${await itemsOf(ACKNOWLEDGEMENTS_LIST)}/${othersAck}`))).toBe('itemNotFound');
    });
    it("cannot edit or delete someone else's (404: they cannot see it)", async () => {
      const items = await itemsOf(ACKNOWLEDGEMENTS_LIST);
      expect(await statusOf(staff.graph.patch(`${items}/${othersAck}/fields`, { PrintedName: 'x' }))).toBe(404);
      expect(await statusOf(staff.graph.delete(`${items}/${othersAck}`))).toBe(404);
    });
    it('cannot set ReadSecurity back to 1 to read every signature (SharePoint REST 403)', async () => {
      const spRest = createSpRest({ getToken: async () => staff.token, delaySeconds: 0 });
      const listId = await lists(staff).listId(ACKNOWLEDGEMENTS_LIST);
      const refused = await spRest.updateList(`${emulator.url}/sites/wellsap`, listId, { ReadSecurity: 1 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(GraphRequestError);
      expect((refused as GraphRequestError).status).toBe(403);
      expect((refused as GraphRequestError).code).toBe('-2147024891, System.UnauthorizedAccessException');
    });
    it('cannot give themselves more rights (addroleassignment 403)', async () => {
      const spRest = createSpRest({ getToken: async () => staff.token, delaySeconds: 0 });
      const listId = await lists(staff).listId(ACKNOWLEDGEMENTS_LIST);
      expect(await statusOf(spRest.addRoleAssignment(`${emulator.url}/sites/wellsap`, listId, 11, 1073741829))).toBe(403);
    });
  });

  describe('managers: read every item; no edit or delete', () => {
    it("read every member of staff's signature, and cannot edit or delete one (403)", async () => {
      const signers = new Set((await new AcknowledgementsRepository(lists(manager)).listForVersion('2020-04')).map((a) => a.signedBy.id));
      expect(signers.has(staff.user.id)).toBe(true);
      expect(signers.has(otherStaff.user.id)).toBe(true);
      const items = await itemsOf(ACKNOWLEDGEMENTS_LIST);
      expect(await statusOf(manager.graph.patch(`${items}/${othersAck}/fields`, { AcceptsPolicy: false }))).toBe(403);
      expect(await statusOf(manager.graph.delete(`${items}/${othersAck}`))).toBe(403);
    });
    it("read a signature's version history", async () => {
      const versions = await manager.graph.get<{ value: { id: string }[] }>(`${await itemsOf(ACKNOWLEDGEMENTS_LIST)}/${othersAck}/versions`);
      expect(versions.value.map((v) => v.id)).toEqual(['1.0']);
    });
  });

  describe('admins: as managers', () => {
    it('read every signature, and can neither edit nor delete one', async () => {
      const signers = new Set((await new AcknowledgementsRepository(lists(admin)).listForVersion('2020-04')).map((a) => a.signedBy.id));
      expect(signers.has(otherStaff.user.id)).toBe(true);
      const items = await itemsOf(ACKNOWLEDGEMENTS_LIST);
      expect(await statusOf(admin.graph.patch(`${items}/${othersAck}/fields`, { Signature: '' }))).toBe(403);
      expect(await statusOf(admin.graph.delete(`${items}/${othersAck}`))).toBe(403);
    });
  });
});

describe('AUP Policies', () => {
  const currentPolicy = { Title: 'Forged', VersionLabel: 'forged-1', Status: 'Current', EffectiveDate: '2030-01-01T00:00:00Z', PolicyHash: '0'.repeat(64), PolicyText: 'Anything goes.' };
  it('all staff read the current policy, and cannot post a new Current one (403)', async () => {
    expect((await new PoliciesRepository(lists(staff)).current())?.version).toBe('2020-04');
    expect(await statusOf(staff.graph.post(await itemsOf(POLICIES_LIST), { fields: currentPolicy }))).toBe(403);
  });
  it('managers read the current policy, and cannot add one (403)', async () => {
    expect((await new PoliciesRepository(lists(manager)).current())?.version).toBe('2020-04');
    expect(await statusOf(manager.graph.post(await itemsOf(POLICIES_LIST), { fields: { ...currentPolicy, VersionLabel: 'forged-2' } }))).toBe(403);
  });
  it('admins add and edit: a draft, then publishing it (which retires the version it supersedes)', async () => {
    const policies = new PoliciesRepository(lists(admin));
    await policies.createDraft({ version: '2026-11', title: 'AUP 2026', effectiveDate: '2026-11-01', text: '# AUP 2026' });
    expect((await policies.publish('2026-11', { today: '2026-12-04', dueDate: '2026-12-18' })).status).toBe('Current');
    expect((await policies.get('2020-04'))?.status).toBe('Retired');
  });
  it('admins cannot delete a version (403): every signature points at one', async () => {
    const policy = (await new PoliciesRepository(lists(admin)).get('2020-04'))!;
    expect(await statusOf(admin.graph.delete(`${await itemsOf(POLICIES_LIST)}/${policy.itemId}`))).toBe(403);
  });
});

describe('AUP Settings', () => {
  const switchedOff = { SettingsJson: JSON.stringify({ schoolDomains: ['gmail.com'], severities: { 'sensitive-unencrypted': 'off', 'outside-hours': 'off', 'personal-webmail': 'off' } }) };
  it('all staff read the settings, and cannot switch the checks off (403)', async () => {
    const stored = await new SettingsRepository(lists(staff)).read();
    expect(stored).not.toBeNull();
    expect(await statusOf(staff.graph.patch(`${await itemsOf(SETTINGS_LIST)}/${stored!.itemId}/fields`, switchedOff))).toBe(403);
  });
  it('managers read the settings, and cannot change them (403)', async () => {
    const stored = (await new SettingsRepository(lists(manager)).read())!;
    expect(await statusOf(manager.graph.patch(`${await itemsOf(SETTINGS_LIST)}/${stored.itemId}/fields`, switchedOff))).toBe(403);
  });
  it('admins edit the settings', async () => {
    const settings = new SettingsRepository(lists(admin));
    const before = (await settings.read())!;
    const saved = await settings.write({ ...before.settings, permittedHours: { start: '07:30', end: '18:00' } }, before.eTag);
    expect(saved.settings.permittedHours).toEqual({ start: '07:30', end: '18:00' });
  });
});

describe('AUP Contacts', () => {
  const attacker = { fields: { Title: 'attacker@evil.example', Email: 'attacker@evil.example', Role: 'Parent', ContactKey: 'Parent|attacker@evil.example|' } };
  it('all staff cannot see the list at all: not listed, and every call 404', async () => {
    await expect(new ContactsRepository(lists(staff)).listAll()).rejects.toBeInstanceOf(StoreError);
    const items = await itemsOf(CONTACTS_LIST);
    expect(await statusOf(staff.graph.get(items))).toBe(404);
    expect(await codeOf(staff.graph.get(items))).toBe('itemNotFound');
    expect(await statusOf(staff.graph.post(items, attacker))).toBe(404);
    expect(await statusOf(staff.graph.delete(`${items}/1`))).toBe(404);
  });
  it('managers cannot see it either (404)', async () => {
    expect(await statusOf(manager.graph.get(await itemsOf(CONTACTS_LIST)))).toBe(404);
  });
  it('admins add, edit and delete contacts', async () => {
    const contacts = new ContactsRepository(lists(admin));
    const before = (await contacts.listAll()).length;
    const added = await contacts.import([{ email: 'new.parent@example.org', role: 'Parent', pupilName: 'New Pupil', pupilUpn: 'A123456789012' }]);
    expect(added.created).toBe(1);
    const stored = (await contacts.listAll()).find((c) => c.email === 'new.parent@example.org')!;
    const items = await itemsOf(CONTACTS_LIST);
    expect(await statusOf(admin.graph.patch(`${items}/${stored.itemId}/fields`, { PupilName: 'Renamed Pupil' }))).toBe(200);
    expect(await statusOf(admin.graph.delete(`${items}/${stored.itemId}`))).toBe(200);
    expect((await contacts.listAll()).length).toBe(before);
  });
});

describe('AUP Send Check', () => {
  const part = { fields: { Title: 'snapshot part 1', SnapshotId: 'snap-1', Part: 1, PartCount: 1, Payload: '{}' } };
  it('all staff read it, and cannot write it (403)', async () => {
    const items = await itemsOf(SEND_CHECK_LIST);
    expect(await statusOf(staff.graph.get(items))).toBe(200);
    expect(await statusOf(staff.graph.post(items, part))).toBe(403);
  });
  it('managers read it, and cannot write it (403)', async () => {
    const items = await itemsOf(SEND_CHECK_LIST);
    expect(await statusOf(manager.graph.get(items))).toBe(200);
    expect(await statusOf(manager.graph.post(items, part))).toBe(403);
  });
  it('admins write it: add, edit and remove a snapshot', async () => {
    const items = await itemsOf(SEND_CHECK_LIST);
    const created = await admin.graph.post<{ id: string }>(items, part);
    expect(await statusOf(admin.graph.patch(`${items}/${created.id}/fields`, { Payload: '{"v":2}' }))).toBe(200);
    expect(await statusOf(admin.graph.delete(`${items}/${created.id}`))).toBe(200);
  });
});

describe('AUP Reminders', () => {
  const reminder = (recipient: DevUser) => ({ fields: { Title: recipient.displayName, RecipientId: recipient.id, RecipientName: recipient.displayName, PolicyVersion: '2020-04', Channel: 'Teams' } });
  it('all staff cannot see the list at all: who was chased is not theirs to read (404)', async () => {
    const items = await itemsOf(REMINDERS_LIST);
    expect(await statusOf(staff.graph.get(items))).toBe(404);
    expect(await statusOf(staff.graph.post(items, reminder(staff.user)))).toBe(404);
  });
  it('managers add and read reminders, and cannot edit or delete one (403): the record stays as sent', async () => {
    const items = await itemsOf(REMINDERS_LIST);
    const created = await manager.graph.post<{ id: string }>(items, reminder(staff.user));
    expect(await statusOf(manager.graph.get(`${items}/${created.id}`))).toBe(200);
    expect(await statusOf(manager.graph.patch(`${items}/${created.id}/fields`, { Channel: 'Email' }))).toBe(403);
    expect(await statusOf(manager.graph.delete(`${items}/${created.id}`))).toBe(403);
  });
  it('admins add and read them too', async () => {
    const items = await itemsOf(REMINDERS_LIST);
    const created = await admin.graph.post<{ id: string }>(items, reminder(otherStaff.user));
    expect(await statusOf(admin.graph.get(`${items}/${created.id}`))).toBe(200);
  });
});

describe('delegated scopes', () => {
  const byUpn = (upn: string): DevUser => users.find((u) => u.upn === upn)!;
  it('a token without Sites.ReadWrite.All cannot sign (403 accessDenied), whatever SharePoint allows', async () => {
    const readOnly = await signIn(emulator, byUpn(DEMO_USERS.staff), undefined, ['User.Read', 'Sites.Read.All']);
    const refused = await new AcknowledgementsRepository(siteLists(readOnly.graph, siteId)).submit(signature(readOnly.user)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphRequestError);
    expect((refused as GraphRequestError).status).toBe(403);
    expect((refused as GraphRequestError).code).toBe('accessDenied');
  });
  it('with Sites.ReadWrite.All a manager acts with at most Contribute, so sees only their own signature: the app asks for Sites.Manage.All', async () => {
    const capped = await signIn(emulator, byUpn(DEMO_USERS.manager), undefined, ['User.Read', 'Sites.ReadWrite.All']);
    const seen = await new AcknowledgementsRepository(siteLists(capped.graph, siteId)).listForVersion('2020-04');
    expect(seen.every((a) => a.signedBy.id === capped.user.id)).toBe(true);
    const full = await new AcknowledgementsRepository(lists(manager)).listForVersion('2020-04');
    expect(full.length).toBeGreaterThan(seen.length);
  });
  it('a token without GroupMember.Read.All cannot list the all-staff group (403 Authorization_RequestDenied)', async () => {
    const noGroups = await signIn(emulator, byUpn(DEMO_USERS.manager), undefined, ['User.Read', 'User.Read.All', 'Sites.Manage.All']);
    expect(await codeOf(noGroups.graph.get(`/groups/${DEMO_GROUPS.allStaffGroupId}/transitiveMembers`))).toBe('Authorization_RequestDenied');
  });
  it("reads other users' department and job title only with User.Read.All: User.ReadBasic.All gives the basic profile", async () => {
    const tom = byUpn(DEMO_USERS.staff);
    const basic = await signIn(emulator, byUpn(DEMO_USERS.manager), undefined, ['User.ReadBasic.All', 'GroupMember.Read.All']);
    const seenBasic = await basic.graph.get<Record<string, unknown>>(`/users/${tom.id}`, { query: { $select: 'displayName,department,jobTitle' } });
    expect(seenBasic).toMatchObject({ displayName: tom.displayName, department: null, jobTitle: null });
    const seenFull = await manager.graph.get<Record<string, unknown>>(`/users/${tom.id}`, { query: { $select: 'displayName,department,jobTitle' } });
    expect(seenFull).toMatchObject({ department: 'English', jobTitle: 'Teacher of English' });
  });
  it('a token without Mail.Send cannot send a reminder by mail (403 ErrorAccessDenied)', async () => {
    const noMail = await signIn(emulator, byUpn(DEMO_USERS.manager), undefined, ['User.Read']);
    expect(await codeOf(noMail.graph.post('/me/sendMail', { message: { subject: 'x', body: { contentType: 'Text', content: 'x' }, toRecipients: [{ emailAddress: { address: DEMO_USERS.staff } }] } }))).toBe('ErrorAccessDenied');
  });
  it('the emulator will not mint a scope the app does not request', async () => {
    const r = await fetch(`${emulator.url}/_dev/token`, { method: 'POST', body: JSON.stringify({ upn: DEMO_USERS.staff, scopes: ['Sites.FullControl.All'] }) });
    expect(r.status).toBe(400);
  });
});

describe("the manager view's own check (EffectiveBasePermissions)", () => {
  const check = (s: Session) => acknowledgementsAccess(lists(s), createSpRest({ getToken: async () => s.token, delaySeconds: 0 }));
  it('says a manager can read every signature, and a member of staff cannot', async () => {
    expect((await check(manager)).canReadAll).toBe(true);
    expect((await check(staff)).canReadAll).toBe(false);
  });
  it('says no when the token caps the manager below Override List Behaviors (AllSites.Read)', async () => {
    const capped = await signIn(emulator, users.find((u) => u.upn === DEMO_USERS.manager)!, undefined, ['User.Read', 'Sites.Read.All', 'AllSites.Read']);
    expect((await check(capped)).canReadAll).toBe(false);
  });
});
