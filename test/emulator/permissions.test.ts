// The emulator's SharePoint permission model: effective permissions from
// groups (nested Entra groups, the site's SharePoint groups), inheritance and
// breaking it, ReadSecurity and what overrides it, site collection admins,
// the cap a token's scopes put on it, and the REST calls that expose it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID, SITE_GROUPS } from '../../src/emulator/index';
import { WEB_SCOPE } from '../../src/emulator/permissions';
import { grantedScopes } from '../../src/emulator/scopes';
import { BUILT_IN_LEVELS, FULL_MASK, PermissionKind, fromBasePermissions, groupClaim, hasPermission, permissionMask, userClaim } from '../../src/graph/permissions';
import { ALL_STAFF, createTestList, grant, signIn, start, DEMO_USERS, type Emulator, type Item, type Session } from './support';

interface Page<T> { value: T[] }

let emulator: Emulator;
let owner: Session;
let users: { id: string; upn: string; displayName: string; role: string }[];
const userId = (upn: string): string => users.find((u) => u.upn === upn)!.id;
const plainStaff = (n: number): string => users.filter((u) => u.role === 'staff' && u.upn !== DEMO_USERS.staff)[n]!.upn;
const list = (id: string) => emulator.permissions.scopeOf(emulator.db.prepare('SELECT id, unique_perms FROM lists WHERE id = ?').get(id) as { id: string; unique_perms: number });
const effective = (upn: string, listId?: string): bigint => {
  const row = listId ? emulator.db.prepare('SELECT id, unique_perms FROM lists WHERE id = ?').get(listId) as { id: string; unique_perms: number } : undefined;
  return emulator.permissions.effectiveForLogin(userClaim(upn), row)!;
};

beforeAll(async () => {
  emulator = await start();
  owner = await signIn(emulator, DEMO_USERS.admin);
  users = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as typeof users;
});

afterAll(async () => {
  await emulator.close();
});

describe('a new site', () => {
  it('has the built-in levels, and its Owners, Members and Visitors groups on the site with Full Control, Edit and Read', () => {
    const names = emulator.permissions.roleDefinitions().map((d) => d.name);
    expect(names).toEqual(['Full Control', 'Design', 'Edit', 'Contribute', 'Read', 'Limited Access']);
    expect(emulator.permissions.assignments(WEB_SCOPE)).toEqual([
      { principalId: SITE_GROUPS.owners.id, roleDefinitionIds: [BUILT_IN_LEVELS.fullControl.id] },
      { principalId: SITE_GROUPS.visitors.id, roleDefinitionIds: [BUILT_IN_LEVELS.read.id] },
      { principalId: SITE_GROUPS.members.id, roleDefinitionIds: [BUILT_IN_LEVELS.edit.id] },
    ]);
  });
  it('gives its owner (in the Owners group) Full Control, and a member of staff nothing: no role comes from the token', () => {
    expect(effective(DEMO_USERS.admin)).toBe(FULL_MASK);
    expect(effective(DEMO_USERS.manager)).toBe(0n);
    expect(effective(DEMO_USERS.staff)).toBe(0n);
  });
  it('refuses a member of staff the site itself (403) and a manager too: being a manager in Entra gives nothing in SharePoint', async () => {
    expect((await (await signIn(emulator, DEMO_USERS.staff)).get('sites/root')).status).toBe(403);
    expect((await (await signIn(emulator, DEMO_USERS.manager)).get('sites/root/lists')).status).toBe(403);
  });
});

describe('effective permissions', () => {
  it('follow nested Entra groups: a member of a group inside All Staff gets what All Staff was given', async () => {
    const listId = await createTestList(owner, 'Nested', { [ALL_STAFF]: 'Read' });
    const nestedGroup = randomUUID();
    const newcomer = randomUUID();
    emulator.db.prepare("INSERT INTO users (id, lookup_id, upn, display_name, role) VALUES (?, (SELECT max(lookup_id) + 100 FROM users), 'supply.teacher@wellsapkinsley.sch.uk', 'Supply Teacher', 'staff')").run(newcomer);
    emulator.db.prepare("INSERT INTO groups (id, display_name) VALUES (?, 'Supply Staff')").run(nestedGroup);
    emulator.db.prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)').run(nestedGroup, newcomer);
    expect(effective('supply.teacher@wellsapkinsley.sch.uk', listId)).toBe(0n);
    emulator.db.prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)').run(ALL_STAFF_GROUP_ID, nestedGroup);
    expect(effective('supply.teacher@wellsapkinsley.sch.uk', listId)).toBe(BUILT_IN_LEVELS.read.mask);
    expect(emulator.permissions.effectiveForLogin(groupClaim(nestedGroup), { id: listId, unique_perms: 1 })).toBe(BUILT_IN_LEVELS.read.mask);
    const supply = await signIn(emulator, 'supply.teacher@wellsapkinsley.sch.uk');
    expect((await supply.get(`sites/root/lists/${listId}/items`)).status).toBe(200);
    expect((await supply.post(`sites/root/lists/${listId}/items`, { fields: { Key: 'no' } })).status).toBe(403);
  });
  it('unite every level a user holds through any group', async () => {
    const listId = await createTestList(owner, 'Union', { [ALL_STAFF]: 'Read', [groupClaim(MANAGERS_GROUP_ID)]: 'Contribute' });
    expect(effective(DEMO_USERS.manager, listId)).toBe(BUILT_IN_LEVELS.read.mask | BUILT_IN_LEVELS.contribute.mask);
    expect(effective(DEMO_USERS.staff, listId)).toBe(BUILT_IN_LEVELS.read.mask);
  });
  it("come through the site's SharePoint groups: a member of Members gets Edit on the site and on lists that inherit", async () => {
    const listId = (await owner.post<{ id: string }>('sites/root/lists', { displayName: 'Inheriting' })).body.id;
    const staffUpn = plainStaff(1);
    // All Staff hold Limited Access on the site from the lists above, and nothing more.
    expect(effective(staffUpn, listId)).toBe(BUILT_IN_LEVELS.limitedAccess.mask);
    expect((await owner.sp('POST', `web/sitegroups(${SITE_GROUPS.members.id})/users`, { LoginName: userClaim(staffUpn) })).status).toBe(201);
    expect(effective(staffUpn)).toBe(BUILT_IN_LEVELS.edit.mask | BUILT_IN_LEVELS.limitedAccess.mask);
    expect(effective(staffUpn, listId)).toBe(BUILT_IN_LEVELS.edit.mask | BUILT_IN_LEVELS.limitedAccess.mask);
    expect(effective(plainStaff(0), listId)).toBe(BUILT_IN_LEVELS.limitedAccess.mask);
  });
  it('give a site collection administrator Full Control everywhere, even where nothing is assigned to them', async () => {
    const listId = await createTestList(owner, 'Admins Only', {});
    await owner.sp('POST', `web/lists(guid'${listId}')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`);
    const upn = plainStaff(2);
    expect(effective(upn, listId)).toBe(0n);
    emulator.permissions.setSiteAdmin(userId(upn), true);
    try {
      expect(effective(upn, listId)).toBe(FULL_MASK);
    } finally {
      emulator.permissions.setSiteAdmin(userId(upn), false);
    }
  });
});

describe('inheritance', () => {
  it("breaking it without copying leaves only the caller, with Full Control; resetting brings the site's back", async () => {
    const listId = (await owner.post<{ id: string }>('sites/root/lists', { displayName: 'Breakable' })).body.id;
    const scope = () => list(listId);
    expect(scope()).toBe(WEB_SCOPE);
    const r = await owner.sp('POST', `web/lists(guid'${listId}')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`);
    expect(r.status).toBe(200);
    expect(scope()).toBe(listId);
    const priya = emulator.permissions.userPrincipal(userId(DEMO_USERS.admin))!;
    expect(emulator.permissions.assignments(listId)).toEqual([{ principalId: priya.id, roleDefinitionIds: [BUILT_IN_LEVELS.fullControl.id] }]);
    expect((await owner.sp<{ value: boolean }>('GET', `web/lists(guid'${listId}')/HasUniqueRoleAssignments`)).body.value).toBe(true);
    await owner.sp('POST', `web/lists(guid'${listId}')/resetroleinheritance`);
    expect(scope()).toBe(WEB_SCOPE);
    expect((await owner.sp<{ value: boolean }>('GET', `web/lists(guid'${listId}')/HasUniqueRoleAssignments`)).body.value).toBe(false);
  });
  it('refuses role assignment changes on a list that still inherits', async () => {
    const listId = (await owner.post<{ id: string }>('sites/root/lists', { displayName: 'Still Inheriting' })).body.id;
    const r = await owner.sp('POST', `web/lists(guid'${listId}')/roleassignments/addroleassignment(principalid=${SITE_GROUPS.visitors.id},roledefid=${BUILT_IN_LEVELS.edit.id})`);
    expect(r.status).toBe(400);
  });
  it('gives a principal granted a list Limited Access on the site, so the list can be reached', async () => {
    const listId = await createTestList(owner, 'Reachable', {});
    const upn = plainStaff(3);
    const me = emulator.permissions.userPrincipal(userId(upn))!;
    expect(emulator.permissions.assignments(WEB_SCOPE).some((a) => a.principalId === me.id)).toBe(false);
    await grant(owner, listId, userClaim(upn), 'Read');
    expect(emulator.permissions.assignments(WEB_SCOPE).find((a) => a.principalId === me.id)?.roleDefinitionIds).toEqual([BUILT_IN_LEVELS.limitedAccess.id]);
    expect(hasPermission(effective(upn), PermissionKind.Open)).toBe(true);
    expect(hasPermission(effective(upn), PermissionKind.ViewListItems)).toBe(false);
  });
});

describe('ReadSecurity 2 and what overrides it', () => {
  let items: string;
  let others: string;
  beforeAll(async () => {
    const listId = await createTestList(owner, 'Own Items', { [ALL_STAFF]: 'Contribute' });
    await owner.sp('POST', `web/lists(guid'${listId}')`, { ReadSecurity: 2, WriteSecurity: 2 }, { 'X-HTTP-Method': 'MERGE' });
    items = `sites/root/lists/${listId}/items`;
    others = (await (await signIn(emulator, plainStaff(4))).post<Item>(items, { fields: { Key: 'theirs' } })).body.id;
    // Override List Behaviors (CancelCheckout) and nothing else that reads.
    const level = await owner.sp<{ Id: number }>('POST', 'web/roledefinitions', {
      Name: 'Override Only', Description: 'test', BasePermissions: { High: '0', Low: String(permissionMask([PermissionKind.CancelCheckout])) },
    });
    expect(level.status).toBe(201);
    const principal = await owner.sp<{ Id: number }>('POST', 'web/ensureuser', { logonName: userClaim(plainStaff(5)) });
    await owner.sp('POST', `web/lists(guid'${listId}')/roleassignments/addroleassignment(principalid=${principal.body.Id},roledefid=${level.body.Id})`);
    // Edit carries Manage Lists, which does not override.
    await grant(owner, listId, userClaim(plainStaff(6)), 'Edit');
  });
  it('shows Contribute only its own items, and 404 for anyone else\'s', async () => {
    const staff = await signIn(emulator, plainStaff(7));
    await staff.post(items, { fields: { Key: 'mine-7' } });
    expect((await staff.get<Page<Item>>(`${items}?$expand=fields`)).body.value.map((i) => i.fields!.Key)).toEqual(['mine-7']);
    expect((await staff.get(`${items}/${others}`)).status).toBe(404);
  });
  it('shows Override List Behaviors every item, and lets it edit them where it may edit', async () => {
    const reviewer = await signIn(emulator, plainStaff(5));
    const keys = (await reviewer.get<Page<Item>>(`${items}?$expand=fields`)).body.value.map((i) => i.fields!.Key);
    expect(keys).toEqual(expect.arrayContaining(['theirs', 'mine-7']));
    expect((await reviewer.get(`${items}/${others}`)).status).toBe(200);
    expect((await reviewer.patch(`${items}/${others}/fields`, { Colour: 'red' })).status).toBe(200); // Contribute (All Staff) plus the override
  });
  it('does not let Manage Lists (Edit) read past it', async () => {
    const editor = await signIn(emulator, plainStaff(6));
    expect((await editor.get(`${items}/${others}`)).status).toBe(404);
  });
  it("with ReadSecurity 1 and WriteSecurity 2, lets Contribute read someone else's item but not edit or delete it (403), and edit its own", async () => {
    const listId = await createTestList(owner, 'Edit Own', { [ALL_STAFF]: 'Contribute' });
    await owner.sp('POST', `web/lists(guid'${listId}')`, { WriteSecurity: 2 }, { 'X-HTTP-Method': 'MERGE' });
    const path = `sites/root/lists/${listId}/items`;
    const theirs = (await (await signIn(emulator, plainStaff(4))).post<Item>(path, { fields: { Key: 'theirs' } })).body.id;
    const editor = await signIn(emulator, plainStaff(7));
    const mine = (await editor.post<Item>(path, { fields: { Key: 'mine' } })).body.id;
    expect((await editor.get(`${path}/${theirs}`)).status).toBe(200);
    expect((await editor.patch(`${path}/${theirs}/fields`, { Colour: 'blue' })).status).toBe(403);
    expect((await editor.del(`${path}/${theirs}`)).status).toBe(403);
    expect((await editor.patch(`${path}/${mine}/fields`, { Colour: 'blue' })).status).toBe(200);
  });
});

describe('scopes cap what SharePoint allows', () => {
  it('maps Sites.Read.All to Read, ReadWrite to Contribute, Manage to Design and FullControl to everything', async () => {
    const { siteCeiling } = await import('../../src/emulator/scopes');
    expect(siteCeiling(grantedScopes(['Sites.Read.All']), 'graph')).toBe(BUILT_IN_LEVELS.read.mask);
    expect(siteCeiling(grantedScopes(['Sites.ReadWrite.All']), 'graph')).toBe(BUILT_IN_LEVELS.contribute.mask);
    expect(siteCeiling(grantedScopes(['Sites.Manage.All']), 'graph')).toBe(BUILT_IN_LEVELS.design.mask);
    expect(siteCeiling(grantedScopes(['AllSites.FullControl']), 'sharepoint')).toBe(FULL_MASK);
    expect(siteCeiling(grantedScopes(['Sites.FullControl.All']), 'sharepoint')).toBe(0n); // Graph's scope is not SharePoint's
  });
  it("reports the caller's permissions as the token may use them (EffectiveBasePermissions)", async () => {
    const full = await owner.sp<{ High: string; Low: string }>('GET', 'web/EffectiveBasePermissions');
    expect(fromBasePermissions(full.body)).toBe(FULL_MASK);
    const capped = await signIn(emulator, DEMO_USERS.admin, ['AllSites.Manage']);
    expect(fromBasePermissions((await capped.sp('GET', 'web/EffectiveBasePermissions')).body)).toBe(BUILT_IN_LEVELS.design.mask);
  });
  it('refuses a token with no SharePoint scope at SharePoint REST, and one without Sites.Manage.All a new list', async () => {
    const graphOnly = await signIn(emulator, DEMO_USERS.admin, ['User.Read', 'Sites.ReadWrite.All']);
    const sp = await graphOnly.sp<{ 'odata.error': { code: string } }>('GET', 'web/roledefinitions');
    expect(sp.status).toBe(403);
    expect(sp.body['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
    const r = await graphOnly.post<{ error: { code: string } }>('sites/root/lists', { displayName: 'Not With This Token' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('accessDenied');
  });
});

describe('SharePoint REST for permissions', () => {
  it('lists role assignments with their member and levels, in both JSON flavours', async () => {
    const listId = await createTestList(owner, 'Expanded', { [ALL_STAFF]: 'Read' });
    const light = await owner.sp<{ value: { PrincipalId: number; Member: { Title: string; PrincipalType: number; LoginName: string }; RoleDefinitionBindings: { Name: string }[] }[] }>(
      'GET', `web/lists(guid'${listId}')/roleassignments?$expand=Member,RoleDefinitionBindings`);
    const staff = light.body.value.find((a) => a.Member.LoginName === ALL_STAFF)!;
    // The copy of the site's assignments brings All Staff's Limited Access there, as SharePoint's copy does.
    expect(staff).toMatchObject({ Member: { Title: 'All Staff', PrincipalType: 4 } });
    expect(staff.RoleDefinitionBindings.map((b) => b.Name)).toEqual(['Limited Access', 'Read']);
    const verbose = await owner.sp<{ d: { results: { Member: { __metadata: { type: string } }; RoleDefinitionBindings: { results: unknown[] } }[] } }>(
      'GET', `web/lists(guid'${listId}')/roleassignments?$expand=Member,RoleDefinitionBindings`, undefined, { Accept: 'application/json;odata=verbose' });
    expect(verbose.body.d.results.length).toBe(light.body.value.length);
    expect(verbose.body.d.results[0]!.RoleDefinitionBindings.results.length).toBeGreaterThan(0);
  });
  it("answers a group's and a user's effective permissions, and asking about others needs Enumerate Permissions", async () => {
    const listId = await createTestList(owner, 'Asked About', { [ALL_STAFF]: 'Contribute' });
    const path = (claim: string) => `web/lists(guid'${listId}')/getusereffectivepermissions(@user)?@user=${encodeURIComponent(`'${claim}'`)}`;
    expect(fromBasePermissions((await owner.sp('GET', path(ALL_STAFF))).body)).toBe(BUILT_IN_LEVELS.contribute.mask);
    expect(fromBasePermissions((await owner.sp('GET', path(userClaim(DEMO_USERS.staff)))).body)).toBe(BUILT_IN_LEVELS.contribute.mask);
    const staff = await signIn(emulator, DEMO_USERS.staff);
    expect((await staff.sp('GET', path(userClaim(DEMO_USERS.staff)))).status).toBe(200); // about oneself
    expect((await staff.sp('GET', path(userClaim(DEMO_USERS.manager)))).status).toBe(403);
  });
  it('ensures an Entra group by its claim once, and 404s one the directory does not have', async () => {
    const first = await owner.sp<{ Id: number; Title: string; PrincipalType: number }>('POST', 'web/ensureuser', { logonName: groupClaim(MANAGERS_GROUP_ID) });
    const second = await owner.sp<{ Id: number }>('POST', 'web/ensureuser', { logonName: groupClaim(MANAGERS_GROUP_ID) });
    expect(first.body).toMatchObject({ Title: 'AUP Managers', PrincipalType: 4 });
    expect(second.body.Id).toBe(first.body.Id);
    expect((await owner.sp('POST', 'web/ensureuser', { logonName: groupClaim(randomUUID()) })).status).toBe(404);
  });
  it('lets only someone with Manage Permissions create a level or change assignments', async () => {
    const staff = await signIn(emulator, DEMO_USERS.staff);
    const r = await staff.sp('POST', 'web/roledefinitions', { Name: 'Sneaky', BasePermissions: { High: '0', Low: '1' } });
    // Staff cannot open the site at all here; with access they would still lack Manage Permissions.
    expect(r.status).toBe(403);
  });
});
