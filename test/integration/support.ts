// Starts the local emulator over real HTTP and builds the real graph-client
// stack against it, counting requests at the transport seam. Integration tests
// and the store bench share this, so they exercise exactly what production runs.
import { startEmulator, ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../../src/emulator/index';
import type { DevUser, Emulator } from '../../src/emulator/index';
import { createGraphClient, createSpRest, createStore } from '../../src/graph/index';
import type { FetchLike, GraphClient, RetryOptions, SpRest, Store } from '../../src/graph/index';
import { CURRENT_POLICY_META, policyAssetPath } from '../../src/policy/index';
import { readFile } from 'node:fs/promises';

export type { DevUser, Emulator };

/** The demo school's groups, as the emulator seeds them (and provisioning grants to). */
export const DEMO_GROUPS = { allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID, adminsGroupId: ADMINS_GROUP_ID } as const;

/** Counts requests that reach the network, by method and path. */
export interface RequestCounter {
  readonly fetch: FetchLike;
  total(): number;
  reset(): void;
}

export function countingFetch(inner: FetchLike = (input, init) => fetch(input, init)): RequestCounter {
  let n = 0;
  return {
    fetch: (input, init) => {
      n++;
      return inner(input, init);
    },
    total: () => n,
    reset: () => { n = 0; },
  };
}

/** Tests wait no real time between retries: the emulator's Retry-After is 0 when asked, and our own delay is 0 too. */
export const FAST_RETRY: RetryOptions = { maxRetries: 10, delaySeconds: 0 };

export async function devUsers(emulator: Emulator): Promise<DevUser[]> {
  const response = await fetch(`${emulator.url}/_dev/users`);
  if (!response.ok) throw new Error(`/_dev/users answered ${response.status}`);
  const body = (await response.json()) as DevUser[] | { value: DevUser[] };
  return Array.isArray(body) ? body : body.value;
}

/** A dev token with the app's delegated scopes, or only those given. */
export async function devToken(emulator: Emulator, upn: string, scopes?: readonly string[]): Promise<string> {
  const response = await fetch(`${emulator.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn, ...(scopes ? { scopes } : {}) }) });
  if (!response.ok) throw new Error(`/_dev/token for ${upn} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface Session {
  readonly user: DevUser;
  /** The dev token, for SharePoint REST calls made by hand. */
  readonly token: string;
  readonly graph: GraphClient;
  readonly spRest: SpRest;
  readonly requests: RequestCounter;
}

export async function signIn(emulator: Emulator, user: DevUser, retry: RetryOptions = FAST_RETRY, scopes?: readonly string[]): Promise<Session> {
  const token = await devToken(emulator, user.upn, scopes);
  const requests = countingFetch();
  return {
    user,
    token,
    requests,
    graph: createGraphClient({ baseUrl: emulator.url, getToken: async () => token, fetch: requests.fetch, retry }),
    spRest: createSpRest({ getToken: async () => token, fetch: requests.fetch, delaySeconds: 0 }),
  };
}

export function firstWithRole(users: readonly DevUser[], role: DevUser['role'], skip = 0): DevUser {
  const found = users.filter((u) => u.role === role)[skip];
  if (!found) throw new Error(`the emulator has no ${role} number ${skip + 1}`);
  return found;
}

export async function policySeed(): Promise<{ version: string; title: string; effectiveDate: string; text: string }> {
  const text = await readFile(policyAssetPath(CURRENT_POLICY_META.versionLabel), 'utf8');
  return { version: CURRENT_POLICY_META.versionLabel, title: CURRENT_POLICY_META.title, effectiveDate: CURRENT_POLICY_META.effectiveDate, text };
}

export function storeFor(session: Session, siteId: string): Store {
  return createStore({ graph: session.graph, siteId, groups: DEMO_GROUPS });
}

export { startEmulator };
