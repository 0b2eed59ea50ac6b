// Local demo sign-in against the emulator: pick a demo user, get a token the
// emulator signed with its dev key. Only ever loaded by a non-production build
// (the import sits behind `import.meta.env.MODE !== 'production'`).
import type { Role, SignedIn } from './types';

export interface DemoUser {
  readonly upn: string;
  readonly displayName: string;
  /** The emulator's label, shown in the picker; the tab takes roles from group membership. */
  readonly roles: readonly Role[];
  readonly department?: string | null;
  readonly jobTitle?: string | null;
}

/** Remembers who was picked (never the token) so a reload signs the same person in again, as SSO would in Teams. */
const REMEMBERED = 'aup-guard.demo-upn';

function asRoles(value: unknown): Role[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const roles = new Set<Role>(['staff']);
  for (const r of list) if (r === 'manager' || r === 'admin' || r === 'staff') roles.add(r);
  if (roles.has('admin')) roles.add('manager'); // as with groups: an admin also sees who has signed
  return [...roles];
}

export async function listDemoUsers(emulatorUrl: string, fetchImpl: typeof fetch = fetch): Promise<DemoUser[]> {
  const res = await fetchImpl(`${emulatorUrl}/_dev/users`);
  if (!res.ok) throw new Error(`The emulator at ${emulatorUrl} did not list its demo users (${res.status}). Is it running? Try \`npm start\`.`);
  const body = (await res.json()) as unknown;
  const raw = Array.isArray(body) ? body : Array.isArray((body as { value?: unknown }).value) ? (body as { value: unknown[] }).value : Array.isArray((body as { users?: unknown }).users) ? (body as { users: unknown[] }).users : [];
  return raw.flatMap((u): DemoUser[] => {
    const o = u as Record<string, unknown>;
    const upn = typeof o.upn === 'string' ? o.upn : typeof o.userPrincipalName === 'string' ? o.userPrincipalName : null;
    if (!upn) return [];
    const displayName = typeof o.displayName === 'string' ? o.displayName : upn;
    return [{
      upn, displayName, roles: asRoles(o.roles ?? o.role),
      department: typeof o.department === 'string' ? o.department : null,
      jobTitle: typeof o.jobTitle === 'string' ? o.jobTitle : null,
    }];
  });
}

export async function demoSignIn(emulatorUrl: string, user: DemoUser, fetchImpl: typeof fetch = fetch): Promise<SignedIn> {
  const res = await fetchImpl(`${emulatorUrl}/_dev/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn: user.upn }),
  });
  if (!res.ok) throw new Error(`The emulator refused a token for ${user.upn} (${res.status}).`);
  const { access_token: token } = (await res.json()) as { access_token?: unknown };
  if (typeof token !== 'string') throw new Error('The emulator answered without an access_token.');
  sessionStorage.setItem(REMEMBERED, user.upn);
  return {
    getToken: () => Promise.resolve(token),
    signOut: () => sessionStorage.removeItem(REMEMBERED),
  };
}

export function rememberedDemoUpn(): string | null {
  return sessionStorage.getItem(REMEMBERED);
}

/**
 * Opens one of the emulator's SharePoint pages (a list's webUrl) in a new tab as the signed-in demo
 * user. A browser sends no bearer token to a page, so the token goes to the emulator's dev-only
 * hand-off in a form POST (in the body: never in a URL or the history), which sets an HttpOnly
 * cookie for the site's pages and redirects to the page. Call it from the click itself, so the new
 * tab is allowed.
 */
export function openEmulatorPage(token: string, pageUrl: string): void {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = `${new URL(pageUrl).origin}/_dev/open`;
  form.target = '_blank';
  form.setAttribute('rel', 'noopener noreferrer');
  for (const [name, value] of [['token', token], ['to', pageUrl]] as const) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  form.remove();
}
