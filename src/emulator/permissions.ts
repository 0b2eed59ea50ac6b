// SharePoint's permission model for the emulator's one site: permission levels
// (role definitions) as base-permission masks, principals (users, Entra security
// groups by their claim, and the site's SharePoint groups), role assignments on
// the site and on lists that have broken inheritance, and each caller's
// effective permissions from all of it. Every Graph and SharePoint REST route
// authorises from here; nothing reads a role from the token.
import type { Db } from './db';
import { nextPrincipalId } from './db';
import {
  BUILT_IN_LEVELS, FULL_MASK, groupClaim, userClaim,
  type BuiltInLevel,
} from '../graph/permissions';
import type { Principal } from './http';
import { siteCeiling } from './scopes';
import { SITE_DISPLAY_NAME } from './render';

/** The role-assignment scope of the site itself; a list with unique permissions uses its id. */
export const WEB_SCOPE = '';

/** The site's associated SharePoint groups, with the ids and levels a new team site gives them. */
export const SITE_GROUPS = {
  owners: { id: 3, title: `${SITE_DISPLAY_NAME} Owners`, level: BUILT_IN_LEVELS.fullControl },
  visitors: { id: 4, title: `${SITE_DISPLAY_NAME} Visitors`, level: BUILT_IN_LEVELS.read },
  members: { id: 5, title: `${SITE_DISPLAY_NAME} Members`, level: BUILT_IN_LEVELS.edit },
} as const;

/** SP.PrincipalType. */
export const PrincipalType = { User: 1, SecurityGroup: 4, SharePointGroup: 8 } as const;

export interface SitePrincipal {
  readonly id: number;
  readonly kind: 'user' | 'securityGroup' | 'spGroup';
  readonly loginName: string;
  readonly title: string;
  readonly email: string | null;
  /** The Entra object id of a user or security group; null for a SharePoint group. */
  readonly entraId: string | null;
  readonly description: string;
}

export interface RoleDefinition {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly mask: bigint;
  readonly roleTypeKind: number;
  readonly hidden: boolean;
  readonly order: number;
}

export interface RoleAssignment {
  readonly principalId: number;
  readonly roleDefinitionIds: readonly number[];
}

/** The part of a list row the model needs. */
export interface Securable {
  readonly id: string;
  readonly unique_perms: number;
}

interface RoleDefinitionRow { id: number; name: string; description: string; high: number; low: number; role_type_kind: number; hidden: number; sort_order: number }
interface PrincipalRow { id: number; kind: 'securityGroup' | 'spGroup'; login_name: string; title: string; entra_id: string | null; description: string }
interface UserRow { id: string; lookup_id: number; upn: string; display_name: string; mail: string | null }

const USER_CLAIM = /^i:0#\.f\|membership\|(.+)$/i;
/** Custom levels get ids after SharePoint's own, as SharePoint numbers them. */
const FIRST_CUSTOM_ROLE_ID = 1073741924;

const toDefinition = (r: RoleDefinitionRow): RoleDefinition => ({
  id: r.id, name: r.name, description: r.description, mask: (BigInt(r.high) << 32n) | BigInt(r.low),
  roleTypeKind: r.role_type_kind, hidden: r.hidden === 1, order: r.sort_order,
});

export class SitePermissions {
  constructor(private readonly db: Db) {}

  /**
   * A new site as SharePoint creates one: the built-in levels, the Owners (Full Control), Members
   * (Edit) and Visitors (Read) groups assigned on the site, and the given users in Owners.
   * Does nothing on a site that has its levels already.
   */
  bootstrap(ownerUserIds: readonly string[]): void {
    if (this.roleDefinitions().length > 0) return;
    const addLevel = this.db.prepare('INSERT INTO role_definitions (id, name, description, high, low, role_type_kind, hidden, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const level of Object.values(BUILT_IN_LEVELS) as BuiltInLevel[]) {
      addLevel.run(level.id, level.name, level.description, Number(level.mask >> 32n), Number(level.mask & 0xffffffffn), level.roleTypeKind, level.hidden ? 1 : 0, level.order);
    }
    const addGroup = this.db.prepare("INSERT INTO site_principals (id, kind, login_name, title, description) VALUES (?, 'spGroup', ?, ?, ?)");
    for (const group of Object.values(SITE_GROUPS)) {
      addGroup.run(group.id, group.title, group.title, `Use this group to grant people ${group.level.name.toLowerCase()} permissions to the SharePoint site: ${SITE_DISPLAY_NAME}`);
      this.addAssignment(WEB_SCOPE, group.id, group.level.id);
    }
    for (const userId of ownerUserIds) {
      const user = this.userRow(userId);
      if (user) this.addToGroup(SITE_GROUPS.owners.id, user.lookup_id);
    }
  }

  // ---- permission levels -----------------------------------------------------

  roleDefinitions(): RoleDefinition[] {
    return (this.db.prepare('SELECT * FROM role_definitions ORDER BY sort_order, id').all() as RoleDefinitionRow[]).map(toDefinition);
  }

  roleDefinition(idOrName: number | string): RoleDefinition | undefined {
    const row = typeof idOrName === 'number'
      ? this.db.prepare('SELECT * FROM role_definitions WHERE id = ?').get(idOrName)
      : this.db.prepare('SELECT * FROM role_definitions WHERE name = ?').get(idOrName);
    return row ? toDefinition(row as RoleDefinitionRow) : undefined;
  }

  addRoleDefinition(input: { name: string; description: string; mask: bigint; order?: number }): RoleDefinition {
    const id = Number(this.db.prepare('SELECT max(coalesce(max(id) + 1, 0), ?) FROM role_definitions').pluck().get(FIRST_CUSTOM_ROLE_ID));
    this.db.prepare('INSERT INTO role_definitions (id, name, description, high, low, role_type_kind, hidden, sort_order) VALUES (?, ?, ?, ?, ?, 0, 0, ?)')
      .run(id, input.name, input.description, Number(input.mask >> 32n), Number(input.mask & 0xffffffffn), input.order ?? 1000);
    return this.roleDefinition(id)!;
  }

  updateRoleDefinition(id: number, changes: { description?: string; mask?: bigint }): RoleDefinition {
    const current = this.roleDefinition(id)!;
    const mask = changes.mask ?? current.mask;
    this.db.prepare('UPDATE role_definitions SET description = ?, high = ?, low = ? WHERE id = ?')
      .run(changes.description ?? current.description, Number(mask >> 32n), Number(mask & 0xffffffffn), id);
    return this.roleDefinition(id)!;
  }

  // ---- principals ------------------------------------------------------------

  /** By object id or UPN, each through its index (an OR of the two would scan every user). */
  private userRow(idOrUpn: string): UserRow | undefined {
    const columns = 'SELECT id, lookup_id, upn, display_name, mail FROM users';
    return (this.db.prepare(`${columns} WHERE id = lower(?)`).get(idOrUpn) ?? this.db.prepare(`${columns} WHERE upn = ?`).get(idOrUpn)) as UserRow | undefined;
  }

  private fromUser(u: UserRow): SitePrincipal {
    return { id: u.lookup_id, kind: 'user', loginName: userClaim(u.upn), title: u.display_name, email: u.mail ?? u.upn, entraId: u.id, description: '' };
  }

  private fromRow(r: PrincipalRow): SitePrincipal {
    return { id: r.id, kind: r.kind, loginName: r.login_name, title: r.title, email: null, entraId: r.entra_id, description: r.description };
  }

  principal(id: number): SitePrincipal | undefined {
    const row = this.db.prepare('SELECT * FROM site_principals WHERE id = ?').get(id) as PrincipalRow | undefined;
    if (row) return this.fromRow(row);
    const user = this.db.prepare('SELECT id, lookup_id, upn, display_name, mail FROM users WHERE lookup_id = ?').get(id) as UserRow | undefined;
    return user ? this.fromUser(user) : undefined;
  }

  userPrincipal(userId: string): SitePrincipal | undefined {
    const u = this.userRow(userId);
    return u ? this.fromUser(u) : undefined;
  }

  /** A user or an Entra group already known to the site, by claim; undefined otherwise. */
  principalByLogin(loginName: string): SitePrincipal | undefined {
    const user = USER_CLAIM.exec(loginName);
    if (user) {
      const u = this.userRow(user[1]!);
      return u ? this.fromUser(u) : undefined;
    }
    const row = this.db.prepare('SELECT * FROM site_principals WHERE login_name = ?').get(loginName) as PrincipalRow | undefined;
    return row ? this.fromRow(row) : undefined;
  }

  /**
   * SP.Web.EnsureUser: the principal for a claim, adding an Entra security group to the site the
   * first time (users are all known here already). Undefined when the directory has no such user
   * or group.
   */
  ensure(loginName: string): { principal: SitePrincipal; added: boolean } | undefined {
    const known = this.principalByLogin(loginName);
    if (known) return { principal: known, added: false };
    const group = /^c:0t\.c\|tenant\|([0-9a-f-]{36})$/i.exec(loginName);
    if (!group) return undefined;
    const entra = this.db.prepare('SELECT id, display_name, description FROM groups WHERE id = ? COLLATE NOCASE').get(group[1]) as { id: string; display_name: string; description: string | null } | undefined;
    if (!entra) return undefined;
    const id = nextPrincipalId(this.db);
    this.db.prepare("INSERT INTO site_principals (id, kind, login_name, title, entra_id, description) VALUES (?, 'securityGroup', ?, ?, ?, ?)")
      .run(id, groupClaim(entra.id), entra.display_name, entra.id, entra.description ?? '');
    return { principal: this.principal(id)!, added: true };
  }

  spGroups(): SitePrincipal[] {
    return (this.db.prepare("SELECT * FROM site_principals WHERE kind = 'spGroup' ORDER BY id").all() as PrincipalRow[]).map((r) => this.fromRow(r));
  }

  groupMembers(groupId: number): SitePrincipal[] {
    const ids = this.db.prepare('SELECT member_id FROM sp_group_members WHERE group_id = ? ORDER BY member_id').pluck().all(groupId) as number[];
    return ids.flatMap((id) => this.principal(id) ?? []);
  }

  addToGroup(groupId: number, principalId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO sp_group_members (group_id, member_id) VALUES (?, ?)').run(groupId, principalId);
  }

  removeFromGroup(groupId: number, principalId: number): boolean {
    return this.db.prepare('DELETE FROM sp_group_members WHERE group_id = ? AND member_id = ?').run(groupId, principalId).changes > 0;
  }

  isSiteAdmin(userId: string): boolean {
    return this.db.prepare('SELECT 1 FROM site_admins WHERE user_id = ?').get(userId) !== undefined;
  }

  setSiteAdmin(userId: string, admin: boolean): void {
    if (admin) this.db.prepare('INSERT OR IGNORE INTO site_admins (user_id) VALUES (?)').run(userId);
    else this.db.prepare('DELETE FROM site_admins WHERE user_id = ?').run(userId);
  }

  // ---- role assignments ------------------------------------------------------

  /** Where a list's permissions come from: its own assignments once inheritance is broken, the site's before. */
  scopeOf(list: Securable | undefined): string {
    return list && list.unique_perms === 1 ? list.id : WEB_SCOPE;
  }

  assignments(scope: string): RoleAssignment[] {
    const rows = this.db.prepare('SELECT principal_id, role_def_id FROM role_assignments WHERE scope = ? ORDER BY principal_id, role_def_id').all(scope) as { principal_id: number; role_def_id: number }[];
    const byPrincipal = new Map<number, number[]>();
    for (const r of rows) byPrincipal.set(r.principal_id, [...(byPrincipal.get(r.principal_id) ?? []), r.role_def_id]);
    return [...byPrincipal].map(([principalId, roleDefinitionIds]) => ({ principalId, roleDefinitionIds }));
  }

  /**
   * Adds a binding. A principal given rights on a list gets Limited Access on the site too, if it
   * has nothing there, as SharePoint grants it so the list can be reached at all.
   */
  addAssignment(scope: string, principalId: number, roleDefId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_def_id) VALUES (?, ?, ?)').run(scope, principalId, roleDefId);
    if (scope !== WEB_SCOPE && this.db.prepare('SELECT 1 FROM role_assignments WHERE scope = ? AND principal_id = ?').get(WEB_SCOPE, principalId) === undefined) {
      this.db.prepare('INSERT INTO role_assignments (scope, principal_id, role_def_id) VALUES (?, ?, ?)').run(WEB_SCOPE, principalId, BUILT_IN_LEVELS.limitedAccess.id);
    }
  }

  removeAssignment(scope: string, principalId: number, roleDefId: number): boolean {
    return this.db.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ? AND role_def_id = ?').run(scope, principalId, roleDefId).changes > 0;
  }

  /**
   * SP.List.BreakRoleInheritance: the list gets assignments of its own, a copy of the site's or,
   * without copying, only the caller with Full Control ("false to assign only the current user",
   * SPSecurableObject.BreakRoleInheritance). clearSubscopes has nothing to clear: items always
   * inherit here. Breaking again changes nothing.
   */
  breakInheritance(list: Securable, copyRoleAssignments: boolean, callerPrincipalId: number | undefined): void {
    if (list.unique_perms === 1) return;
    this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(list.id);
    if (copyRoleAssignments) {
      this.db.prepare('INSERT INTO role_assignments (scope, principal_id, role_def_id) SELECT ?, principal_id, role_def_id FROM role_assignments WHERE scope = ?').run(list.id, WEB_SCOPE);
    } else if (callerPrincipalId !== undefined) {
      this.addAssignment(list.id, callerPrincipalId, BUILT_IN_LEVELS.fullControl.id);
    }
    this.db.prepare('UPDATE lists SET unique_perms = 1 WHERE id = ?').run(list.id);
  }

  /** SP.List.ResetRoleInheritance: the list's own assignments go and it follows the site again. */
  resetInheritance(list: Securable): void {
    this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(list.id);
    this.db.prepare('UPDATE lists SET unique_perms = 0 WHERE id = ?').run(list.id);
  }

  // ---- effective permissions -------------------------------------------------

  /**
   * The principals a user acts as: the user, every Entra security group the site knows that
   * holds them (nested groups followed upwards, as the directory does), and the SharePoint
   * groups holding any of those.
   */
  principalIdsOfUser(userId: string): number[] {
    const user = this.userRow(userId);
    return user ? this.withSpGroups([user.lookup_id, ...this.securityGroupsAbove(user.id)]) : [];
  }

  /** The same for an Entra group taken as a member: itself, the groups it is nested in, their SharePoint groups. */
  principalIdsOfGroup(entraGroupId: string): number[] {
    return this.withSpGroups(this.securityGroupsAbove(entraGroupId));
  }

  private securityGroupsAbove(entraId: string): number[] {
    return this.db.prepare(`WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT m.group_id FROM group_members m JOIN up ON m.user_id = up.id)
      SELECT p.id FROM site_principals p JOIN up ON p.entra_id = up.id WHERE p.kind = 'securityGroup'`).pluck().all(entraId) as number[];
  }

  private withSpGroups(ids: readonly number[]): number[] {
    if (ids.length === 0) return [];
    const groups = this.db.prepare('SELECT DISTINCT group_id FROM sp_group_members WHERE member_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as number[];
    return [...new Set([...ids, ...groups])];
  }

  /** The union of every level bound to these principals at the scope. */
  maskAt(principalIds: readonly number[], scope: string): bigint {
    if (principalIds.length === 0) return 0n;
    const rows = this.db.prepare(`SELECT DISTINCT rd.high, rd.low FROM role_assignments ra JOIN role_definitions rd ON rd.id = ra.role_def_id
      WHERE ra.scope = ? AND ra.principal_id IN (SELECT value FROM json_each(?))`).all(scope, JSON.stringify(principalIds)) as { high: number; low: number }[];
    return rows.reduce((mask, r) => mask | (BigInt(r.high) << 32n) | BigInt(r.low), 0n);
  }

  /**
   * SP.Web/List.GetUserEffectivePermissions for a claim: a user's (Full Control everywhere for a
   * site collection administrator) or an Entra group's as a member would have it. Not capped by any
   * token: it reports the principal's own rights. Undefined when the claim names nobody known.
   */
  effectiveForLogin(loginName: string, list: Securable | undefined): bigint | undefined {
    const user = USER_CLAIM.exec(loginName);
    if (user) {
      const u = this.userRow(user[1]!);
      if (!u) return undefined;
      return this.isSiteAdmin(u.id) ? FULL_MASK : this.maskAt(this.principalIdsOfUser(u.id), this.scopeOf(list));
    }
    const group = /^c:0t\.c\|tenant\|([0-9a-f-]{36})$/i.exec(loginName);
    if (group) return this.maskAt(this.principalIdsOfGroup(group[1]!.toLowerCase()), this.scopeOf(list));
    const spGroup = this.principalByLogin(loginName);
    return spGroup ? this.maskAt([spGroup.id], this.scopeOf(list)) : undefined;
  }

  /**
   * One request's view of the caller: principals resolved once, masks per scope kept, all capped by
   * the token's scopes. 'page' is the person in their browser on SharePoint's own pages, where no app
   * stands between them and the site, so no scope caps their rights.
   */
  caller(principal: Principal, api: 'graph' | 'sharepoint' | 'page'): CallerAccess {
    return new CallerAccess(this, principal, api === 'page' ? FULL_MASK : siteCeiling(principal.scopes, api));
  }
}

/**
 * The caller's effective permissions during one request. The principals they act as are looked
 * up once and each scope's mask once, so listing 50 pages costs 50 small lookups, not a walk of
 * every group per item.
 */
export class CallerAccess {
  private ids: number[] | undefined;
  private admin: boolean | undefined;
  private readonly masks = new Map<string, bigint>();

  constructor(private readonly model: SitePermissions, readonly principal: Principal, private readonly ceiling: bigint) {}

  private uncapped(scope: string): bigint {
    let mask = this.masks.get(scope);
    if (mask === undefined) {
      this.admin ??= this.model.isSiteAdmin(this.principal.oid);
      this.ids ??= this.model.principalIdsOfUser(this.principal.oid);
      mask = this.admin ? FULL_MASK : this.model.maskAt(this.ids, scope);
      this.masks.set(scope, mask);
    }
    return mask;
  }

  /** On the site itself. */
  web(): bigint {
    return this.uncapped(WEB_SCOPE) & this.ceiling;
  }

  /** On a list (its own assignments, or the site's while it inherits). */
  list(list: Securable): bigint {
    return this.uncapped(this.model.scopeOf(list)) & this.ceiling;
  }
}
