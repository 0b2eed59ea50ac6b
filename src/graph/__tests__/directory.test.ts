import { describe, expect, it } from 'vitest';
import { createGraphClient, type FetchLike } from '../client';
import { DirectoryRepository } from '../directory';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function graphAnswering(answer: (method: string, url: URL, body: unknown) => Response) {
  const calls: string[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return answer(init?.method ?? 'GET', url, typeof init?.body === 'string' ? JSON.parse(init.body) : undefined);
  };
  return { graph: createGraphClient({ baseUrl: 'http://127.0.0.1:1', getToken: async () => 't', fetch: fetchImpl, retry: { maxRetries: 0, delaySeconds: 0 } }), calls };
}

describe('DirectoryRepository.checkMemberGroups', () => {
  it('asks once for every group and returns those the user is in', async () => {
    const asked: unknown[] = [];
    const { graph, calls } = graphAnswering((_m, _u, body) => { asked.push(body); return json(200, { value: ['g-managers'] }); });
    const member = await new DirectoryRepository(graph).checkMemberGroups(['g-managers', 'g-admins']);
    expect([...member]).toEqual(['g-managers']);
    expect(calls).toEqual(['POST /v1.0/me/checkMemberGroups']);
    expect(asked).toEqual([{ groupIds: ['g-managers', 'g-admins'] }]);
  });

  it('makes no request when no group is asked about', async () => {
    const { graph, calls } = graphAnswering(() => json(500, {}));
    expect((await new DirectoryRepository(graph).checkMemberGroups([])).size).toBe(0);
    expect(calls).toHaveLength(0);
  });
});

describe('DirectoryRepository without groups', () => {
  it('still says who is signed in, but refuses to list staff', async () => {
    const { graph } = graphAnswering(() => json(200, { id: 'u1', userPrincipalName: 'ann@school.uk', displayName: 'Ann Able', mail: null }));
    const directory = new DirectoryRepository(graph);
    expect(await directory.me()).toMatchObject({ id: 'u1', userPrincipalName: 'ann@school.uk', displayName: 'Ann Able', mail: null });
    await expect(directory.allStaff()).rejects.toThrow(/without the all-staff and managers groups/);
  });
});
