// The emulator's Entra ID: users (with the role the demo sign-in grants),
// groups and memberships, and the dev-only token minting and verification.
import { SignJWT, jwtVerify } from 'jose';
import type { User } from '@microsoft/microsoft-graph-types';
import { getMeta, type Db } from './db';
import { GraphHttpError, type Principal, type Role } from './http';
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

const TOKEN_ISSUER = 'urn:aup-guard:emulator';
const TOKEN_AUDIENCE = 'https://graph.microsoft.com';
export const DEMO_TENANT_ID = '7f1e2d3c-4b5a-4968-8a7b-6c5d4e3f2a1b';

export class Directory {
  private readonly key: Uint8Array;

  constructor(private readonly db: Db) {
    this.key = Buffer.from(getMeta(db, 'signing_key')!, 'base64url');
  }

  addUser(u: NewUser): void {
    const lookup = Number(this.db.prepare('SELECT coalesce(max(lookup_id), 10) + 1 FROM users').pluck().get());
    this.db.prepare(`INSERT INTO users (id, lookup_id, upn, display_name, given_name, surname, job_title, department, mail, role, teams_app_installed)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(u.id, lookup, u.upn, u.displayName, u.givenName ?? null, u.surname ?? null,
      u.jobTitle ?? null, u.department ?? null, u.upn, u.role, u.teamsAppInstalled === false ? 0 : 1);
  }

  addGroup(g: { id: string; displayName: string; description?: string; mailNickname?: string }, memberIds: readonly string[]): void {
    this.db.prepare('INSERT INTO groups (id, display_name, description, mail_nickname) VALUES (?, ?, ?, ?)').run(g.id, g.displayName, g.description ?? null, g.mailNickname ?? null);
    const add = this.db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)');
    for (const id of memberIds) add.run(g.id, id);
  }

  user(idOrUpn: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE id = ? COLLATE NOCASE OR upn = ?').get(idOrUpn, idOrUpn) as UserRow | undefined;
  }

  users(): UserRow[] {
    return this.db.prepare('SELECT * FROM users ORDER BY display_name, id').all() as UserRow[];
  }

  userPage(skip: number, top: number): UserRow[] {
    return this.db.prepare('SELECT * FROM users ORDER BY display_name, id LIMIT ? OFFSET ?').all(top, skip) as UserRow[];
  }

  group(id: string): GroupRow | undefined {
    return this.db.prepare('SELECT * FROM groups WHERE id = ? COLLATE NOCASE').get(id) as GroupRow | undefined;
  }

  /** Members; groups here hold users only, so transitive and direct membership coincide. */
  members(groupId: string, skip = 0, top = -1): UserRow[] {
    return this.db.prepare(`SELECT u.* FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY u.display_name, u.id LIMIT ? OFFSET ?`)
      .all(groupId, top, skip) as UserRow[];
  }

  memberCount(groupId: string): number {
    return Number(this.db.prepare('SELECT count(*) FROM group_members WHERE group_id = ?').pluck().get(groupId));
  }

  userCount(): number {
    return Number(this.db.prepare('SELECT count(*) FROM users').pluck().get());
  }

  groupsOf(userId: string): GroupRow[] {
    return this.db.prepare('SELECT g.* FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.display_name').all(userId) as GroupRow[];
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

  /** A dev token for a known user, signed with this data file's key (HS256). */
  async mintToken(upn: string, lifetimeSeconds = 12 * 3600): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
    const u = this.user(upn);
    if (!u) throw new GraphHttpError(404, 'itemNotFound', `No demo user '${upn}'. GET /_dev/users lists them.`);
    const token = await new SignJWT({ oid: u.id, upn: u.upn, preferred_username: u.upn, name: u.display_name, roles: [u.role], tid: DEMO_TENANT_ID })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(u.id)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.key);
    return { access_token: token, token_type: 'Bearer', expires_in: lifetimeSeconds };
  }

  /** Verifies `Authorization: Bearer …`; 401 InvalidAuthenticationToken otherwise, as Graph answers. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': 'Bearer realm=""' });
    try {
      const { payload } = await jwtVerify(match[1]!, this.key, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['HS256'] });
      const u = typeof payload.oid === 'string' ? this.user(payload.oid) : undefined;
      if (!u) throw new Error('unknown user');
      // Role comes from the directory, so changing a demo user's role takes effect at once.
      return { oid: u.id, upn: u.upn, name: u.display_name, roles: [u.role] };
    } catch {
      throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience, signature or expiry.', { 'WWW-Authenticate': 'Bearer realm="", error="invalid_token"' });
    }
  }

  identityOf(principal: Principal): StoredIdentity {
    const u = this.user(principal.oid);
    return { user: { id: principal.oid, displayName: principal.name, email: u?.mail ?? principal.upn }, lookupId: u?.lookup_id ?? 0 };
  }
}

/** Graph's user resource, as /users and /me return it. */
export function renderUser(u: UserRow): User & { '@odata.type'?: string } {
  return {
    id: u.id,
    businessPhones: [],
    displayName: u.display_name,
    givenName: u.given_name,
    surname: u.surname,
    jobTitle: u.job_title,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-GB',
    userPrincipalName: u.upn,
    department: u.department,
  };
}
