// The emulator's Entra ID: users (with the label the demo sign-in picker
// shows), groups and memberships, and the dev-only token minting and
// verification. A token says who the user is and which delegated scopes the
// app was granted; what they may do on the site is SharePoint's business
// (permissions.ts).
import { SignJWT, jwtVerify } from 'jose';
import type { User } from '@microsoft/microsoft-graph-types';
import { getMeta, nextPrincipalId, type Db } from './db';
import { GraphHttpError, type Principal, type Role } from './http';
import { grantedScopes } from './scopes';
import { APP_SCOPES } from '../graph/scopes';
import type { StoredIdentity } from './store';

export interface UserRow {
  readonly id: string;
  readonly lookup_id: number;
  readonly upn: string;
  readonly display_name: string;
  readonly given_name: string | null;
  readonly surname: string | null;
  readonly job_title: string | null;
  readonly department: string | null;
  readonly mail: string | null;
  readonly role: Role;
  readonly teams_app_installed: number;
  /** ISO 8601, or null: Entra's employeeHireDate. */
  readonly employee_hire_date: string | null;
}

export interface GroupRow {
  readonly id: string;
  readonly display_name: string;
  readonly description: string | null;
  readonly mail_nickname: string | null;
}

export interface NewUser {
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly jobTitle?: string;
  readonly department?: string;
  readonly role: Role;
  readonly teamsAppInstalled?: boolean;
  /** ISO 8601 date-time. */
  readonly employeeHireDate?: string;
}

/** What GET /_dev/users answers, one per user. */
export interface DevUser {
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly role: Role;
  readonly teamsAppInstalled: boolean;
}

/** Whose users a page holds: a group's direct members, or its members through nested groups too. */
export interface MemberScope {
  readonly groupId: string;
  readonly transitive: boolean;
}

/** Keyset cursor: the last user of the previous page, in (displayName, id) order. */
export interface UserKey {
  readonly name: string;
  readonly id: string;
}

/**
 * The WHERE clause for a scope, probed per user through group_members_by_user,
 * so a page walks users_by_name from its cursor and stops after `top` members.
 * Transitively, the recursive CTE collects only the nested groups (a handful,
 * once per request; UNION ends a cycle), not the 10,000 users in them.
 */
function scopeSql(scope: MemberScope | undefined): { cte: string; where: string; params: unknown[] } {
  if (!scope) return { cte: '', where: '1', params: [] };
  if (!scope.transitive) return { cte: '', where: 'EXISTS (SELECT 1 FROM group_members gm WHERE gm.user_id = u.id AND gm.group_id = ?)', params: [scope.groupId] };
  return {
    cte: 'WITH RECURSIVE nested(id) AS (SELECT ? UNION SELECT m.user_id FROM group_members m JOIN nested ON m.group_id = nested.id JOIN groups g ON g.id = m.user_id)',
    where: 'EXISTS (SELECT 1 FROM group_members gm WHERE gm.user_id = u.id AND gm.group_id IN nested)',
    params: [scope.groupId],
  };
}

const TOKEN_ISSUER = 'urn:aup-guard:emulator';
const TOKEN_AUDIENCE = 'https://graph.microsoft.com';
export const DEMO_TENANT_ID = '7f1e2d3c-4b5a-4968-8a7b-6c5d4e3f2a1b';

export class Directory {
  private readonly key: Uint8Array;

  constructor(private readonly db: Db) {
    this.key = Buffer.from(getMeta(db, 'signing_key')!, 'base64url');
  }

  addUser(u: NewUser): void {
    const lookup = nextPrincipalId(this.db);
    this.db.prepare(`INSERT INTO users (id, lookup_id, upn, display_name, given_name, surname, job_title, department, mail, role, teams_app_installed, employee_hire_date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(u.id, lookup, u.upn, u.displayName, u.givenName ?? null, u.surname ?? null,
      u.jobTitle ?? null, u.department ?? null, u.upn, u.role, u.teamsAppInstalled === false ? 0 : 1, u.employeeHireDate ?? null);
  }

  addGroup(g: { id: string; displayName: string; description?: string; mailNickname?: string }, memberIds: readonly string[]): void {
    this.db.prepare('INSERT INTO groups (id, display_name, description, mail_nickname) VALUES (?, ?, ?, ?)').run(g.id, g.displayName, g.description ?? null, g.mailNickname ?? null);
    const add = this.db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)');
    for (const id of memberIds) add.run(g.id, id);
  }

  /**
   * By object id (any case: ids are stored lower-case) or by UPN. Two index lookups: the single
   * `id = ? COLLATE NOCASE OR upn = ?` it replaced scanned every user, on every request (authenticate).
   */
  user(idOrUpn: string): UserRow | undefined {
    return (this.db.prepare('SELECT * FROM users WHERE id = lower(?)').get(idOrUpn) ?? this.db.prepare('SELECT * FROM users WHERE upn = ?').get(idOrUpn)) as UserRow | undefined;
  }

  users(): UserRow[] {
    return this.db.prepare('SELECT * FROM users ORDER BY display_name, id').all() as UserRow[];
  }

  group(id: string): GroupRow | undefined {
    return this.db.prepare('SELECT * FROM groups WHERE id = ? COLLATE NOCASE').get(id) as GroupRow | undefined;
  }

  /**
   * One page of users in (displayName, id) order, after the `after` cursor: the
   * whole directory, or a group's members. Keyset paging walks the users_by_name
   * index from the cursor, so page 11 of 10,000 staff costs what page 1 does
   * (OFFSET would sort and skip everything before it on every page).
   */
  userPage(scope: MemberScope | undefined, after: UserKey | undefined, top: number): UserRow[] {
    const { cte, where, params } = scopeSql(scope);
    const cursor = after ? 'AND (u.display_name, u.id) > (?, ?)' : '';
    return this.db.prepare(`${cte} SELECT u.* FROM users u WHERE ${where} ${cursor} ORDER BY u.display_name, u.id LIMIT ?`)
      .all(...params, ...(after ? [after.name, after.id] : []), top) as UserRow[];
  }

  userCount(scope?: MemberScope): number {
    const { cte, where, params } = scopeSql(scope);
    return Number(this.db.prepare(`${cte} SELECT count(*) FROM users u WHERE ${where}`).pluck().get(...params));
  }

  /** The groups a user is in; `transitive` also follows groups nested in groups, upwards. */
  groupsOf(userId: string, transitive = false): GroupRow[] {
    const sql = transitive
      ? `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT m.group_id FROM group_members m JOIN up ON m.user_id = up.id)
         SELECT g.* FROM groups g JOIN up ON g.id = up.id ORDER BY g.display_name`
      : 'SELECT g.* FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.display_name';
    return this.db.prepare(sql).all(userId) as GroupRow[];
  }

  setTeamsAppInstalled(userId: string, installed: boolean): boolean {
    return this.db.prepare('UPDATE users SET teams_app_installed = ? WHERE id = ?').run(installed ? 1 : 0, userId).changes > 0;
  }

  devUsers(): DevUser[] {
    return this.users().map((u) => ({
      id: u.id, upn: u.upn, displayName: u.display_name, jobTitle: u.job_title, department: u.department, role: u.role,
      teamsAppInstalled: u.teams_app_installed === 1,
    }));
  }

  /**
   * A dev token for a known user, signed with this data file's key (HS256), carrying the app's
   * delegated scopes (src/graph/scopes.ts) in `scp`, or the narrower list given.
   */
  async mintToken(upn: string, scopes: readonly string[] = APP_SCOPES, lifetimeSeconds = 12 * 3600): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number; scope: string }> {
    const u = this.user(upn);
    if (!u) throw new GraphHttpError(404, 'itemNotFound', `No demo user '${upn}'. GET /_dev/users lists them.`);
    const scp = scopes.join(' ');
    const token = await new SignJWT({ oid: u.id, upn: u.upn, preferred_username: u.upn, name: u.display_name, tid: DEMO_TENANT_ID, scp })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(u.id)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.key);
    return { access_token: token, token_type: 'Bearer', expires_in: lifetimeSeconds, scope: scp };
  }

  /** Verifies `Authorization: Bearer …`; 401 InvalidAuthenticationToken otherwise, as Graph answers. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': 'Bearer realm=""' });
    try {
      const { payload } = await jwtVerify(match[1]!, this.key, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['HS256'] });
      const u = typeof payload.oid === 'string' ? this.user(payload.oid) : undefined;
      if (!u) throw new Error('unknown user');
      const scp = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
      return { oid: u.id, upn: u.upn, name: u.display_name, tid: typeof payload.tid === 'string' ? payload.tid : DEMO_TENANT_ID, scopes: grantedScopes(scp) };
    } catch {
      throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience, signature or expiry.', { 'WWW-Authenticate': 'Bearer realm="", error="invalid_token"' });
    }
  }

  identityOf(principal: Principal): StoredIdentity {
    const u = this.user(principal.oid);
    return { user: { id: principal.oid, displayName: principal.name, email: u?.mail ?? principal.upn }, lookupId: u?.lookup_id ?? 0 };
  }
}

/** Graph's user properties, each read straight from the row, so $select builds only what it names. */
const USER_PROPERTIES: { readonly [K in keyof User]?: (u: UserRow) => User[K] } = {
  id: (u) => u.id,
  businessPhones: () => [],
  displayName: (u) => u.display_name,
  givenName: (u) => u.given_name,
  surname: (u) => u.surname,
  jobTitle: (u) => u.job_title,
  mail: (u) => u.mail,
  mobilePhone: () => null,
  officeLocation: () => null,
  preferredLanguage: () => 'en-GB',
  userPrincipalName: (u) => u.upn,
  department: (u) => u.department,
  employeeHireDate: (u) => u.employee_hire_date ?? null,
};
export const ALL_USER_PROPERTIES: readonly string[] = Object.keys(USER_PROPERTIES);
const USER_PROPERTY_BY_LOWER = new Map(Object.keys(USER_PROPERTIES).map((k) => [k.toLowerCase(), k]));
// Graph's default user properties include neither department nor employeeHireDate: they need $select.
const DEFAULT_USER_PROPERTIES = Object.keys(USER_PROPERTIES).filter((k) => k !== 'department' && k !== 'employeeHireDate');

/** The property names a $select asks for (any case; unknown ones dropped; id always), in Graph's spelling. */
export function userProperties(select: readonly string[] | undefined): readonly string[] {
  if (!select) return DEFAULT_USER_PROPERTIES;
  const names = new Set(['id']);
  for (const s of select) {
    const name = USER_PROPERTY_BY_LOWER.get(s.toLowerCase());
    if (name) names.add(name);
  }
  return [...names];
}

/**
 * How much of another user's profile the token may read: all of it with User.Read.All; the basic
 * profile (id, displayName, givenName, surname, mail, userPrincipalName) with User.ReadBasic.All
 * (https://learn.microsoft.com/graph/permissions-reference#userreadbasicall); otherwise, as when
 * a group's members are listed with GroupMember.Read.All alone, only the id ("Limited information
 * returned for inaccessible member objects"). One's own profile is always readable (User.Read).
 */
export type UserView = 'full' | 'basic' | 'limited';

const BASIC_PROFILE = new Set(['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName']);

export function userView(principal: Principal, userId: string): UserView {
  if (principal.oid.toLowerCase() === userId.toLowerCase() || principal.scopes.has('User.Read.All')) return 'full';
  return principal.scopes.has('User.ReadBasic.All') ? 'basic' : 'limited';
}

/** Graph's user resource, as /users and /me return it, with only the given properties; those the view may not read are null. */
export function renderUser(u: UserRow, properties: readonly string[] = DEFAULT_USER_PROPERTIES, view: UserView = 'full'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of properties) {
    const readable = view === 'full' || name === 'id' || (view === 'basic' && BASIC_PROFILE.has(name));
    out[name] = readable ? USER_PROPERTIES[name as keyof User]?.(u) : null;
  }
  return out;
}
