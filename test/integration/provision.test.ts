// Provisioning an empty site through the real graph-client and SharePoint REST
// against the emulator: the first run sets up the lists and the role model,
// the second changes nothing, verify() finds each kind of drift by name, and a
// further run puts it right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import { AUP_LEVELS, BUILT_IN_LEVELS, PermissionKind, groupClaim, permissionMask, provision, verify } from '../../src/graph/index';
import type { ProvisionReport } from '../../src/graph/index';
import { LISTS, ACKNOWLEDGEMENTS_LIST, CONTACTS_LIST, POLICIES_LIST, SEND_CHECK_LIST } from '../../src/graph/schema';
import { policyHash } from '../../src/policy/index';
import { ACKNOWLEDGEMENT_VIEWS, normaliseCaml } from '../../src/graph/list-views';
import { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../../src/emulator/index';
import { DEMO_GROUPS, devUsers, firstWithRole, policySeed, signIn, startEmulator, storeFor } from './support';
import type { Emulator, Session } from './support';

let emulator: Emulator;
let admin: Session;
let first: ProvisionReport;
let second: ProvisionReport;
let webUrl: string;

const again = async (): Promise<ProvisionReport> => provision({ graph: admin.graph, spRest: admin.spRest, siteId: 'root', groups: DEMO_GROUPS, policy: await policySeed() });
const check = () => verify({ graph: admin.graph, spRest: admin.spRest, siteId: 'root', groups: DEMO_GROUPS });
const listId = (name: string): string => first.lists[name]!;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'empty' });
  admin = await signIn(emulator, firstWithRole(await devUsers(emulator), 'admin'));
  first = await again();
  second = await again();
  webUrl = first.webUrl;
});

afterAll(async () => {
  await emulator?.close();
});

describe('provision', () => {
  it('creates every list on an empty site, AUP Send Check included', async () => {
    expect(first.changed).toBe(true);
    const lists = await admin.graph.all<List>(`/sites/${first.siteId}/lists`, { query: { $select: 'id,displayName' } });
    for (const def of LISTS) expect(lists.map((l) => l.displayName)).toContain(def.displayName);
    expect(Object.keys(first.lists).sort()).toEqual(LISTS.map((l) => l.displayName).sort());
  });

  it('creates every column and indexes the ones the store filters on', async () => {
    for (const def of LISTS) {
      const columns = await admin.graph.all<ColumnDefinition>(`/sites/${first.siteId}/lists/${listId(def.displayName)}/columns`);
      for (const wanted of def.columns) {
        const found = columns.find((c) => c.name === wanted.name);
        expect(found, `${def.displayName}.${wanted.name}`).toBeDefined();
        if ((wanted as ColumnDefinition).indexed) expect(found?.indexed, `${def.displayName}.${wanted.name} indexed`).toBe(true);
      }
    }
    const sendCheck = await admin.graph.all<ColumnDefinition>(`/sites/${first.siteId}/lists/${listId(SEND_CHECK_LIST.displayName)}/columns`);
    expect(sendCheck.find((c) => c.name === 'SnapshotId')).toMatchObject({ indexed: true, required: true });
    expect(sendCheck.find((c) => c.name === 'Part')).toMatchObject({ required: true, number: {} });
    expect(sendCheck.find((c) => c.name === 'Payload')?.text).toMatchObject({ allowMultipleLines: true, textType: 'plain' });
  });

  it('turns on versioning everywhere and item-level security on AUP Acknowledgements', async () => {
    expect(await admin.spRest.getList(webUrl, listId(ACKNOWLEDGEMENTS_LIST.displayName))).toEqual({ EnableVersioning: true, ReadSecurity: 2, WriteSecurity: 2 });
    for (const def of LISTS) expect((await admin.spRest.getList(webUrl, listId(def.displayName))).EnableVersioning).toBe(true);
    expect((await admin.spRest.getList(webUrl, listId(POLICIES_LIST.displayName))).ReadSecurity).toBe(1);
  });

  it('creates the AUP Signer, Reviewer and Editor levels with exactly their permissions', async () => {
    const defs = await admin.spRest.roleDefinitions(webUrl);
    for (const level of Object.values(AUP_LEVELS)) expect(defs.find((d) => d.Name === level.name)?.mask).toBe(level.mask);
    const signer = defs.find((d) => d.Name === 'AUP Signer')!.mask;
    expect(signer & permissionMask([PermissionKind.EditListItems, PermissionKind.DeleteListItems, PermissionKind.ManageLists])).toBe(0n);
    const reviewer = defs.find((d) => d.Name === 'AUP Reviewer')!.mask;
    expect(reviewer & permissionMask([PermissionKind.CancelCheckout])).not.toBe(0n);
    expect(reviewer & permissionMask([PermissionKind.AddListItems, PermissionKind.EditListItems, PermissionKind.DeleteListItems, PermissionKind.ManageLists])).toBe(0n);
    expect(first.changes).toContain(`Created permission level "AUP Reviewer" (ViewListItems, OpenItems, ViewVersions, CancelCheckout, ViewFormPages, Open, ViewPages, BrowseUserInfo, UseRemoteAPIs)`);
  });

  it("gives every list its own permissions: the owners' Full Control and the table's levels, nothing else", async () => {
    const expected: Record<string, string[]> = {
      [ACKNOWLEDGEMENTS_LIST.displayName]: ['All Staff: AUP Signer', 'AUP Admins: AUP Reviewer', 'AUP Managers: AUP Reviewer'],
      [POLICIES_LIST.displayName]: ['AUP Admins: AUP Editor', 'AUP Managers: Read', 'All Staff: Read'],
      'AUP Settings': ['AUP Admins: AUP Editor', 'AUP Managers: Read', 'All Staff: Read'],
      [CONTACTS_LIST.displayName]: ['AUP Admins: Contribute'],
      [SEND_CHECK_LIST.displayName]: ['AUP Admins: Contribute', 'AUP Managers: Read', 'All Staff: Read'],
    };
    for (const [name, bindings] of Object.entries(expected)) {
      expect(await admin.spRest.hasUniqueRoleAssignments(webUrl, listId(name)), name).toBe(true);
      const actual = (await admin.spRest.roleAssignments(webUrl, listId(name))).flatMap((a) => a.RoleDefinitionBindings.map((b) => `${a.Member.Title}: ${b.Name}`));
      expect(actual.sort(), name).toEqual([...bindings, 'Wells AP Kinsley Owners: Full Control'].sort());
    }
    // The site owner's own Full Control from breaking inheritance went again.
    expect(first.changes.some((c) => c.startsWith('Removed Priya Shah\'s "Full Control" from "AUP Acknowledgements"'))).toBe(true);
  });

  it('gives AUP Acknowledgements a "By version" default view and a "Needs review" view with readable columns; other lists keep SharePoint\'s own', async () => {
    const views = await admin.spRest.views(webUrl, listId(ACKNOWLEDGEMENTS_LIST.displayName));
    expect(views.map((v) => v.Title)).toEqual(['All Items', 'By version', 'Needs review']);
    expect(views.filter((v) => v.DefaultView).map((v) => v.Title)).toEqual(['By version']);
    const byVersion = views.find((v) => v.Title === 'By version')!;
    expect(byVersion).toMatchObject({ ViewFields: ['PrintedName', 'PolicyVersion', 'Created', 'Author'], RowLimit: 100, Paged: true, PersonalView: false });
    expect(normaliseCaml(byVersion.ViewQuery)).toBe(normaliseCaml(ACKNOWLEDGEMENT_VIEWS[0]!.query));
    expect(byVersion.ViewQuery).toContain('<GroupBy Collapse="FALSE"><FieldRef Name="PolicyVersion" Ascending="FALSE"/></GroupBy>');
    const needsReview = views.find((v) => v.Title === 'Needs review')!;
    expect(needsReview.ViewFields).toEqual(['PrintedName', 'PolicyVersion', 'AcceptsPolicy', 'UnderstandsBreach', 'Created', 'Author']);
    expect(needsReview.ViewQuery).toContain('<IsNull><FieldRef Name="Signature"/></IsNull>');
    expect(first.changes).toContain('Created view "By version" on "AUP Acknowledgements" (the default): Name (printed), Policy version, Created, Created By');
    expect(first.changes).toContain('Created view "Needs review" on "AUP Acknowledgements": Name (printed), Policy version, I have read and accept, I understand the implications of a breach, Created, Created By');
    for (const def of LISTS.filter((l) => l !== ACKNOWLEDGEMENTS_LIST)) {
      expect((await admin.spRest.views(webUrl, listId(def.displayName))).map((v) => v.Title), def.displayName).toEqual(['All Items']);
    }
  });

  it('seeds the April 2020 policy as the current version, with the hash of its text', async () => {
    const current = await storeFor(admin, first.siteId).policies.current();
    const seed = await policySeed();
    expect(current).toMatchObject({ version: '2020-04', status: 'Current', effectiveDate: '2020-04-01', hash: policyHash(seed.text) });
    expect(current?.text).toBe(seed.text);
    expect(first.changes.some((c) => c.includes('Seeded policy 2020-04'))).toBe(true);
  });

  it('changes nothing when run again, and says so', () => {
    expect(second.changed).toBe(false);
    expect(second.changes).toEqual([]);
    expect(second.lists).toEqual(first.lists);
  });

  it('puts back an index and item-level security that were removed, and only those', async () => {
    const acks = listId(ACKNOWLEDGEMENTS_LIST.displayName);
    const columnsPath = `/sites/${first.siteId}/lists/${acks}/columns`;
    const policyVersion = (await admin.graph.all<ColumnDefinition>(columnsPath)).find((c) => c.name === 'PolicyVersion')!;
    await admin.graph.patch(`${columnsPath}/${policyVersion.id}`, { indexed: false });
    await admin.spRest.updateList(webUrl, acks, { ReadSecurity: 1 });
    expect((await again()).changes).toEqual([
      'Indexed column "PolicyVersion" in "AUP Acknowledgements"',
      'Set item-level security on "AUP Acknowledgements" (read 2, write 2: staff see and edit only their own items)',
    ]);
    expect((await admin.graph.all<ColumnDefinition>(columnsPath)).find((c) => c.name === 'PolicyVersion')?.indexed).toBe(true);
  });
});

describe('verify', () => {
  it('passes on a freshly provisioned site', async () => {
    expect((await check()).drifts).toEqual([]);
  });

  it("names a removed role assignment, and what the group can no longer do", async () => {
    const acks = listId(ACKNOWLEDGEMENTS_LIST.displayName);
    const managers = await admin.spRest.ensureUser(webUrl, groupClaim(MANAGERS_GROUP_ID));
    const reviewer = (await admin.spRest.roleDefinitions(webUrl)).find((d) => d.Name === 'AUP Reviewer')!;
    await admin.spRest.removeRoleAssignment(webUrl, acks, managers.Id, reviewer.Id);
    expect((await check()).drifts).toEqual([
      'AUP Managers lacks "AUP Reviewer" on AUP Acknowledgements',
      'AUP Managers cannot read items in AUP Acknowledgements',
      "AUP Managers cannot read everyone's items in AUP Acknowledgements",
    ]);
    expect((await again()).changes).toEqual(['Gave AUP Managers "AUP Reviewer" on "AUP Acknowledgements"']);
    expect((await check()).drifts).toEqual([]);
  });

  it('names a list that inherits the site\'s permissions again', async () => {
    await admin.spRest.resetRoleInheritance(webUrl, listId(POLICIES_LIST.displayName));
    const { drifts } = await check();
    expect(drifts).toContain('AUP Policies inherits permissions from the site');
    // The site's own groups replace the role model there: staff can no longer read the policy.
    expect(drifts).toContain('All Staff cannot read items in AUP Policies');
    await again();
    expect((await check()).drifts).toEqual([]);
  });

  it('names a group given more than the role model, by what it can now do', async () => {
    const policies = listId(POLICIES_LIST.displayName);
    const staff = await admin.spRest.ensureUser(webUrl, groupClaim(ALL_STAFF_GROUP_ID));
    await admin.spRest.addRoleAssignment(webUrl, policies, staff.Id, BUILT_IN_LEVELS.edit.id);
    const { drifts } = await check();
    expect(drifts).toContain('All Staff has "Edit" on AUP Policies, which the role model does not give');
    expect(drifts).toContain('All Staff can add items to AUP Policies');
    expect(drifts).toContain('All Staff can edit items in AUP Policies');
    expect(drifts).toContain('All Staff can delete items from AUP Policies');
    expect(drifts).toContain('All Staff can change the settings and columns of AUP Policies');
    expect((await again()).changes).toEqual(['Removed All Staff\'s "Edit" from "AUP Policies"']);
    expect((await check()).drifts).toEqual([]);
  });

  it('names a changed permission level, and puts it back', async () => {
    const signer = (await admin.spRest.roleDefinitions(webUrl)).find((d) => d.Name === 'AUP Signer')!;
    await admin.spRest.updateRoleDefinition(webUrl, signer.Id, { mask: signer.mask | permissionMask([PermissionKind.EditListItems]) });
    const { drifts } = await check();
    expect(drifts).toContain('The permission level "AUP Signer" has been changed: now includes EditListItems');
    expect(drifts).toContain('All Staff can edit items in AUP Acknowledgements');
    expect((await again()).changes).toEqual([expect.stringMatching(/^Restored permission level "AUP Signer"/)]);
    expect((await check()).drifts).toEqual([]);
  });

  it('names a deleted view and a changed one, and a further run puts both back', async () => {
    const acks = listId(ACKNOWLEDGEMENTS_LIST.displayName);
    const views = await admin.spRest.views(webUrl, acks);
    const byId = (title: string): string => views.find((v) => v.Title === title)!.Id;
    // Someone "tidies" the list in SharePoint: deletes a view, drops a column, regroups, makes All Items the default.
    const deleted = await fetch(`${webUrl}/_api/web/lists(guid'${acks}')/views/getbyid('${byId('Needs review')}')`, {
      method: 'POST', headers: { Authorization: `Bearer ${admin.token}`, 'X-HTTP-Method': 'DELETE', Accept: 'application/json;odata=nometadata' },
    });
    expect(deleted.status).toBe(200);
    await admin.spRest.setViewFields(webUrl, acks, byId('By version'), ['PrintedName', 'PolicyVersion', 'Created']);
    await admin.spRest.updateView(webUrl, acks, byId('By version'), { ViewQuery: '<OrderBy><FieldRef Name="Created"/></OrderBy>', RowLimit: 30 });
    await admin.spRest.updateView(webUrl, acks, byId('All Items'), { DefaultView: true });
    expect((await check()).drifts).toEqual([
      'The "By version" view of AUP Acknowledgements differs: its filter, grouping or sort order is not AUP Guard\'s; '
        + 'it shows Name (printed), Policy version, Created instead of Name (printed), Policy version, Created, Created By; '
        + 'it shows 30 items a page instead of 100; it is not the default view',
      'AUP Acknowledgements has no "Needs review" view',
    ]);
    expect((await again()).changes).toEqual([
      'Restored view "By version" on "AUP Acknowledgements": its filter, grouping and sort order; its columns (Name (printed), Policy version, Created, Created By); 100 items a page; the default view again',
      'Created view "Needs review" on "AUP Acknowledgements": Name (printed), Policy version, I have read and accept, I understand the implications of a breach, Created, Created By',
    ]);
    expect((await check()).drifts).toEqual([]);
    expect((await again()).changes).toEqual([]);
  });

  it('takes a view query SharePoint hands back reformatted as unchanged', async () => {
    const acks = listId(ACKNOWLEDGEMENTS_LIST.displayName);
    const byVersion = (await admin.spRest.views(webUrl, acks)).find((v) => v.Title === 'By version')!;
    const reformatted = ACKNOWLEDGEMENT_VIEWS[0]!.query.replace(/"/g, "'").replace(/\/>/g, ' />').replace(/FALSE/g, 'False').replace(/></g, '>\n  <');
    await admin.spRest.updateView(webUrl, acks, byVersion.Id, { ViewQuery: reformatted });
    expect((await check()).drifts).toEqual([]);
    expect((await again()).changes).toEqual([]);
  });

  it('names an individual given Full Control on a list', async () => {
    const contacts = listId(CONTACTS_LIST.displayName);
    const tom = await admin.spRest.ensureUser(webUrl, 'i:0#.f|membership|tom.baker@wellsapkinsley.sch.uk');
    await admin.spRest.addRoleAssignment(webUrl, contacts, tom.Id, BUILT_IN_LEVELS.fullControl.id);
    expect((await check()).drifts).toEqual(['Tom Baker has "Full Control" on AUP Contacts, which the role model does not give']);
    await again();
    expect((await check()).drifts).toEqual([]);
  });
});

describe('without an admins group', () => {
  it('gives the managers group the admins\' levels as well, and verifies', async () => {
    const site = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'empty' });
    try {
      const owner = await signIn(site, firstWithRole(await devUsers(site), 'admin'));
      const groups = { allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID };
      const report = await provision({ graph: owner.graph, spRest: owner.spRest, siteId: 'root', groups, policy: await policySeed() });
      const contacts = await owner.spRest.roleAssignments(report.webUrl, report.lists[CONTACTS_LIST.displayName]!);
      expect(contacts.flatMap((a) => a.RoleDefinitionBindings.map((b) => `${a.Member.Title}: ${b.Name}`)).sort()).toEqual(['AUP Managers: Contribute', 'Wells AP Kinsley Owners: Full Control']);
      expect(contacts.some((a) => a.Member.LoginName === groupClaim(ADMINS_GROUP_ID))).toBe(false);
      expect((await verify({ graph: owner.graph, spRest: owner.spRest, siteId: 'root', groups })).drifts).toEqual([]);
      // A package built without AUP_ADMINS_GROUP_ID names the managers group as admins: the same thing.
      const named = { ...groups, adminsGroupId: MANAGERS_GROUP_ID.toUpperCase() };
      expect((await provision({ graph: owner.graph, spRest: owner.spRest, siteId: 'root', groups: named })).changes).toEqual([]);
      expect((await verify({ graph: owner.graph, spRest: owner.spRest, siteId: 'root', groups: named })).drifts).toEqual([]);
    } finally {
      await site.close();
    }
  });
});
