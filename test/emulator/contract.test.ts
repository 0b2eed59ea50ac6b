// The emulator against the documented Graph examples in test/fixtures/graph:
// every property an example shows must be in the emulator's answer too.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestList, signIn, start, call, DEMO_USERS, type Emulator, type Session } from './support';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/graph/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** Paths of every property in `shape`, descending into objects (not arrays); `skip` prunes list-specific subtrees. */
function paths(shape: unknown, skip: readonly string[] = [], prefix = ''): string[] {
  if (!shape || typeof shape !== 'object' || Array.isArray(shape)) return [];
  return Object.entries(shape).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return skip.includes(path) ? [path] : [path, ...paths(v, skip, path)];
  });
}

function expectShape(actual: unknown, documented: unknown, skip: readonly string[] = []): void {
  const have = new Set(paths(actual, skip));
  expect(paths(documented, skip).filter((p) => !have.has(p))).toEqual([]);
}

let emulator: Emulator;
let admin: Session;
let listPath: string;

beforeAll(async () => {
  emulator = await start();
  admin = await signIn(emulator, DEMO_USERS.admin);
  listPath = `sites/root/lists/${await createTestList(admin, 'Contract')}`;
});
afterAll(async () => {
  await emulator.close();
});

describe('documented Graph shapes', () => {
  it('list create (list-create.md)', async () => {
    const r = await admin.post('sites/root/lists', { displayName: 'Books', columns: [{ name: 'Author', text: {} }, { name: 'PageCount', number: {} }], list: { template: 'genericList' } });
    expect(r.status).toBe(201);
    expectShape(r.body, fixture('list-create.json'));
  });
  it('listItem get with fields (listitem-get.md)', async () => {
    const created = await admin.post<{ id: string }>(`${listPath}/items`, { fields: { Key: 'c1' } });
    const r = await admin.get(`${listPath}/items/${created.body.id}?expand=fields`);
    // Field names belong to the docs' example list; the envelope is what must match.
    expectShape(r.body, fixture('listitem-get.json'), ['fields']);
  });
  it('fields update returns a fieldValueSet (listitem-update.md)', async () => {
    const created = await admin.post<{ id: string }>(`${listPath}/items`, { fields: { Key: 'c2', Title: 'Widget' } });
    const r = await admin.patch<Record<string, unknown>>(`${listPath}/items/${created.body.id}/fields`, { Colour: 'Fuchsia', Count: 934 });
    expect(r.body).toMatchObject({ Title: 'Widget', Colour: 'Fuchsia', Count: 934 });
    expect(r.body).not.toHaveProperty('fields');
  });
  it('delta last page, with a deletion (listitem-delta.md)', async () => {
    const latest = await admin.get<{ '@odata.deltaLink': string }>(`${listPath}/items/delta?token=latest`);
    const a = await admin.post<{ id: string }>(`${listPath}/items`, { fields: { Key: 'c3' } });
    const b = await admin.post<{ id: string }>(`${listPath}/items`, { fields: { Key: 'c4' } });
    await admin.del(`${listPath}/items/${b.body.id}`);
    const r = await admin.get<{ value: Record<string, unknown>[] }>(latest.body['@odata.deltaLink']);
    const documented = fixture('listitem-delta-last.json') as { value: Record<string, unknown>[] };
    const live = r.body.value.find((i) => i.id === a.body.id)!;
    const dead = r.body.value.find((i) => i.id === b.body.id)!;
    // parentReference.path is a document-library property; generic lists have none.
    const { path: _path, ...liveParent } = (documented.value[0]!.parentReference as Record<string, unknown>);
    expectShape(live, { ...documented.value[0], parentReference: liveParent });
    expectShape(dead, documented.value[1]);
    expect(r.body).toHaveProperty('@odata.deltaLink');
  });
  it('errors (graph/errors)', async () => {
    const r = await call(emulator, null, 'GET', 'me');
    expectShape(r.body, fixture('error.json'));
  });
});
