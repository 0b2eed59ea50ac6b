import { describe, expect, it } from 'vitest';
import { createGraphClient, odataString } from '../client';
import type { FetchLike } from '../client';
import { GraphRequestError } from '../errors';

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A fake transport: answers from a function and records every request. */
function fakeTransport(answer: (req: Seen, n: number) => Response | Promise<Response>): { fetch: FetchLike; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const req: Seen = { url, method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: typeof init?.body === 'string' ? init.body : null };
    seen.push(req);
    return answer(req, seen.length);
  };
  return { fetch: fetchImpl, seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}): Response =>
  json(status, { error: { code, message, innerError: { 'request-id': 'req-1', date: '2024-01-01T00:00:00' } } }, headers);

const BASE = 'http://127.0.0.1:4010';
const fast = { maxRetries: 3, delaySeconds: 0 };

describe('createGraphClient', () => {
  it('sends the bearer token to an http localhost Graph root, which graph-client alone would not', async () => {
    const t = fakeTransport(() => json(200, { id: 'me' }));
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch, retry: fast });
    await graph.get('/me');
    expect(t.seen[0]!.url).toBe(`${BASE}/v1.0/me`);
    expect(t.seen[0]!.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('accepts a base URL that already ends in /v1.0', async () => {
    const t = fakeTransport(() => json(200, {}));
    const graph = createGraphClient({ baseUrl: `${BASE}/v1.0/`, getToken: async () => 'tok', fetch: t.fetch });
    await graph.get('/sites/root');
    expect(t.seen[0]!.url).toBe(`${BASE}/v1.0/sites/root`);
  });

  it('asks getToken for the configured scopes', async () => {
    const asked: (readonly string[])[] = [];
    const t = fakeTransport(() => json(200, {}));
    const graph = createGraphClient({ baseUrl: BASE, getToken: async (s) => { asked.push(s); return 'tok'; }, scopes: ['Sites.ReadWrite.All'], fetch: t.fetch });
    await graph.get('/me');
    expect(asked).toEqual([['Sites.ReadWrite.All']]);
  });

  it('retries a 429 after its Retry-After and returns the later success', async () => {
    const t = fakeTransport((_req, n) => (n === 1 ? graphError(429, 'TooManyRequests', 'slow down', { 'Retry-After': '0' }) : json(200, { ok: true })));
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch, retry: fast });
    await expect(graph.get('/me')).resolves.toEqual({ ok: true });
    expect(t.seen).toHaveLength(2);
  });

  it('retries a POST through a 503 with the same body', async () => {
    const t = fakeTransport((_req, n) => (n === 1 ? graphError(503, 'serviceNotAvailable', 'busy', { 'Retry-After': '0' }) : json(201, { id: '7' })));
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch, retry: fast });
    await expect(graph.post('/x', { fields: { A: 1 } })).resolves.toEqual({ id: '7' });
    expect(t.seen.map((s) => s.body)).toEqual([JSON.stringify({ fields: { A: 1 } }), JSON.stringify({ fields: { A: 1 } })]);
  });

  it('gives up after maxRetries with a typed error carrying status, code and request id', async () => {
    const t = fakeTransport(() => graphError(429, 'TooManyRequests', 'slow down', { 'Retry-After': '0' }));
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch, retry: { maxRetries: 2, delaySeconds: 0 } });
    const error = await graph.get('/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests', requestId: 'req-1', method: 'GET', path: '/me', isTransient: true });
    expect(t.seen).toHaveLength(3);
  });

  it('does not retry a 412 precondition failure', async () => {
    const t = fakeTransport(() => graphError(412, 'preconditionFailed', 'eTag mismatch'));
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch, retry: fast });
    await expect(graph.patch('/x', {}, { headers: { 'If-Match': '"a,1"' } })).rejects.toMatchObject({ status: 412, code: 'preconditionFailed' });
    expect(t.seen).toHaveLength(1);
    expect(t.seen[0]!.headers.get('If-Match')).toBe('"a,1"');
  });

  it('turns a network failure into a typed error with status 0', async () => {
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: async () => { throw new TypeError('fetch failed'); }, retry: fast });
    await expect(graph.get('/me')).rejects.toMatchObject({ name: 'GraphRequestError', status: 0 });
  });

  it('URL-encodes query values so quotes, spaces and ampersands reach the server intact', async () => {
    const t = fakeTransport(() => json(200, { value: [] }));
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch });
    await graph.all('/items', { query: { $filter: `fields/Name eq ${odataString("O'Brien & Co")}`, $top: 5 } });
    const url = new URL(t.seen[0]!.url);
    expect(url.searchParams.get('$filter')).toBe("fields/Name eq 'O''Brien & Co'");
    expect(url.searchParams.get('$top')).toBe('5');
  });

  it('follows @odata.nextLink on an http origin until there is none', async () => {
    const t = fakeTransport((req) => {
      const skip = new URL(req.url).searchParams.get('$skiptoken');
      if (!skip) return json(200, { value: [1, 2], '@odata.nextLink': `${BASE}/v1.0/items?$top=2&$skiptoken=2` });
      if (skip === '2') return json(200, { value: [3, 4], '@odata.nextLink': `${BASE}/v1.0/items?$top=2&$skiptoken=4` });
      return json(200, { value: [5] });
    });
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch });
    await expect(graph.all<number>('/items', { query: { $top: 2 } })).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(t.seen).toHaveLength(3);
    expect(t.seen.every((s) => s.headers.get('Authorization') === 'Bearer tok')).toBe(true);
  });

  it('refuses a nextLink to another host rather than sending it the token', async () => {
    const t = fakeTransport(() => json(200, { value: [1], '@odata.nextLink': 'https://evil.example/v1.0/items?page=2' }));
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch });
    await expect(graph.all('/items')).rejects.toMatchObject({ code: 'foreignLink' });
    expect(t.seen).toHaveLength(1);
  });

  it('sends batches of at most 20 and answers in the order asked', async () => {
    const t = fakeTransport((req) => {
      const body = JSON.parse(req.body ?? '{}') as { requests: { id: string }[] };
      return json(200, { responses: [...body.requests].reverse().map((r) => ({ id: r.id, status: 200, body: { echo: r.id } })) });
    });
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch });
    const requests = Array.from({ length: 45 }, (_, i) => ({ id: String(i), method: 'GET' as const, url: `/items/${i}` }));
    const answers = await graph.batch(requests);
    expect(t.seen.map((s) => (JSON.parse(s.body!) as { requests: unknown[] }).requests.length)).toEqual([20, 20, 5]);
    expect(t.seen.every((s) => s.url === `${BASE}/v1.0/$batch`)).toBe(true);
    expect(answers.map((a) => a.id)).toEqual(requests.map((r) => r.id));
  });

  it('retries only the batch parts that were throttled', async () => {
    let round = 0;
    const t = fakeTransport((req) => {
      round++;
      const body = JSON.parse(req.body ?? '{}') as { requests: { id: string }[] };
      return json(200, { responses: body.requests.map((r) => ({ id: r.id, status: round === 1 && r.id === 'b' ? 429 : 201, headers: { 'Retry-After': '0' }, body: {} })) });
    });
    const graph = createGraphClient({ baseUrl: BASE, getToken: async () => 'tok', fetch: t.fetch, retry: fast });
    const answers = await graph.batch(['a', 'b', 'c'].map((id) => ({ id, method: 'POST' as const, url: '/items', body: { fields: {} } })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect((JSON.parse(t.seen[1]!.body!) as { requests: { id: string }[] }).requests.map((r) => r.id)).toEqual(['b']);
  });
});

describe('odataString', () => {
  it('doubles single quotes', () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
  });
  it('leaves a plain value quoted only', () => {
    expect(odataString('2020-04')).toBe("'2020-04'");
  });
});
