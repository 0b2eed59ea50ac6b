import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../client';
import type { FetchLike } from '../client';
import { patchFieldsIfMatch, resolveSiteId, siteLists } from '../lists';
import { ACKNOWLEDGEMENTS_LIST, POLICIES_LIST } from '../schema';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const stale = (): Response => json(412, { error: { code: 'resourceModified', message: 'eTag mismatch' } });

function graphAnswering(answer: (method: string, url: URL) => Response): { graph: ReturnType<typeof createGraphClient>; calls: string[] } {
  const calls: string[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return answer(init?.method ?? 'GET', url);
  };
  return { graph: createGraphClient({ baseUrl: 'http://127.0.0.1:1', getToken: async () => 't', fetch: fetchImpl, retry: { maxRetries: 0, delaySeconds: 0 } }), calls };
}

describe('patchFieldsIfMatch', () => {
  it('treats 412 as success when the item already holds the values (our own lost write)', async () => {
    const { graph, calls } = graphAnswering((method) => (method === 'PATCH' ? stale() : json(200, { id: '1', fields: { Status: 'Retired' } })));
    await expect(patchFieldsIfMatch(graph, '/sites/s/lists/l/items', '1', '"e,1"', { Status: 'Retired' })).resolves.toBeUndefined();
    expect(calls).toEqual(['PATCH /v1.0/sites/s/lists/l/items/1/fields', 'GET /v1.0/sites/s/lists/l/items/1']);
  });

  it('rethrows 412 when someone else changed the item', async () => {
    const { graph } = graphAnswering((method) => (method === 'PATCH' ? stale() : json(200, { id: '1', fields: { Status: 'Current' } })));
    await expect(patchFieldsIfMatch(graph, '/sites/s/lists/l/items', '1', '"e,1"', { Status: 'Retired' })).rejects.toMatchObject({ status: 412 });
  });

  it('does not read back after other failures', async () => {
    const { graph, calls } = graphAnswering(() => json(403, { error: { code: 'accessDenied', message: 'no' } }));
    await expect(patchFieldsIfMatch(graph, '/p', '1', '*', { A: 1 })).rejects.toMatchObject({ status: 403 });
    expect(calls).toHaveLength(1);
  });
});

describe('siteLists', () => {
  it('looks the site\'s lists up once and caches their ids', async () => {
    const { graph, calls } = graphAnswering(() => json(200, { value: [{ id: 'L1', displayName: POLICIES_LIST.displayName }] }));
    const lists = siteLists(graph, 'site');
    expect(await lists.itemsPath(POLICIES_LIST)).toBe('/sites/site/lists/L1/items');
    expect(await lists.listId(POLICIES_LIST)).toBe('L1');
    expect(calls).toHaveLength(1);
  });

  it('names the missing list and how to create it', async () => {
    const { graph } = graphAnswering(() => json(200, { value: [] }));
    await expect(siteLists(graph, 'site').listId(POLICIES_LIST)).rejects.toMatchObject({ name: 'StoreError', code: 'listNotProvisioned', message: expect.stringContaining('npm run provision') });
  });

  it('does not cache a failed lookup', async () => {
    let n = 0;
    const { graph } = graphAnswering(() => (++n === 1 ? json(500, { error: { code: 'generalException', message: 'x' } }) : json(200, { value: [{ id: 'L1', displayName: POLICIES_LIST.displayName }] })));
    const lists = siteLists(graph, 'site');
    await expect(lists.listId(POLICIES_LIST)).rejects.toMatchObject({ status: 500 });
    await expect(lists.listId(POLICIES_LIST)).resolves.toBe('L1');
  });
});

describe('resolveSiteId', () => {
  it('asks Graph for the root site\'s id', async () => {
    const { graph, calls } = graphAnswering(() => json(200, { id: 'host,site,web' }));
    expect(await resolveSiteId(graph, 'root')).toBe('host,site,web');
    expect(calls).toEqual(['GET /v1.0/sites/root']);
  });

  it('uses any other site id as given, without a request', async () => {
    const { graph, calls } = graphAnswering(() => json(500, {}));
    expect(await resolveSiteId(graph, 'host,site,web')).toBe('host,site,web');
    expect(calls).toHaveLength(0);
  });
});

describe('SiteLists.webUrl', () => {
  it('gives the list\'s SharePoint page, found by its cached id', async () => {
    const { graph, calls } = graphAnswering((_m, url) => (url.pathname.endsWith('/lists')
      ? json(200, { value: [{ id: 'L2', displayName: ACKNOWLEDGEMENTS_LIST.displayName }] })
      : json(200, { id: 'L2', webUrl: 'https://school.sharepoint.com/sites/aup/Lists/AUP%20Acknowledgements' })));
    expect(await siteLists(graph, 'site').webUrl(ACKNOWLEDGEMENTS_LIST)).toBe('https://school.sharepoint.com/sites/aup/Lists/AUP%20Acknowledgements');
    expect(calls).toEqual(['GET /v1.0/sites/site/lists', 'GET /v1.0/sites/site/lists/L2']);
  });

  it('is null when Graph gives no webUrl', async () => {
    const { graph } = graphAnswering((_m, url) => (url.pathname.endsWith('/lists')
      ? json(200, { value: [{ id: 'L2', displayName: ACKNOWLEDGEMENTS_LIST.displayName }] })
      : json(200, { id: 'L2' })));
    expect(await siteLists(graph, 'site').webUrl(ACKNOWLEDGEMENTS_LIST)).toBeNull();
  });
});
