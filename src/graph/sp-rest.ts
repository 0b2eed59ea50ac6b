// The few SharePoint REST calls Graph cannot make: list versioning and
// item-level security (ReadSecurity/WriteSecurity). SharePoint is its own
// resource, so this caller has its own token (audience: the tenant's
// SharePoint host) and its own small retry loop for 429/503 with Retry-After.
import type { FetchLike } from './client';
import { GraphRequestError, errorFromResponseBody } from './errors';

export interface SpRestOptions {
  /** Token for SharePoint, asked for with the scope `${origin}/.default` (AllSites.Manage for these calls). */
  readonly getToken: (scopes: readonly string[]) => Promise<string>;
  readonly fetch?: FetchLike;
  readonly maxRetries?: number;
  /** Seconds to wait when a 429/503 names no Retry-After. */
  readonly delaySeconds?: number;
}

/** The SP.List properties provisioning reads and sets. */
export interface SpListSettings {
  EnableVersioning: boolean;
  /** 1: users read all items; 2: only their own. */
  ReadSecurity: number;
  /** 1: edit all; 2: only their own; 4: none. */
  WriteSecurity: number;
}

export interface SpRest {
  getList(webUrl: string, listId: string): Promise<SpListSettings>;
  /** MERGE: changes only the properties given. */
  updateList(webUrl: string, listId: string, changes: Partial<SpListSettings>): Promise<void>;
}

// JSON light: no __metadata needed in bodies, none returned.
const JSON_LIGHT = 'application/json;odata=nometadata';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createSpRest(options: SpRestOptions): SpRest {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const maxRetries = options.maxRetries ?? 5;
  const delaySeconds = options.delaySeconds ?? 1;

  const listUrl = (webUrl: string, listId: string): string => {
    if (!/^[0-9a-f-]{36}$/i.test(listId)) {
      throw new GraphRequestError({ status: 0, code: 'invalidListId', message: `SharePoint REST needs the list's GUID; "${listId}" is not one` });
    }
    return `${webUrl.replace(/\/+$/, '')}/_api/web/lists(guid'${listId}')`;
  };

  async function send(method: 'GET' | 'MERGE', url: string, body?: unknown): Promise<unknown> {
    const token = await options.getToken([`${new URL(url).origin}/.default`]);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: JSON_LIGHT };
    if (method === 'MERGE') Object.assign(headers, { 'Content-Type': JSON_LIGHT, 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' });
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetchImpl(url, { method: method === 'GET' ? 'GET' : 'POST', headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      } catch (error) {
        throw new GraphRequestError({ status: 0, code: 'networkError', message: error instanceof Error ? error.message : String(error), method, path: url }, { cause: error });
      }
      if ((response.status === 429 || response.status === 503) && attempt < maxRetries) {
        const after = Number(response.headers.get('Retry-After'));
        await response.body?.cancel();
        await sleep(Math.min(Number.isFinite(after) && response.headers.has('Retry-After') ? after : delaySeconds, 180) * 1000);
        continue;
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // keep the text: an HTML error page says more than nothing
      }
      if (!response.ok) throw errorFromResponseBody(response.status, parsed, { method, path: url, headers: response.headers });
      return parsed;
    }
  }

  return {
    async getList(webUrl, listId) {
      const answer = await send('GET', `${listUrl(webUrl, listId)}?$select=EnableVersioning,ReadSecurity,WriteSecurity`);
      if (!answer || typeof answer !== 'object') {
        throw new GraphRequestError({ status: 0, code: 'unexpectedShape', message: 'SharePoint answered the list query without a JSON object', method: 'GET', path: listUrl(webUrl, listId) });
      }
      const a = answer as Partial<SpListSettings>;
      return { EnableVersioning: a.EnableVersioning === true, ReadSecurity: Number(a.ReadSecurity ?? 1), WriteSecurity: Number(a.WriteSecurity ?? 1) };
    },
    async updateList(webUrl, listId, changes) {
      await send('MERGE', listUrl(webUrl, listId), changes);
    },
  };
}
