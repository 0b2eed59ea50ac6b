// List views over SharePoint REST against the demo site as provisioning leaves
// it (issue 14): reading views, by title and id and the default, views/add as
// Microsoft's reference writes it, MERGE, ViewFields, and who may do each. A
// view is display only, so what matters here is that changing one takes Manage
// Lists (public) or Manage Personal Views (one's own personal view), and that
// nobody below the site owners has either on AUP Acknowledgements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENTS_LIST, CONTACTS_LIST } from '../../src/graph/schema';
import { PermissionKind, permissionMask, AUP_LEVELS } from '../../src/graph/permissions';
import { DEMO_USERS } from '../../src/emulator/index';
import { FAST_RETRY, devUsers, signIn, startEmulator } from './support';
import type { DevUser, Emulator, Session } from './support';

let emulator: Emulator;
let users: DevUser[];
let owner: Session;
let manager: Session;
let staff: Session;
let webUrl: string;
let acks: string;
let contacts: string;

interface Answer { status: number; body: Record<string, unknown> }

/** SharePoint REST by hand, JSON light unless the headers say otherwise. */
async function sp(who: Session, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${webUrl}/_api/${path}`, {
    method: method === 'GET' ? 'GET' : 'POST',
    headers: {
      Authorization: `Bearer ${who.token}`, Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata',
      ...(method === 'MERGE' || method === 'DELETE' ? { 'X-HTTP-Method': method } : {}), ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) as Record<string, unknown> : {} };
}

const list = (id: string): string => `web/lists(guid'${id}')`;
const byTitle = (title: string): string => `${list(acks)}/views/getbytitle('${title}')`;
const fieldsOf = async (who: Session, view: string): Promise<unknown> => (await sp(who, 'GET', `${view}/viewfields`)).body.Items;

/** views/add with SP.ViewCreationInformation, in odata=verbose as Microsoft's REST reference (and the m365 CLI) send it. */
const addView = (who: Session, parameters: Record<string, unknown>): Promise<Answer> => sp(who, 'POST', `${list(acks)}/views/add`, {
  parameters: { __metadata: { type: 'SP.ViewCreationInformation' }, ...parameters },
}, { 'Content-Type': 'application/json;odata=verbose' });

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  users = await devUsers(emulator);
  const user = (upn: string): DevUser => users.find((u) => u.upn === upn)!;
  owner = await signIn(emulator, user(DEMO_USERS.admin));
  manager = await signIn(emulator, user(DEMO_USERS.manager));
  staff = await signIn(emulator, user(DEMO_USERS.staff));
  webUrl = `${emulator.url}/sites/wellsap`;
  const lists = (await owner.graph.all<{ id: string; displayName: string }>('/sites/root/lists', { query: { $select: 'id,displayName' } }));
  acks = lists.find((l) => l.displayName === ACKNOWLEDGEMENTS_LIST.displayName)!.id;
  contacts = lists.find((l) => l.displayName === CONTACTS_LIST.displayName)!.id;
});

afterAll(async () => {
  await emulator?.close();
});

describe('reading views', () => {
  it('lists the views, finds one by title, by id and as the default, with its fields in order (a manager, with View Items)', async () => {
    const all = await sp(manager, 'GET', `${list(acks)}/views?$expand=ViewFields`);
    expect(all.status).toBe(200);
    const views = all.body.value as { Id: string; Title: string; DefaultView: boolean; ViewFields: { Items: string[] } }[];
    expect(views.map((v) => [v.Title, v.DefaultView])).toEqual([['All Items', false], ['By version', true], ['Needs review', false]]);
    expect(views[1]!.ViewFields.Items).toEqual(['PrintedName', 'PolicyVersion', 'Created', 'Author']);

    const one = await sp(manager, 'GET', byTitle('By version'));
    expect(one.body).toMatchObject({ Title: 'By version', DefaultView: true, RowLimit: 100, Paged: true, PersonalView: false, ViewType: 'HTML' });
    expect(one.body.ServerRelativeUrl).toMatch(/^\/sites\/wellsap\/Lists\/AUPAcknowledgements\/\w+\.aspx$/);
    expect((await sp(manager, 'GET', `${list(acks)}/views/getbyid('${views[1]!.Id}')`)).body.Title).toBe('By version');
    expect((await sp(manager, 'GET', `${list(acks)}/views('${views[1]!.Id}')`)).body.Title).toBe('By version');
    expect((await sp(manager, 'GET', `${list(acks)}/DefaultView`)).body.Title).toBe('By version');
    expect(await fieldsOf(manager, byTitle('Needs review'))).toEqual(['PrintedName', 'PolicyVersion', 'AcceptsPolicy', 'UnderstandsBreach', 'Created', 'Author']);
    expect((await sp(manager, 'GET', byTitle('No such view'))).status).toBe(404);
  });

  it('answers odata=verbose too', async () => {
    const verbose = await sp(manager, 'GET', `${byTitle('By version')}/viewfields`, undefined, { Accept: 'application/json;odata=verbose' });
    expect(verbose.body).toMatchObject({ d: { __metadata: { type: 'SP.ViewFieldCollection' }, Items: { results: ['PrintedName', 'PolicyVersion', 'Created', 'Author'] } } });
  });
});

describe('changing views (the site owner, with Manage Lists)', () => {
  it('adds a view, then adds, moves and removes its fields, changes its query and makes it the default and back', async () => {
    const created = await addView(owner, {
      Title: 'Signed this week', ViewFields: { results: ['PrintedName', 'Created'] }, Query: '<OrderBy><FieldRef Name="Created" Ascending="FALSE"/></OrderBy>',
      RowLimit: 50, Paged: true, SetAsDefaultView: false, PersonalView: false, ViewTypeKind: 1,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ Title: 'Signed this week', RowLimit: 50, DefaultView: false, ServerRelativeUrl: '/sites/wellsap/Lists/AUPAcknowledgements/Signedthisweek.aspx' });
    const view = `${list(acks)}/views/getbyid('${String(created.body.Id)}')`;

    expect((await sp(owner, 'POST', `${view}/viewfields/addviewfield('Author')`)).status).toBe(200);
    // SharePoint takes a field's internal name or its display name.
    expect((await sp(owner, 'POST', `${view}/viewfields/addviewfield('Policy version')`)).status).toBe(200);
    expect(await fieldsOf(owner, view)).toEqual(['PrintedName', 'Created', 'Author', 'PolicyVersion']);
    expect((await sp(owner, 'POST', `${view}/viewfields/moveviewfieldto`, { field: 'PolicyVersion', index: 0 })).status).toBe(200);
    expect((await sp(owner, 'POST', `${view}/viewfields/removeviewfield('Created')`)).status).toBe(200);
    expect(await fieldsOf(owner, view)).toEqual(['PolicyVersion', 'PrintedName', 'Author']);

    expect((await sp(owner, 'MERGE', view, { ViewQuery: '<Where><Eq><FieldRef Name="PolicyVersion"/><Value Type="Text">2020-04</Value></Eq></Where>', RowLimit: 25 })).status).toBe(204);
    expect((await sp(owner, 'GET', view)).body).toMatchObject({ RowLimit: 25, ViewQuery: '<Where><Eq><FieldRef Name="PolicyVersion"/><Value Type="Text">2020-04</Value></Eq></Where>' });

    expect((await sp(owner, 'MERGE', view, { DefaultView: true })).status).toBe(204);
    expect((await sp(owner, 'GET', `${list(acks)}/DefaultView`)).body.Title).toBe('Signed this week');
    expect((await sp(owner, 'GET', byTitle('By version'))).body.DefaultView).toBe(false);
    // A list always has a default: the way back is to make another view the default.
    expect((await sp(owner, 'MERGE', view, { DefaultView: false })).status).toBe(400);
    expect((await sp(owner, 'DELETE', view)).status).toBe(400);
    expect((await sp(owner, 'MERGE', byTitle('By version'), { DefaultView: true })).status).toBe(204);

    expect((await sp(owner, 'POST', `${view}/viewfields/removeallviewfields`)).status).toBe(200);
    expect(await fieldsOf(owner, view)).toEqual([]);
    expect((await sp(owner, 'DELETE', view)).status).toBe(200);
    expect((await sp(owner, 'GET', view)).status).toBe(404);
  });

  it('refuses a query or a field the list does not have, saying which', async () => {
    const badField = await addView(owner, { Title: 'Typo', Query: '<OrderBy><FieldRef Name="PrintedNmae"/></OrderBy>' });
    expect(badField.status).toBe(400);
    expect(JSON.stringify(badField.body)).toContain('PrintedNmae');
    expect((await addView(owner, { Title: 'Broken', Query: '<Where><Eq>' })).status).toBe(400);
    const threeWay = '<Where><Or><IsNull><FieldRef Name="Signature"/></IsNull><IsNull><FieldRef Name="PrintedName"/></IsNull><IsNull><FieldRef Name="Title"/></IsNull></Or></Where>';
    expect(JSON.stringify((await addView(owner, { Title: 'Three', Query: threeWay })).body)).toContain('exactly two');
    expect((await sp(owner, 'POST', `${byTitle('By version')}/viewfields/addviewfield('NoSuchField')`)).status).toBe(400);
    expect((await sp(owner, 'GET', `${list(acks)}/views`)).body.value).toHaveLength(3);
  });
});

describe('who may change views', () => {
  const attempts = (who: Session) => [
    addView(who, { Title: 'Mine', ViewFields: { results: ['PrintedName'] } }),
    sp(who, 'MERGE', byTitle('By version'), { ViewQuery: '' }),
    sp(who, 'POST', `${byTitle('By version')}/viewfields/removeallviewfields`),
    sp(who, 'POST', `${byTitle('By version')}/viewfields/addviewfield('Signature')`),
    sp(who, 'DELETE', byTitle('Needs review')),
  ];

  it('staff can read the views of their list but cannot create, change or delete one: 403', async () => {
    expect((await sp(staff, 'GET', `${list(acks)}/views`)).status).toBe(200);
    expect((await Promise.all(attempts(staff))).map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await fieldsOf(owner, byTitle('By version'))).toEqual(['PrintedName', 'PolicyVersion', 'Created', 'Author']);
    expect((await sp(owner, 'GET', `${list(acks)}/views`)).body.value).toHaveLength(3);
  });

  it('a manager (AUP Reviewer: no Manage Lists, no Manage Personal Views) cannot either, public or personal', async () => {
    expect((await Promise.all(attempts(manager))).map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await addView(manager, { Title: 'Just mine', PersonalView: true })).status).toBe(403);
  });

  it('staff get 404 for the views of a list they cannot see at all', async () => {
    expect((await sp(staff, 'GET', `${list(contacts)}/views`)).status).toBe(404);
  });

  it('a token with only AllSites.Read cannot change a view, whatever its user may do', async () => {
    const readOnly = await signIn(emulator, users.find((u) => u.upn === DEMO_USERS.admin)!, FAST_RETRY, ['AllSites.Read']);
    expect((await sp(readOnly, 'GET', `${list(acks)}/views`)).status).toBe(200);
    expect((await Promise.all(attempts(readOnly))).map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
  });

  it('a personal view takes Manage Personal Views, is seen and changed by its owner alone, and is never the default', async () => {
    // As a site owner could: a level with Manage Personal Views for the member of staff on this list.
    const level = emulator.permissions.addRoleDefinition({ name: 'Personal views', description: '', mask: AUP_LEVELS.signer.mask | permissionMask([PermissionKind.ManagePersonalViews]) });
    const tom = emulator.permissions.userPrincipal(users.find((u) => u.upn === DEMO_USERS.staff)!.id)!;
    emulator.permissions.addAssignment(acks, tom.id, level.id);
    try {
      expect((await addView(staff, { Title: 'Mine', PersonalView: true, SetAsDefaultView: true })).status).toBe(400);
      const mine = await addView(staff, { Title: 'Mine', PersonalView: true, ViewFields: { results: ['PrintedName', 'Created'] } });
      expect(mine.status).toBe(201);
      expect(mine.body.PersonalView).toBe(true);
      const titles = async (who: Session): Promise<string[]> => ((await sp(who, 'GET', `${list(acks)}/views`)).body.value as { Title: string }[]).map((v) => v.Title);
      expect(await titles(staff)).toContain('Mine');
      expect(await titles(manager)).not.toContain('Mine');
      expect((await sp(owner, 'MERGE', `${list(acks)}/views/getbyid('${String(mine.body.Id)}')`, { RowLimit: 5 })).status).toBe(404);
      expect((await sp(staff, 'POST', `${list(acks)}/views/getbyid('${String(mine.body.Id)}')/viewfields/addviewfield('Author')`)).status).toBe(200);
      // Manage Personal Views is not Manage Lists: public views stay out of reach.
      expect((await addView(staff, { Title: 'For everyone' })).status).toBe(403);
    } finally {
      emulator.permissions.removeAssignment(acks, tom.id, level.id);
    }
  });
});
