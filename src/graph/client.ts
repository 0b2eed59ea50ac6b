// The one Graph client the store uses: graph-client's Client over a chain of
// small middleware steps (auth -> retry -> transport), after PnPjs's
// queryable pipeline (STYLE.md). Only the transport touches the network, and it
// is swappable: real Graph, the local emulator, or a fake that counts requests.
import { Client, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphRequestError, errorFromResponseBody, toGraphRequestError } from './errors';
import { GRAPH_SCOPES } from './scopes';

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
export type GetToken = (scopes: readonly string[]) => Promise<string>;

/** Explicit delegated scopes (src/graph/scopes.ts), never `.default`: a token then carries only what the app asks for. */
export const GRAPH_DEFAULT_SCOPES: readonly string[] = GRAPH_SCOPES;
const VERSION = 'v1.0';
/** Graph's documented limit for one JSON batch. */
export const BATCH_LIMIT = 20;

export interface RetryOptions {
  /** Retries after the first attempt (graph-client caps this at 10). */
  readonly maxRetries?: number;
  /** Seconds to wait when the server sends no Retry-After (graph-client adds up to 1 s of jitter). */
  readonly delaySeconds?: number;
}

export interface GraphClientOptions {
  /** Graph's root, with or without `/v1.0`: `https://graph.microsoft.com` or the emulator's URL. */
  readonly baseUrl: string;
  readonly getToken: GetToken;
  readonly scopes?: readonly string[];
  /** The transport. Defaults to the global fetch; pass a wrapper to count or record requests. */
  readonly fetch?: FetchLike;
  readonly retry?: RetryOptions;
}

export interface RequestOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters; values are URL-encoded here. */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
}

export interface Page<T> {
  readonly value: T[];
  readonly '@odata.nextLink'?: string;
  readonly '@odata.deltaLink'?: string;
}

export interface BatchRequest {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version root, e.g. `/sites/{id}/lists/{id}/items`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface GraphClient {
  /** graph-client itself, for calls the helpers below do not cover. */
  readonly client: Client;
  /** `${origin}/v1.0`, without a trailing slash. */
  readonly root: string;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  delete(path: string, options?: RequestOptions): Promise<void>;
  /** Yields each page of a collection, following `@odata.nextLink` until there is none. */
  pages<T>(path: string, options?: RequestOptions): AsyncGenerator<T[], void, undefined>;
  /** Every item of a paged collection. */
  all<T>(path: string, options?: RequestOptions): Promise<T[]>;
  /**
   * Sends requests as JSON batches of at most 20, retrying parts that came back
   * 429/503/504. Answers are in the order asked; failed parts are returned, not thrown.
   */
  batch(requests: readonly BatchRequest[]): Promise<BatchResponse[]>;
}

// graph-client gives the fetch options' headers as a plain object; cover the other HeadersInit forms too.
function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else options.headers = { ...(headers ?? {}), [name]: value };
}

function urlOf(request: RequestInfo): string {
  return typeof request === 'string' ? request : request.url;
}

/**
 * Adds the bearer token, but only for the configured Graph origin. graph-client's
 * own AuthenticationHandler recognises https Graph hosts (and `customHosts`, https
 * only), so it would send no token to the emulator on http://127.0.0.1; this step
 * checks the origin instead and never leaks the token to another host.
 */
class BearerTokenStep implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly origin: string, private readonly getToken: GetToken, private readonly scopes: readonly string[]) {}
  async execute(context: Context): Promise<void> {
    if (new URL(urlOf(context.request)).origin === this.origin) {
      setHeader(context, 'Authorization', `Bearer ${await this.getToken(this.scopes)}`);
    }
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The only step that touches the network. */
class FetchTransport implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}
  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options);
  }
}

function normaliseRoot(baseUrl: string): { origin: string; root: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new GraphRequestError({ status: 0, code: 'invalidBaseUrl', message: `"${baseUrl}" is not a URL; give Graph's root, such as https://graph.microsoft.com` });
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1\.0$/, '');
  return { origin: url.origin, root: `${url.origin}${path}/${VERSION}` };
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

const RETRYABLE = new Set([429, 503, 504]);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { origin, root } = normaliseRoot(options.baseUrl);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const maxRetries = options.retry?.maxRetries ?? 5;
  const delaySeconds = options.retry?.delaySeconds ?? 1;
  // Retry-After wins when present (graph-client reads it); otherwise delaySeconds plus jitter, growing from the third try.
  const retry = new RetryHandler(new RetryHandlerOptions(delaySeconds, maxRetries));
  const client = Client.initWithMiddleware({
    baseUrl: root.slice(0, -(VERSION.length + 1)),
    defaultVersion: VERSION,
    middleware: [new BearerTokenStep(origin, options.getToken, options.scopes ?? GRAPH_DEFAULT_SCOPES), retry, new FetchTransport(fetchImpl)],
  });

  /**
   * graph-client parses absolute URLs only when they are https, so a nextLink from
   * the emulator would be mangled: strip our own root and pass the rest. A link
   * to any other host is refused rather than sent our token.
   */
  const relative = (pathOrUrl: string): string => {
    if (!/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
    if (pathOrUrl.startsWith(`${root}/`) || pathOrUrl.startsWith(`${root}?`)) return pathOrUrl.slice(root.length);
    throw new GraphRequestError({ status: 0, code: 'foreignLink', message: `refusing to follow a link outside ${root}: ${pathOrUrl}` });
  };

  async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
    const target = withQuery(relative(path), opts.query);
    try {
      let request = client.api(target);
      if (opts.headers) request = request.headers({ ...opts.headers });
      switch (method) {
        case 'GET': return (await request.get()) as T;
        case 'POST': return (await request.post(body)) as T;
        case 'PATCH': return (await request.patch(body)) as T;
        case 'DELETE': return (await request.delete()) as T;
      }
    } catch (error) {
      throw toGraphRequestError(error, { method, path: target });
    }
  }

  async function* pages<T>(path: string, opts: RequestOptions = {}): AsyncGenerator<T[], void, undefined> {
    let page = await call<Page<T>>('GET', path, undefined, opts);
    yield page.value;
    while (page['@odata.nextLink']) {
      // The link carries the whole query already; only the headers (Prefer, ConsistencyLevel) go again.
      page = await call<Page<T>>('GET', page['@odata.nextLink'], undefined, opts.headers ? { headers: opts.headers } : {});
      yield page.value;
    }
  }

  async function batchOnce(requests: readonly BatchRequest[]): Promise<BatchResponse[]> {
    const answer = await call<{ responses: BatchResponse[] }>('POST', '/$batch', {
      requests: requests.map((r) => ({
        id: r.id, method: r.method, url: r.url,
        ...(r.body !== undefined ? { body: r.body, headers: { 'Content-Type': 'application/json', ...r.headers } } : r.headers ? { headers: r.headers } : {}),
      })),
    });
    return answer.responses;
  }

  async function batch(requests: readonly BatchRequest[]): Promise<BatchResponse[]> {
    const results = new Map<string, BatchResponse>();
    for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
      let pending = requests.slice(start, start + BATCH_LIMIT);
      for (let attempt = 0; pending.length > 0; attempt++) {
        const responses = await batchOnce(pending);
        const retryIds = new Set<string>();
        let waitSeconds = 0;
        for (const response of responses) {
          results.set(response.id, response);
          if (RETRYABLE.has(response.status) && attempt < maxRetries) {
            retryIds.add(response.id);
            const after = Number(response.headers?.['Retry-After'] ?? response.headers?.['retry-after']);
            waitSeconds = Math.max(waitSeconds, Number.isFinite(after) ? after : delaySeconds);
          }
        }
        pending = pending.filter((r) => retryIds.has(r.id));
        if (pending.length > 0) await sleep(Math.min(waitSeconds, 180) * 1000);
      }
    }
    return requests.map((r) => results.get(r.id) ?? { id: r.id, status: 0, body: errorBody('batchPartMissing', 'the batch answer left this request out') });
  }

  return {
    client,
    root,
    get: (path, opts) => call('GET', path, undefined, opts),
    post: (path, body, opts) => call('POST', path, body, opts),
    patch: (path, body, opts) => call('PATCH', path, body, opts),
    delete: async (path, opts) => { await call<unknown>('DELETE', path, undefined, opts); },
    pages,
    all: async <T>(path: string, opts?: RequestOptions) => {
      const out: T[] = [];
      for await (const page of pages<T>(path, opts)) out.push(...page);
      return out;
    },
    batch,
  };
}

function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

/** Turns a failed batch part into the same typed error a direct call would throw. */
export function batchPartError(response: BatchResponse, request?: BatchRequest): GraphRequestError {
  return errorFromResponseBody(response.status, response.body, request ? { method: request.method, path: request.url } : {});
}

/** OData string literal: single quotes doubled (OData ABNF), so a name like O'Brien cannot break the filter. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
