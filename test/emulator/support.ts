// Helpers for the emulator's own tests: start it in-process, sign in as a demo
// user, and call it with plain fetch (the store's tests use graph-client).
import { startEmulator, ALL_STAFF_GROUP_ID, DEMO_USERS, type Emulator, type EmulatorOptions } from '../../src/emulator/index';
import { groupClaim } from '../../src/graph/permissions';

export { DEMO_USERS };
export type { Emulator };

/** The all-staff group's claim: granting it a level on a test list gives every demo user that level. */
export const ALL_STAFF = groupClaim(ALL_STAFF_GROUP_ID);

export async function start(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ port: 0, dataFile: ':memory:', seed: 'empty', ...options });
}

/** A dev token with the app's scopes, or only those given. */
export async function tokenFor(emulator: Emulator, upn: string, scopes?: readonly string[]): Promise<string> {
  const response = await fetch(`${emulator.url}/_dev/token`, { method: 'POST', body: JSON.stringify({ upn, ...(scopes ? { scopes } : {}) }) });
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
  /** SharePoint REST at `<site>/_api/<path>`, JSON light unless headers say otherwise. */
  sp<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
}

export async function signIn(emulator: Emulator, upn: string, scopes?: readonly string[]): Promise<Session> {
  const token = await tokenFor(emulator, upn, scopes);
  return {
    token,
    get: (path, headers) => call(emulator, token, 'GET', path, undefined, headers),
    post: (path, body, headers) => call(emulator, token, 'POST', path, body, headers),
    patch: (path, body, headers) => call(emulator, token, 'PATCH', path, body, headers),
    del: (path, headers) => call(emulator, token, 'DELETE', path, undefined, headers),
    sp: (method, path, body, headers) => call(emulator, token, method, `${emulator.url}/sites/wellsap/_api/${path}`, body, { Accept: 'application/json;odata=nometadata', ...headers }),
  };
}

/**
 * Gives a principal (a claim) a permission level on a list, as a site owner would: the list stops
 * inheriting (keeping a copy of the site's assignments), the principal is ensured, then bound.
 */
export async function grant(owner: Session, listId: string, claim: string, levelName: string): Promise<void> {
  const list = `web/lists(guid'${listId}')`;
  const ok = (a: Answer<unknown>, what: string): void => {
    if (a.status >= 300) throw new Error(`${what}: ${a.status} ${JSON.stringify(a.body)}`);
  };
  ok(await owner.sp('POST', `${list}/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`), 'break inheritance');
  const principal = await owner.sp<{ Id: number }>('POST', 'web/ensureuser', { logonName: claim });
  ok(principal, `ensure ${claim}`);
  const level = await owner.sp<{ Id: number }>('GET', `web/roledefinitions/getbyname('${levelName}')`);
  ok(level, `level ${levelName}`);
  ok(await owner.sp('POST', `${list}/roleassignments/addroleassignment(principalid=${principal.body.Id},roledefid=${level.body.Id})`), 'add role assignment');
}

/**
 * A list with one indexed unique column, one indexed column and one plain column. All staff (every
 * demo user) get Contribute on it unless other grants are given.
 */
export async function createTestList(admin: Session, name = 'Test List', grants: Readonly<Record<string, string>> = { [ALL_STAFF]: 'Contribute' }): Promise<string> {
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
  for (const [claim, level] of Object.entries(grants)) await grant(admin, created.body.id, claim, level);
  return created.body.id;
}

export interface Item {
  readonly id: string;
  readonly eTag: string;
  readonly createdBy: { user: { id: string; displayName: string; email: string } };
  readonly fields?: Record<string, unknown>;
}
