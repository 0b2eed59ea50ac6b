// Helpers for the emulator's own tests: start it in-process, sign in as a demo
// user, and call it with plain fetch (the store's tests use graph-client).
import { startEmulator, DEMO_USERS, type Emulator, type EmulatorOptions } from '../../src/emulator/index';

export { DEMO_USERS };
export type { Emulator };

export async function start(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ port: 0, dataFile: ':memory:', seed: 'empty', ...options });
}

export async function tokenFor(emulator: Emulator, upn: string): Promise<string> {
  const response = await fetch(`${emulator.url}/_dev/token`, { method: 'POST', body: JSON.stringify({ upn }) });
  if (!response.ok) throw new Error(`token for ${upn}: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Calls `${url}/v1.0/${path}` (or an absolute URL) with the token and a JSON body. */
export async function call<T = Record<string, unknown>>(
  emulator: Emulator, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const url = /^https?:/.test(path) ? path : `${emulator.url}/v1.0/${path}`;
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface Session {
  readonly token: string;
  get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>): Promise<Answer<T>>;
  post<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  patch<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  del(path: string, headers?: Record<string, string>): Promise<Answer>;
}

export async function signIn(emulator: Emulator, upn: string): Promise<Session> {
  const token = await tokenFor(emulator, upn);
  return {
    token,
    get: (path, headers) => call(emulator, token, 'GET', path, undefined, headers),
    post: (path, body, headers) => call(emulator, token, 'POST', path, body, headers),
    patch: (path, body, headers) => call(emulator, token, 'PATCH', path, body, headers),
    del: (path, headers) => call(emulator, token, 'DELETE', path, undefined, headers),
  };
}

/** A list with one indexed unique column, one indexed column and one plain column. */
export async function createTestList(admin: Session, name = 'Test List'): Promise<string> {
  const created = await admin.post<{ id: string }>('sites/root/lists', {
    displayName: name,
    columns: [
      { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Colour', text: {}, indexed: true },
      { name: 'Notes', text: { allowMultipleLines: true } },
      { name: 'Count', number: {} },
      { name: 'Done', boolean: {} },
    ],
    list: { template: 'genericList' },
  });
  if (created.status !== 201) throw new Error(`create list: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

export interface Item {
  readonly id: string;
  readonly eTag: string;
  readonly createdBy: { user: { id: string; displayName: string; email: string } };
  readonly fields?: Record<string, unknown>;
}
