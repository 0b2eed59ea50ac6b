// Paging that scales (issue #3, "who has not signed" with 10,000 staff and
// 50,000 signatures): list items and directory members are paged by keyset
// from an index, nested groups are flattened once per request, and only the
// selected properties are rendered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../../src/emulator/index';
import { parseFilter } from '../../src/emulator/odata/filter';
import { ListStore } from '../../src/emulator/store';
import { createTestList, start, signIn, DEMO_USERS, type Emulator, type Item, type Session } from './support';
import { FULL_MASK } from '../../src/graph/permissions';

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

interface Member {
  id: string;
  displayName: string;
  '@odata.type': string;
}

let emulator: Emulator;
let admin: Session;
let manager: Session;
let listId: string;
let items: string;

beforeAll(async () => {
  emulator = await start();
  admin = await signIn(emulator, DEMO_USERS.admin);
  manager = await signIn(emulator, DEMO_USERS.manager);
  listId = await createTestList(admin, 'Paging List');
  items = `sites/root/lists/${listId}/items`;
  for (let i = 0; i < 7; i++) await manager.post(items, { fields: { Key: `k-${i}`, Colour: i % 2 ? 'odd' : 'even' } });
});

afterAll(async () => {
  await emulator.close();
});

const keys = (page: Page<Item>): unknown[] => page.value.map((i) => i.fields!.Key);

describe('list items', () => {
  it('answers an indexed eq filter from one index range in id order: no scan of every item, no sort', () => {
    const store = new ListStore(emulator.db);
    const list = store.getList(listId);
    const principal = { userId: 'x', mask: FULL_MASK };
    const filter = parseFilter("fields/Colour eq 'ODD'");
    for (const from of [undefined, { afterId: 3 }]) {
      const { sql, params } = store.itemQuery(list, principal, { filter, orderBy: [], top: 5000, honorNonIndexed: false, ...(from ? { from } : {}) });
      const plan = (emulator.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join(' | ');
      expect(plan).toMatch(/SEARCH items USING INDEX ix_items_by_Colour \(list_id=\? AND <expr>=\?/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('starts the next page right after the last item read, even if an earlier item was deleted in between', async () => {
    const first = await manager.get<Page<Item>>(`${items}?$top=3&$expand=fields($select=Key)`);
    expect(keys(first.body)).toEqual(['k-0', 'k-1', 'k-2']);
    // With offset paging, this delete would shift k-3 onto page one and the next page would skip it.
    const k0 = first.body.value[0]!.id;
    expect((await manager.del(`${items}/${k0}`)).status).toBe(204);
    const second = await manager.get<Page<Item>>(first.body['@odata.nextLink']!);
    expect(keys(second.body)).toEqual(['k-3', 'k-4', 'k-5']);
  });

  it('still pages an explicit $orderby to the end, each item once', async () => {
    const seen: unknown[] = [];
    let url: string | undefined = `${items}?$top=2&$orderby=fields/Key desc&$expand=fields($select=Key)`;
    while (url) {
      const page: Page<Item> = (await manager.get<Page<Item>>(url)).body;
      seen.push(...keys(page));
      url = page['@odata.nextLink'];
    }
    expect(seen).toEqual(['k-6', 'k-5', 'k-4', 'k-3', 'k-2', 'k-1']);
  });

  it('renders only the selected item properties and fields', async () => {
    const r = await manager.get<Page<Record<string, unknown>>>(`${items}?$top=1&$select=id,createdBy&$expand=fields($select=Key,authorlookupid)`);
    const item = r.body.value[0]!;
    expect(Object.keys(item).sort()).toEqual(['@odata.etag', 'createdBy', 'fields', 'id']);
    expect(Object.keys(item.fields as object).sort()).toEqual(['@odata.etag', 'AuthorLookupId', 'Key']);
  });
});

describe('directory members', () => {
  const readAll = async (first: string): Promise<{ names: string[]; pages: number }> => {
    const names: string[] = [];
    let pages = 0;
    let url: string | undefined = first;
    while (url) {
      const page: Page<Member> = (await manager.get<Page<Member>>(url)).body;
      names.push(...page.value.map((m) => m.id));
      url = page['@odata.nextLink'];
      pages++;
    }
    return { names, pages };
  };

  it('pages transitiveMembers to the end, each member once, in display-name order', async () => {
    const all = await manager.get<Page<Member>>(`groups/${ALL_STAFF_GROUP_ID}/transitiveMembers?$top=999&$select=id,displayName`);
    const { names, pages } = await readAll(`groups/${ALL_STAFF_GROUP_ID}/transitiveMembers?$top=7&$select=id,displayName`);
    expect(pages).toBe(Math.ceil(60 / 7));
    expect(names).toEqual(all.body.value.map((m) => m.id));
    const sorted = all.body.value.map((m) => `${m.displayName}\u0000${m.id}`);
    expect(sorted).toEqual([...sorted].sort());
  });

  it('starts the next page of members right after the last one read, even if an earlier member left in between', async () => {
    const first = await manager.get<Page<Member>>(`groups/${ALL_STAFF_GROUP_ID}/transitiveMembers?$top=5&$select=id`);
    const all = (await manager.get<Page<Member>>(`groups/${ALL_STAFF_GROUP_ID}/transitiveMembers?$top=999&$select=id`)).body.value.map((m) => m.id);
    const leaver = first.body.value[0]!.id;
    emulator.db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(ALL_STAFF_GROUP_ID, leaver);
    try {
      const second = await manager.get<Page<Member>>(first.body['@odata.nextLink']!);
      expect(second.body.value.map((m) => m.id)).toEqual(all.slice(5, 10));
    } finally {
      emulator.db.prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)').run(ALL_STAFF_GROUP_ID, leaver);
    }
  });

  it('renders only the selected member properties, with the member type', async () => {
    const r = await manager.get<Page<Record<string, unknown>>>(`groups/${ALL_STAFF_GROUP_ID}/transitiveMembers?$top=2&$select=mail`);
    expect(Object.keys(r.body.value[0]!).sort()).toEqual(['@odata.type', 'id', 'mail']);
  });

  it('flattens a nested group into transitiveMembers and checkMemberGroups, but not into members', async () => {
    const nested = randomUUID();
    const newcomer = randomUUID();
    const db = emulator.db;
    db.transaction(() => {
      db.prepare("INSERT INTO groups (id, display_name) VALUES (?, 'Supply Staff')").run(nested);
      db.prepare(`INSERT INTO users (id, lookup_id, upn, display_name, role) VALUES (?, (SELECT max(lookup_id) + 1 FROM users), 'supply.teacher@wellsapkinsley.sch.uk', 'Supply Teacher', 'staff')`).run(newcomer);
      db.prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?), (?, ?)').run(nested, newcomer, ALL_STAFF_GROUP_ID, nested);
    })();
    const ids = async (rel: string) => (await manager.get<Page<Member>>(`groups/${ALL_STAFF_GROUP_ID}/${rel}?$top=999&$count=true`)).body;
    const transitive = await ids('transitiveMembers/microsoft.graph.user');
    expect(transitive.value.map((m) => m.id)).toContain(newcomer);
    expect(transitive['@odata.count']).toBe(61);
    expect((await ids('members')).value.map((m) => m.id)).not.toContain(newcomer);
    const groups = await manager.post<{ value: string[] }>(`users/${newcomer}/checkMemberGroups`, { groupIds: [ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID] });
    expect(groups.body.value).toEqual([ALL_STAFF_GROUP_ID]);
    const memberOf = await manager.get<Page<{ id: string }>>(`users/${newcomer}/transitiveMemberOf`);
    expect(memberOf.body.value.map((g) => g.id).sort()).toEqual([ALL_STAFF_GROUP_ID, nested].sort());
  });
});
