// The emulator's SharePoint and Graph behaviours, over real HTTP, with plain
// fetch so that each status code and body is checked as a client sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilter, toSql } from '../../src/emulator/odata/filter';
import { fieldPath } from '../../src/emulator/store';
import { ALL_STAFF, createTestList, start, signIn, call, DEMO_USERS, type Emulator, type Item, type Session } from './support';
import { groupClaim } from '../../src/graph/permissions';
import { MANAGERS_GROUP_ID } from '../../src/emulator/index';

let emulator: Emulator;
let admin: Session;
let manager: Session;
let staffA: Session;
let staffB: Session;
let listId: string;
let items: string;

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

beforeAll(async () => {
  emulator = await start();
  const users = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as { upn: string; role: string }[];
  const staff = users.filter((u) => u.role === 'staff' && u.upn !== DEMO_USERS.staff);
  admin = await signIn(emulator, DEMO_USERS.admin);
  manager = await signIn(emulator, DEMO_USERS.manager);
  staffA = await signIn(emulator, DEMO_USERS.staff);
  staffB = await signIn(emulator, staff[0]!.upn);
  listId = await createTestList(admin);
  items = `sites/root/lists/${listId}/items`;
});

afterAll(async () => {
  await emulator.close();
});

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken without a token', async () => {
    const answer = await call<{ error: { code: string; message: string; innerError: Record<string, string> } }>(emulator, null, 'GET', 'me');
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('InvalidAuthenticationToken');
    expect(answer.body.error.innerError['request-id']).toBeTruthy();
  });
  it('answers 401 to a token signed with another key', async () => {
    const [h, p] = staffA.token.split('.');
    const forged = `${h}.${p}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await call(emulator, forged, 'GET', 'me')).status).toBe(401);
  });
  it('answers /me from the token: the caller, not anyone named in the request', async () => {
    const me = await staffA.get<{ userPrincipalName: string }>('me');
    expect(me.status).toBe(200);
    expect(me.body.userPrincipalName).toBe(DEMO_USERS.staff);
  });
  it('refuses a dev token for someone not in the directory', async () => {
    const r = await fetch(`${emulator.url}/_dev/token`, { method: 'POST', body: JSON.stringify({ upn: 'nobody@example.com' }) });
    expect(r.status).toBe(404);
  });
});

describe('lists and columns', () => {
  it('finds a list by display name as well as by id, with its columns on request', async () => {
    const byName = await admin.get<{ id: string; columns: { name: string; indexed: boolean }[] }>('sites/root/lists/Test List?$expand=columns');
    expect(byName.body.id).toBe(listId);
    expect(byName.body.columns.map((c) => c.name)).toEqual(['Title', 'Key', 'Colour', 'Notes', 'Count', 'Done']);
    expect(byName.body.columns.find((c) => c.name === 'Key')!.indexed).toBe(true);
  });
  it('refuses a second list with the same name with 409', async () => {
    expect((await admin.post('sites/root/lists', { displayName: 'test list' })).status).toBe(409);
  });
  it('lets only someone with Manage Lists on the site create lists', async () => {
    const r = await staffA.post<{ error: { code: string } }>('sites/root/lists', { displayName: 'Mine' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('accessDenied');
  });
  it('adds and indexes a column', async () => {
    const added = await admin.post<{ id: string; indexed: boolean }>(`sites/root/lists/${listId}/columns`, { name: 'Extra', text: {} });
    expect(added.status).toBe(201);
    expect(added.body.indexed).toBe(false);
    const patched = await admin.patch<{ indexed: boolean }>(`sites/root/lists/${listId}/columns/${added.body.id}`, { indexed: true });
    expect(patched.body.indexed).toBe(true);
  });
  it('addresses the site by hostname and path too', async () => {
    const site = await admin.get<{ id: string; webUrl: string }>('sites/localhost:/sites/wellsap');
    expect(site.body.id).toBe(emulator.siteId);
    expect(site.body.webUrl).toBe(`${emulator.url}/sites/wellsap`);
    const lists = await admin.get<Page<{ id: string }>>('sites/localhost:/sites/wellsap:/lists');
    expect(lists.body.value.some((l) => l.id === listId)).toBe(true);
  });
});

describe('items', () => {
  it('takes createdBy from the token and ignores one in the body', async () => {
    const created = await staffA.post<Item>(items, {
      createdBy: { user: { id: 'forged', displayName: 'Someone Else' } },
      fields: { Title: 'mine', Key: 'created-by', AuthorLookupId: '999' },
    });
    expect(created.status).toBe(201);
    expect(created.body.createdBy.user.email).toBe(DEMO_USERS.staff);
    expect(created.body.fields!.AuthorLookupId).not.toBe('999');
  });
  it('rejects a field the list does not have', async () => {
    const r = await staffA.post<{ error: { code: string; message: string } }>(items, { fields: { Nope: 1 } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe("Field 'Nope' is not recognized");
  });
  it('rejects a value of the wrong type', async () => {
    expect((await staffA.post(items, { fields: { Key: 'typed', Count: 'three' } })).status).toBe(400);
  });
  it('rejects a duplicate in a unique column with 409, and allows the value once the first is gone', async () => {
    const first = await staffA.post<Item>(items, { fields: { Key: 'unique-1' } });
    expect(first.status).toBe(201);
    const second = await staffA.post<{ error: { code: string; message: string } }>(items, { fields: { Key: 'unique-1' } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('nameAlreadyExists');
    expect(second.body.error.message).toContain('[Key]');
    expect((await staffA.del(`${items}/${first.body.id}`)).status).toBe(204);
    expect((await staffA.post(items, { fields: { Key: 'unique-1' } })).status).toBe(201);
  });
  it('treats values differing only in case as duplicates in a unique column, as SharePoint does', async () => {
    expect((await staffA.post(items, { fields: { Key: 'Case-Key' } })).status).toBe(201);
    for (const variant of ['case-key', 'CASE-KEY']) expect((await staffA.post(items, { fields: { Key: variant } })).status).toBe(409);
    const other = await staffA.post<Item>(items, { fields: { Key: 'case-key-2' } });
    expect((await staffA.patch(`${items}/${other.body.id}/fields`, { Key: 'CASE-key' })).status).toBe(409);
    expect((await staffA.post(items, { fields: { Key: 'Case-Key ' } })).status).toBe(201); // a trailing space is another value
  });
  it('updates with a matching If-Match and returns the new eTag; a stale one gets 412', async () => {
    const created = await staffA.post<Item>(items, { fields: { Key: 'etag', Colour: 'red' } });
    const updated = await staffA.patch<Record<string, unknown>>(`${items}/${created.body.id}/fields`, { Colour: 'blue' }, { 'If-Match': created.body.eTag });
    expect(updated.status).toBe(200);
    expect(updated.body.Colour).toBe('blue');
    expect(updated.body['@odata.etag']).not.toBe(created.body.eTag);
    expect(updated.headers.get('etag')).toBe(updated.body['@odata.etag']);
    const stale = await staffA.patch<{ error: { code: string } }>(`${items}/${created.body.id}/fields`, { Colour: 'green' }, { 'If-Match': created.body.eTag });
    expect(stale.status).toBe(412);
    const after = await staffA.get<Item>(`${items}/${created.body.id}?$expand=fields`);
    expect(after.body.fields!.Colour).toBe('blue');
  });
  it('accepts If-Match: * and PATCH on the item with a fields object', async () => {
    const created = await staffA.post<Item>(items, { fields: { Key: 'star' } });
    const r = await staffA.patch<Item>(`${items}/${created.body.id}`, { fields: { Colour: 'amber' } }, { 'If-Match': '*' });
    expect(r.status).toBe(200);
    expect(r.body.fields!.Colour).toBe('amber');
  });
});

describe('filtering and paging', () => {
  beforeAll(async () => {
    for (let i = 0; i < 7; i++) await manager.post(items, { fields: { Key: `page-${i}`, Colour: i % 2 ? 'odd' : 'even', Notes: `n${i}`, Count: i } });
  });
  it('filters on an indexed column', async () => {
    const r = await manager.get<Page<Item>>(`${items}?$filter=fields/Colour eq 'odd'&$expand=fields($select=Key,Colour)`);
    expect(r.status).toBe(200);
    expect(r.body.value.map((i) => i.fields!.Key)).toEqual(['page-1', 'page-3', 'page-5']);
    expect(Object.keys(r.body.value[0]!.fields!).sort()).toEqual(['@odata.etag', 'Colour', 'Key']);
  });
  it('compares text without regard to case in eq, ne and ranges, as SharePoint does', async () => {
    const keys = async (filter: string) => (await manager.get<Page<Item>>(`${items}?$filter=${encodeURIComponent(filter)}&$expand=fields($select=Key)&$top=999`)).body.value.map((i) => i.fields!.Key);
    expect(await keys("fields/Colour eq 'ODD'")).toEqual(['page-1', 'page-3', 'page-5']);
    expect(await keys("fields/Key eq 'PAGE-2'")).toEqual(['page-2']);
    expect((await keys("fields/Colour ne 'Odd' and startswith(fields/Key,'page-')"))).toEqual(['page-0', 'page-2', 'page-4', 'page-6']);
    expect(await keys("fields/Key ge 'PAGE-5' and fields/Key le 'page-6'")).toEqual(['page-5', 'page-6']);
    expect(await keys("fields/Colour eq 'od'")).toEqual([]);
  });
  it('still answers an indexed, case-blind filter from the index, not a scan', () => {
    const where = toSql(parseFilter("fields/Colour eq 'ODD'"), (segments) => fieldPath(segments[1]!)); // as the store builds it
    const plan = emulator.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM items WHERE list_id = ? AND ${where.sql}`).all(listId, ...where.params) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX ix_items_by_Colour/);
  });
  it('refuses a filter on a non-indexed column with Graph\'s 400, unless Prefer allows it', async () => {
    const refused = await manager.get<{ error: { code: string; message: string } }>(`${items}?$filter=fields/Notes eq 'n3'`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalidRequest');
    expect(refused.body.error.message).toContain("Field 'Notes' cannot be referenced in filter or orderby as it is not indexed");
    const allowed = await manager.get<Page<Item>>(`${items}?$filter=fields/Notes eq 'n3'&$expand=fields`, { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' });
    expect(allowed.status).toBe(200);
    expect(allowed.body.value.map((i) => i.fields!.Key)).toEqual(['page-3']);
  });
  it('refuses $orderby on a non-indexed column too', async () => {
    expect((await manager.get(`${items}?$orderby=fields/Count desc`)).status).toBe(400);
  });
  it('supports and, or, ranges and startswith', async () => {
    const r = await manager.get<Page<Item>>(
      `${items}?$filter=${encodeURIComponent("startswith(fields/Key,'page-') and (fields/Colour eq 'even' or fields/Key eq 'page-1')")}&$orderby=fields/Key desc&$expand=fields`,
    );
    expect(r.body.value.map((i) => i.fields!.Key)).toEqual(['page-6', 'page-4', 'page-2', 'page-1', 'page-0']);
  });
  it('answers a malformed filter with 400', async () => {
    expect((await manager.get(`${items}?$filter=fields/Colour eq`)).status).toBe(400);
  });
  it('pages with $top and an opaque nextLink until every item is read once', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${items}?$top=3&$filter=${encodeURIComponent("startswith(fields/Key,'page-')")}&$expand=fields`;
    let pages = 0;
    while (url) {
      const r: { body: Page<Item> } = await manager.get<Page<Item>>(url);
      seen.push(...r.body.value.map((i) => String(i.fields!.Key)));
      url = r.body['@odata.nextLink'];
      if (url) expect(url.startsWith(`${emulator.url}/v1.0/`)).toBe(true);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
  });
  it('refuses non-indexed queries past 5,000 items even with the Prefer header', async () => {
    const bigId = await createTestList(admin, 'Big List');
    const insert = emulator.db.prepare(`INSERT INTO items (list_id, id, guid, version, fields, created_at, modified_at, author_id, created_by, modified_by, change_seq)
      VALUES (?, ?, ?, 1, ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'x', '{"user":{"id":"x","displayName":"x","email":"x"},"lookupId":0}', '{"user":{"id":"x","displayName":"x","email":"x"},"lookupId":0}', 0)`);
    emulator.db.transaction(() => {
      for (let i = 1; i <= 5001; i++) insert.run(bigId, i, crypto.randomUUID(), JSON.stringify({ Key: `k${i}`, Notes: `n${i}`, Colour: 'c' }));
    })();
    const path = `sites/root/lists/${bigId}/items`;
    const r = await manager.get<{ error: { message: string } }>(`${path}?$filter=fields/Notes eq 'n5'`, { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('list view threshold');
    const indexed = await manager.get<Page<Item>>(`${path}?$filter=fields/Key eq 'k5000'&$expand=fields`);
    expect(indexed.status).toBe(200);
    expect(indexed.body.value).toHaveLength(1);
  });
});

describe('item-level security (ReadSecurity 2, WriteSecurity 2)', () => {
  let secureItems: string;
  let bItemId: string;
  beforeAll(async () => {
    // Staff contribute; managers hold Design, which carries Override List Behaviors.
    const secureId = await createTestList(admin, 'Secure List', { [ALL_STAFF]: 'Contribute', [groupClaim(MANAGERS_GROUP_ID)]: 'Design' });
    const acks = (await admin.get<Page<{ id: string; displayName: string }>>('sites/root/lists')).body.value;
    expect(acks.some((l) => l.id === secureId)).toBe(true);
    const merge = await fetch(`${emulator.url}/sites/wellsap/_api/web/lists(guid'${secureId}')`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json;odata=verbose', Accept: 'application/json;odata=verbose', 'X-HTTP-Method': 'MERGE' },
      body: JSON.stringify({ __metadata: { type: 'SP.List' }, ReadSecurity: 2, WriteSecurity: 2, EnableVersioning: true }),
    });
    expect(merge.status).toBe(204);
    secureItems = `sites/root/lists/${secureId}/items`;
    await staffA.post(secureItems, { fields: { Key: 'a1' } });
    await staffA.post(secureItems, { fields: { Key: 'a2' } });
    bItemId = (await staffB.post<Item>(secureItems, { fields: { Key: 'b1' } })).body.id;
  });
  it('shows staff only their own items', async () => {
    const r = await staffA.get<Page<Item>>(`${secureItems}?$expand=fields`);
    expect(r.body.value.map((i) => i.fields!.Key)).toEqual(['a1', 'a2']);
  });
  it('shows every item to someone with Override List Behaviors', async () => {
    const r = await manager.get<Page<Item>>(`${secureItems}?$expand=fields`);
    expect(r.body.value.map((i) => i.fields!.Key)).toEqual(['a1', 'a2', 'b1']);
  });
  it("hides another person's item from staff: 404 on read, and no way to edit or delete it", async () => {
    expect((await staffA.get(`${secureItems}/${bItemId}`)).status).toBe(404);
    expect((await staffA.patch(`${secureItems}/${bItemId}/fields`, { Colour: 'x' })).status).toBe(404);
    expect((await staffA.del(`${secureItems}/${bItemId}`)).status).toBe(404);
    const filtered = await staffA.get<Page<Item>>(`${secureItems}?$filter=fields/Key eq 'b1'`);
    expect(filtered.body.value).toEqual([]);
  });
  it('reports the settings through SharePoint REST in both JSON flavours', async () => {
    const id = secureItems.split('/')[3];
    const plain = await fetch(`${emulator.url}/sites/wellsap/_api/web/lists(guid'${id}')`, { headers: { Authorization: `Bearer ${admin.token}`, Accept: 'application/json;odata=nometadata' } });
    expect(await plain.json()).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2, EnableVersioning: true });
    const verbose = await fetch(`${emulator.url}/sites/wellsap/_api/web/lists(guid'${id}')`, { headers: { Authorization: `Bearer ${admin.token}`, Accept: 'application/json;odata=verbose' } });
    expect(await verbose.json()).toMatchObject({ d: { ReadSecurity: 2 } });
  });
  it('lets only someone with Manage Lists on the list change them', async () => {
    const id = secureItems.split('/')[3];
    const r = await fetch(`${emulator.url}/sites/wellsap/_api/web/lists(guid'${id}')`, {
      method: 'POST', headers: { Authorization: `Bearer ${staffA.token}`, 'X-HTTP-Method': 'MERGE', 'Content-Type': 'application/json' }, body: JSON.stringify({ ReadSecurity: 1 }),
    });
    expect(r.status).toBe(403);
  });
});

describe('$batch', () => {
  it('runs each step through the same routing and answers each by id', async () => {
    const r = await manager.post<{ responses: { id: string; status: number; body?: { fields?: Record<string, unknown>; error?: { code: string } } }[] }>('$batch', {
      requests: [
        { id: '1', method: 'POST', url: `/${items}`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Key: 'batch-1' } } },
        { id: '2', method: 'POST', url: `/${items}`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Key: 'batch-1' } }, dependsOn: ['1'] },
        { id: '3', method: 'GET', url: `/${items}?$filter=fields/Key eq 'batch-1'&$expand=fields`, dependsOn: ['2'] },
        { id: '4', method: 'GET', url: '/me' },
      ],
    });
    expect(r.status).toBe(200);
    const byId = new Map(r.body.responses.map((x) => [x.id, x]));
    expect(byId.get('1')!.status).toBe(201);
    expect(byId.get('2')!.status).toBe(409);
    expect(byId.get('3')!.status).toBe(424);
    expect(byId.get('4')!.status).toBe(200);
  });
  it('accepts the absolute-path form graph-client sends (/v1.0/...)', async () => {
    const r = await manager.post<{ responses: { status: number }[] }>('$batch', { requests: [{ id: 'a', method: 'GET', url: '/v1.0/me' }] });
    expect(r.body.responses[0]!.status).toBe(200);
  });
  it('refuses more than 20 steps', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    const r = await manager.post<{ error: { message: string } }>('$batch', { requests });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('20');
  });
  it('still needs a valid token', async () => {
    expect((await call(emulator, null, 'POST', '$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }] })).status).toBe(401);
  });
});

describe('delta', () => {
  it('enumerates, then reports only changes and deletions since the deltaLink', async () => {
    const listIdDelta = await createTestList(admin, 'Delta List');
    const path = `sites/root/lists/${listIdDelta}/items`;
    const a = (await manager.post<Item>(path, { fields: { Key: 'd1' } })).body;
    const b = (await manager.post<Item>(path, { fields: { Key: 'd2' } })).body;
    await manager.post(path, { fields: { Key: 'd3' } });
    let url: string | undefined = `${path}/delta?$top=2&$expand=fields`;
    const first: Item[] = [];
    let deltaLink: string | undefined;
    while (url) {
      const r: { body: Page<Item> } = await manager.get<Page<Item>>(url);
      first.push(...r.body.value);
      url = r.body['@odata.nextLink'];
      deltaLink = r.body['@odata.deltaLink'];
    }
    expect(first.map((i) => i.fields!.Key)).toEqual(['d1', 'd2', 'd3']);
    expect(deltaLink).toBeDefined();
    await manager.patch(`${path}/${a.id}/fields`, { Colour: 'new' });
    await manager.del(`${path}/${b.id}`);
    const changes = await manager.get<Page<Item & { deleted?: { state: string } }>>(deltaLink!);
    expect(changes.body.value.map((i) => [i.id, i.deleted?.state ?? 'changed'])).toEqual([[a.id, 'changed'], [b.id, 'deleted']]);
    const quiet = await manager.get<Page<Item>>(changes.body['@odata.deltaLink']!);
    expect(quiet.body.value).toEqual([]);
  });
  it('gives an empty page and a deltaLink for token=latest', async () => {
    const r = await manager.get<Page<Item>>(`${items}/delta?token=latest`);
    expect(r.body.value).toEqual([]);
    expect(r.body['@odata.deltaLink']).toContain('token=');
  });
});

describe('directory, mail and notifications', () => {
  it('pages /users with $select and nextLink', async () => {
    const r = await staffA.get<Page<Record<string, unknown>>>('users?$top=25&$select=id,displayName,department');
    expect(r.body.value).toHaveLength(25);
    expect(Object.keys(r.body.value[0]!).sort()).toEqual(['department', 'displayName', 'id']);
    expect(r.body['@odata.nextLink']).toBeDefined();
  });
  it('lists All Staff as users through transitiveMembers, with a count', async () => {
    const { ALL_STAFF_GROUP_ID } = await import('../../src/emulator/index');
    const r = await manager.get<Page<Record<string, unknown>> & { '@odata.count': number }>(`groups/${ALL_STAFF_GROUP_ID}/transitiveMembers?$top=999&$count=true`);
    expect(r.body['@odata.count']).toBe(60);
    expect(r.body.value.every((m) => m['@odata.type'] === '#microsoft.graph.user')).toBe(true);
  });
  describe('checkMemberGroups', () => {
    const UNKNOWN_GROUP = '00000000-0000-4000-8000-000000000000';
    const groups = async () => import('../../src/emulator/index');
    it('answers, of the ids asked, the groups the caller is in (in the order asked, any case)', async () => {
      const { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } = await groups();
      const asked = [ADMINS_GROUP_ID, MANAGERS_GROUP_ID.toUpperCase(), UNKNOWN_GROUP, ALL_STAFF_GROUP_ID];
      const forAdmin = await admin.post<{ value: string[]; '@odata.context': string }>('me/checkMemberGroups', { groupIds: asked });
      expect(forAdmin.status).toBe(200);
      expect(forAdmin.body['@odata.context']).toMatch(/\$metadata#Collection\(Edm\.String\)$/);
      expect(forAdmin.body.value).toEqual([ADMINS_GROUP_ID, MANAGERS_GROUP_ID.toUpperCase(), ALL_STAFF_GROUP_ID]);
      expect((await manager.post<{ value: string[] }>('me/checkMemberGroups', { groupIds: asked })).body.value).toEqual([MANAGERS_GROUP_ID.toUpperCase(), ALL_STAFF_GROUP_ID]);
      expect((await staffA.post<{ value: string[] }>('me/checkMemberGroups', { groupIds: asked })).body.value).toEqual([ALL_STAFF_GROUP_ID]);
    });
    it('checks another user by id or UPN, and follows membership changes at once', async () => {
      const { MANAGERS_GROUP_ID } = await groups();
      const users = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as { id: string; upn: string }[];
      const tom = users.find((u) => u.upn === DEMO_USERS.staff)!;
      const ask = (who: string) => manager.post<{ value: string[] }>(`users/${encodeURIComponent(who)}/checkMemberGroups`, { groupIds: [MANAGERS_GROUP_ID] });
      expect((await ask(tom.upn)).body.value).toEqual([]);
      emulator.db.prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)').run(MANAGERS_GROUP_ID, tom.id);
      try {
        expect((await ask(tom.id)).body.value).toEqual([MANAGERS_GROUP_ID]);
      } finally {
        emulator.db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(MANAGERS_GROUP_ID, tom.id);
      }
    });
    it('answers an empty list for no ids, and 400 for 21 ids, a malformed id or a missing groupIds', async () => {
      expect((await staffA.post<{ value: string[] }>('me/checkMemberGroups', { groupIds: [] })).body.value).toEqual([]);
      const twenty = Array.from({ length: 20 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      expect((await staffA.post('me/checkMemberGroups', { groupIds: twenty })).status).toBe(200);
      expect((await staffA.post('me/checkMemberGroups', { groupIds: [...twenty, UNKNOWN_GROUP] })).status).toBe(400);
      expect((await staffA.post('me/checkMemberGroups', { groupIds: ['not-a-guid'] })).status).toBe(400);
      expect((await staffA.post('me/checkMemberGroups', {})).status).toBe(400);
    });
    it('answers 404 for a user who does not exist', async () => {
      expect((await manager.post('users/nobody@example.com/checkMemberGroups', { groupIds: [UNKNOWN_GROUP] })).status).toBe(404);
    });
  });
  it('filters users by UPN', async () => {
    const r = await staffA.get<Page<{ userPrincipalName: string }>>(`users?$filter=${encodeURIComponent(`userPrincipalName eq '${DEMO_USERS.manager}'`)}`);
    expect(r.body.value.map((u) => u.userPrincipalName)).toEqual([DEMO_USERS.manager]);
  });
  it('records sendMail in the outbox and answers 202', async () => {
    emulator.clearOutbox();
    const r = await staffA.post('me/sendMail', {
      message: { subject: 'Reminder', body: { contentType: 'Text', content: 'Please sign' }, toRecipients: [{ emailAddress: { address: DEMO_USERS.manager } }] },
    });
    expect(r.status).toBe(202);
    expect(emulator.outbox()).toMatchObject([{ kind: 'mail', from: DEMO_USERS.staff, to: [DEMO_USERS.manager], subject: 'Reminder', body: 'Please sign' }]);
    const viaHttp = (await (await fetch(`${emulator.url}/_dev/outbox`)).json()) as unknown[];
    expect(viaHttp).toHaveLength(1);
  });
  it('records an activity notification, and refuses one to a user without the Teams app', async () => {
    emulator.clearOutbox();
    const users = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as { id: string; upn: string }[];
    const withApp = users.find((u) => u.upn === DEMO_USERS.staff)!;
    const withoutApp = users.find((u) => u.upn === DEMO_USERS.staffWithoutApp)!;
    const body = { topic: { source: 'text', value: 'AUP', webUrl: 'https://teams.microsoft.com/l/entity/x' }, activityType: 'signReminder', previewText: { content: 'Please sign the AUP' } };
    expect((await manager.post(`users/${withApp.id}/teamwork/sendActivityNotification`, body)).status).toBe(204);
    expect((await manager.post(`users/${withoutApp.id}/teamwork/sendActivityNotification`, body)).status).toBe(403);
    expect(emulator.outbox()).toMatchObject([{ kind: 'activityNotification', to: withApp.id, activityType: 'signReminder', previewText: 'Please sign the AUP' }]);
  });
});

describe('CORS', () => {
  it('answers a preflight from a localhost page, allowing the headers Graph clients send', async () => {
    const r = await fetch(`${emulator.url}/v1.0/me`, {
      method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,if-match,prefer,content-type' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(r.headers.get('access-control-allow-headers')).toContain('if-match');
  });
  it('exposes ETag and Retry-After to a localhost page, and nothing to other origins', async () => {
    const local = await fetch(`${emulator.url}/v1.0/me`, { headers: { Origin: 'https://localhost:5173', Authorization: `Bearer ${staffA.token}` } });
    expect(local.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(local.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const foreign = await fetch(`${emulator.url}/v1.0/me`, { headers: { Origin: 'https://evil.example', Authorization: `Bearer ${staffA.token}` } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
