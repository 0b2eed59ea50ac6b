// Sets a school's site up for AUP Guard, and is safe to run again: every step
// reads first and changes only what differs from src/graph/schema.ts and the
// role model, so a second run reports nothing to do. Used by `npm run
// provision`, by the admin's first-run setup in the Teams app, and by the
// emulator's demo seed. verify() reads the same things and reports every
// difference without changing anything.
//
// The role model: each list stops inheriting the site's permissions and gets
// exactly the levels its definition names for the all-staff, managers and
// admins groups, beside the site owners' Full Control. SharePoint then enforces
// who may do what; the app only hides what a user could not do anyway. List
// views (list-views.ts) are for reading the list in SharePoint, never security.
import type { ColumnDefinition, List, Site } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';
import { GraphRequestError } from './errors';
import { LISTS } from './schema';
import type { ListAccess, ListDefinition } from './schema';
import { siteLists } from './lists';
import { ensureViews, viewDrifts } from './list-views';
import { PoliciesRepository } from './policies';
import type { PolicyDraft } from './policies';
import {
  AUP_LEVELS, BUILT_IN_LEVELS, PermissionKind, groupClaim, hasPermission, levelOf, permissionNames,
  type LevelKey, type PermissionKindValue,
} from './permissions';
import type { SpPrincipal, SpRest, SpRoleDefinition } from './sp-rest';

/** The Entra security groups the role model names (their object ids); nested groups count. */
export interface ProvisionGroups {
  /** Everyone who must sign. */
  readonly allStaffGroupId: string;
  /** Who sees every signature. */
  readonly managersGroupId: string;
  /** Who publishes policy versions, changes settings and imports contacts. Without it, the managers group does. */
  readonly adminsGroupId?: string | null;
}

export interface ProvisionOptions {
  readonly graph: GraphClient;
  /** Graph site id (`host,siteCollectionId,webId`) or `root`. */
  readonly siteId: string;
  readonly spRest: SpRest;
  readonly groups: ProvisionGroups;
  /** The version to seed as Current when the site has none (the April 2020 policy). */
  readonly policy?: PolicyDraft;
  /** Progress lines as each change is made. */
  readonly log?: (line: string) => void;
}

export interface ProvisionReport {
  readonly siteId: string;
  readonly webUrl: string;
  /** One line per change made, in order; empty when the site was already set up. */
  readonly changes: readonly string[];
  readonly changed: boolean;
  /** Display name to list id, for every list AUP Guard uses. */
  readonly lists: Readonly<Record<string, string>>;
  /** Things left alone on purpose (a newer current policy, say). */
  readonly notes: readonly string[];
}

export interface VerifyReport {
  readonly siteId: string;
  readonly webUrl: string;
  /** One line per difference from the role model; empty when everything matches. */
  readonly drifts: readonly string[];
}

interface ExistingColumn {
  id?: string;
  name?: string;
  indexed?: boolean;
}

type GroupRole = 'allStaff' | 'managers' | 'admins';

const SP_ROLE_TYPE: Partial<Record<LevelKey, number>> = {
  fullControl: BUILT_IN_LEVELS.fullControl.roleTypeKind,
  contribute: BUILT_IN_LEVELS.contribute.roleTypeKind,
  read: BUILT_IN_LEVELS.read.roleTypeKind,
};

/**
 * The levels each configured group gets on a list. With no admins group, the managers group also
 * takes the admins' level (one group runs AUP Guard, as before admins were a group of their own).
 */
function grantsFor(access: ListAccess, groups: ProvisionGroups): { role: GroupRole; groupId: string; levels: LevelKey[] }[] {
  const out: { role: GroupRole; groupId: string; levels: LevelKey[] }[] = [];
  const add = (role: GroupRole, groupId: string, levels: (LevelKey | undefined)[]): void => {
    const kept = [...new Set(levels.filter((l): l is LevelKey => l !== undefined))];
    if (kept.length > 0) out.push({ role, groupId, levels: kept });
  };
  const admins = adminsGroupOf(groups);
  add('allStaff', groups.allStaffGroupId, [access.allStaff]);
  add('managers', groups.managersGroupId, admins ? [access.managers] : [access.managers, access.admins]);
  if (admins) add('admins', admins, [access.admins]);
  return out;
}

/**
 * The admins group, if it is a group of its own: none, or the managers group named again (as a
 * package built without AUP_ADMINS_GROUP_ID names it), means the managers group administers.
 */
function adminsGroupOf(groups: ProvisionGroups): string | null {
  const admins = groups.adminsGroupId?.trim();
  return admins && admins.toLowerCase() !== groups.managersGroupId.trim().toLowerCase() ? admins : null;
}

/** Finds the built-in levels by type (their names are localised) and AUP Guard's by name. */
function findLevel(defs: readonly SpRoleDefinition[], key: LevelKey): SpRoleDefinition | undefined {
  const type = SP_ROLE_TYPE[key];
  return type !== undefined ? defs.find((d) => d.RoleTypeKind === type) : defs.find((d) => d.Name.toLowerCase() === levelOf(key).name.toLowerCase());
}

export async function provision(options: ProvisionOptions): Promise<ProvisionReport> {
  const { graph, spRest } = options;
  const changes: string[] = [];
  const notes: string[] = [];
  const change = (line: string): void => {
    changes.push(line);
    options.log?.(line);
  };

  const site = await graph.get<Site>(`/sites/${options.siteId}`, { query: { $select: 'id,webUrl,displayName' } });
  if (!site.id || !site.webUrl) throw new Error(`Graph returned site ${options.siteId} without an id or webUrl`);
  const siteId = site.id;
  const webUrl = site.webUrl;

  const existingLists = await graph.all<List>(`/sites/${siteId}/lists`, { query: { $select: 'id,displayName' } });
  const listIds: Record<string, string> = {};

  for (const def of LISTS as readonly ListDefinition[]) {
    let listId = existingLists.find((l) => l.displayName === def.displayName)?.id ?? undefined;
    if (!listId) {
      const created = await graph.post<List>(`/sites/${siteId}/lists`, {
        displayName: def.displayName,
        description: def.description,
        columns: def.columns,
        list: { template: 'genericList' },
      });
      if (!created.id) throw new Error(`Graph created "${def.displayName}" but returned no id`);
      listId = created.id;
      change(`Created list "${def.displayName}" with ${def.columns.length} columns`);
    }
    listIds[def.displayName] = listId;
    await ensureColumns(graph, siteId, listId, def, change);
    await ensureListSettings(spRest, webUrl, listId, def, change);
    await ensureViews(spRest, webUrl, listId, def, change);
  }

  const levels = await ensureLevels(spRest, webUrl, change);
  const owners = await spRest.ownersGroup(webUrl);
  const principals = new Map<string, SpPrincipal>();
  const principalOf = async (groupId: string): Promise<SpPrincipal> => {
    let found = principals.get(groupId);
    if (!found) {
      found = await spRest.ensureUser(webUrl, groupClaim(groupId));
      principals.set(groupId, found);
    }
    return found;
  };
  for (const def of LISTS as readonly ListDefinition[]) {
    await ensureListPermissions(spRest, webUrl, listIds[def.displayName]!, def, owners, levels, options.groups, principalOf, change);
  }

  if (options.policy) {
    const lists = siteLists(graph, siteId);
    const policies = new PoliciesRepository(lists);
    const seed = options.policy;
    const [current, same] = await Promise.all([policies.current(), policies.get(seed.version)]);
    if (same) {
      // Already there (Current, Retired or a draft): never touched again.
    } else if (current) {
      notes.push(`Policy ${seed.version} was not seeded: the site's current policy is ${current.version}.`);
    } else {
      await policies.seedCurrent(seed);
      change(`Seeded policy ${seed.version} ("${seed.title}") as the current version`);
    }
  }

  return { siteId, webUrl, changes, changed: changes.length > 0, lists: listIds, notes };
}

async function ensureColumns(graph: GraphClient, siteId: string, listId: string, def: ListDefinition, change: (line: string) => void): Promise<void> {
  const path = `/sites/${siteId}/lists/${listId}/columns`;
  const existing = await graph.all<ExistingColumn>(path, { query: { $select: 'id,name,indexed' } });
  const byName = new Map(existing.flatMap((c) => (c.name ? [[c.name, c] as const] : [])));
  for (const column of def.columns) {
    const name = column.name;
    const found = byName.get(name);
    if (!found) {
      await graph.post<ColumnDefinition>(path, column);
      change(`Added column "${name}" to "${def.displayName}"`);
    } else if (column.indexed && !found.indexed) {
      // Queried columns must be indexed: SharePoint refuses filters on others past 5,000 items.
      await graph.patch(`${path}/${found.id}`, { indexed: true });
      change(`Indexed column "${name}" in "${def.displayName}"`);
    }
  }
}

async function ensureListSettings(spRest: SpRest, webUrl: string, listId: string, def: ListDefinition, change: (line: string) => void): Promise<void> {
  const current = await spRest.getList(webUrl, listId);
  const wanted: { EnableVersioning?: boolean; ReadSecurity?: number; WriteSecurity?: number } = {};
  if (!current.EnableVersioning) wanted.EnableVersioning = true;
  const security = def.itemLevelSecurity;
  if (security && current.ReadSecurity !== security.readSecurity) wanted.ReadSecurity = security.readSecurity;
  if (security && current.WriteSecurity !== security.writeSecurity) wanted.WriteSecurity = security.writeSecurity;
  if (Object.keys(wanted).length === 0) return;
  await spRest.updateList(webUrl, listId, wanted);
  if (wanted.EnableVersioning) change(`Turned on versioning for "${def.displayName}"`);
  if (security && (wanted.ReadSecurity !== undefined || wanted.WriteSecurity !== undefined)) {
    change(`Set item-level security on "${def.displayName}" (read ${security.readSecurity}, write ${security.writeSecurity}: staff see and edit only their own items)`);
  }
}

/** AUP Guard's own levels exist with exactly their permissions; the built-in ones are found. Level key to role definition id. */
async function ensureLevels(spRest: SpRest, webUrl: string, change: (line: string) => void): Promise<Map<LevelKey, number>> {
  const defs = await spRest.roleDefinitions(webUrl);
  const ids = new Map<LevelKey, number>();
  for (const key of Object.keys(SP_ROLE_TYPE) as LevelKey[]) {
    const found = findLevel(defs, key);
    if (!found) throw new Error(`The site has no built-in "${levelOf(key).name}" permission level (role type ${SP_ROLE_TYPE[key]}).`);
    ids.set(key, found.Id);
  }
  for (const key of Object.keys(AUP_LEVELS) as (keyof typeof AUP_LEVELS)[]) {
    const level = AUP_LEVELS[key];
    const found = findLevel(defs, key);
    if (!found) {
      ids.set(key, (await spRest.createRoleDefinition(webUrl, level)).Id);
      change(`Created permission level "${level.name}" (${permissionNames(level.mask).join(', ')})`);
    } else {
      if (found.mask !== level.mask) {
        await spRest.updateRoleDefinition(webUrl, found.Id, { mask: level.mask, description: level.description });
        change(`Restored permission level "${level.name}" to ${permissionNames(level.mask).join(', ')}`);
      }
      ids.set(key, found.Id);
    }
  }
  return ids;
}

async function ensureListPermissions(
  spRest: SpRest, webUrl: string, listId: string, def: ListDefinition, owners: SpPrincipal, levels: ReadonlyMap<LevelKey, number>,
  groups: ProvisionGroups, principalOf: (groupId: string) => Promise<SpPrincipal>, change: (line: string) => void,
): Promise<void> {
  const list = `"${def.displayName}"`;
  if (!(await spRest.hasUniqueRoleAssignments(webUrl, listId))) {
    // Without copying: the list starts from nothing but the caller, then gets exactly the role model.
    await spRest.breakRoleInheritance(webUrl, listId, { copyRoleAssignments: false, clearSubscopes: true });
    change(`Stopped ${list} inheriting the site's permissions`);
  }
  const wanted: { principal: SpPrincipal; level: LevelKey }[] = [{ principal: owners, level: 'fullControl' }];
  for (const grant of grantsFor(def.access, groups)) {
    const principal = await principalOf(grant.groupId);
    for (const level of grant.levels) wanted.push({ principal, level });
  }
  const key = (principalId: number, roleDefId: number): string => `${principalId}:${roleDefId}`;
  const current = await spRest.roleAssignments(webUrl, listId);
  const have = new Set(current.flatMap((a) => a.RoleDefinitionBindings.map((b) => key(a.PrincipalId, b.Id))));
  const keep = new Set<string>();
  for (const { principal, level } of wanted) {
    const roleDefId = levels.get(level)!;
    keep.add(key(principal.Id, roleDefId));
    if (!have.has(key(principal.Id, roleDefId))) {
      await spRest.addRoleAssignment(webUrl, listId, principal.Id, roleDefId);
      change(`Gave ${principal.Title} "${levelOf(level).name}" on ${list}`);
    }
  }
  // Anything else goes, the caller's own Full Control from breaking inheritance included: after the
  // additions, so the caller (a site owner) never loses the right to finish.
  for (const assignment of current) {
    for (const binding of assignment.RoleDefinitionBindings) {
      if (keep.has(key(assignment.PrincipalId, binding.Id))) continue;
      await spRest.removeRoleAssignment(webUrl, listId, assignment.PrincipalId, binding.Id);
      change(`Removed ${assignment.Member.Title}'s "${binding.Name}" from ${list}`);
    }
  }
}

// ---- verify ----------------------------------------------------------------

export interface VerifyOptions {
  readonly graph: GraphClient;
  readonly siteId: string;
  readonly spRest: SpRest;
  readonly groups: ProvisionGroups;
}

/** What a group can do on a list, as verify words it. */
const CAPABILITIES: readonly { kind: PermissionKindValue; can: string; cannot: string }[] = [
  { kind: PermissionKind.ViewListItems, can: 'can read items in', cannot: 'cannot read items in' },
  { kind: PermissionKind.AddListItems, can: 'can add items to', cannot: 'cannot add items to' },
  { kind: PermissionKind.EditListItems, can: 'can edit items in', cannot: 'cannot edit items in' },
  { kind: PermissionKind.DeleteListItems, can: 'can delete items from', cannot: 'cannot delete items from' },
  { kind: PermissionKind.CancelCheckout, can: "can read and edit everyone's items in", cannot: "cannot read everyone's items in" },
  { kind: PermissionKind.ManageLists, can: 'can change the settings and columns of', cannot: 'cannot change the settings of' },
  { kind: PermissionKind.ManagePermissions, can: 'can change who has access to', cannot: 'cannot change who has access to' },
];

/**
 * Reads HasUniqueRoleAssignments, the role assignments, the permission levels and each group's
 * effective permissions on each list, and says in one line each where the site differs from the
 * role model. Changes nothing.
 */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const { graph, spRest, groups } = options;
  const drifts: string[] = [];
  const site = await graph.get<Site>(`/sites/${options.siteId}`, { query: { $select: 'id,webUrl' } });
  if (!site.id || !site.webUrl) throw new Error(`Graph returned site ${options.siteId} without an id or webUrl`);
  const webUrl = site.webUrl;
  const lists = await graph.all<List>(`/sites/${site.id}/lists`, { query: { $select: 'id,displayName' } });

  const defs = await spRest.roleDefinitions(webUrl);
  for (const key of Object.keys(AUP_LEVELS) as (keyof typeof AUP_LEVELS)[]) {
    const level = AUP_LEVELS[key];
    const found = findLevel(defs, key);
    if (!found) drifts.push(`The permission level "${level.name}" does not exist`);
    else if (found.mask !== level.mask) drifts.push(`The permission level "${level.name}" has been changed: ${describeMaskChange(found.mask, level.mask)}`);
  }
  const owners = await spRest.ownersGroup(webUrl);
  const names = await groupNames(graph, groups);

  for (const def of LISTS as readonly ListDefinition[]) {
    const listId = lists.find((l) => l.displayName === def.displayName)?.id;
    const name = def.displayName;
    if (!listId) {
      drifts.push(`${name} does not exist on the site`);
      continue;
    }
    const settings = await spRest.getList(webUrl, listId);
    if (!settings.EnableVersioning) drifts.push(`${name} keeps no version history`);
    const security = def.itemLevelSecurity;
    if (security && settings.ReadSecurity !== security.readSecurity) drifts.push(`${name} lets everyone who can read it read every item (ReadSecurity ${settings.ReadSecurity}, expected ${security.readSecurity})`);
    if (security && settings.WriteSecurity !== security.writeSecurity) drifts.push(`${name} has WriteSecurity ${settings.WriteSecurity}, expected ${security.writeSecurity}`);
    drifts.push(...await viewDrifts(spRest, webUrl, listId, def));
    if (!(await spRest.hasUniqueRoleAssignments(webUrl, listId))) {
      drifts.push(`${name} inherits permissions from the site`);
    }

    // Assignments, matched by claim so that verifying adds nobody to the site.
    const grants = grantsFor(def.access, groups);
    const wanted: { login: string; title: string; level: LevelKey }[] = [{ login: owners.LoginName, title: owners.Title, level: 'fullControl' }];
    for (const g of grants) for (const level of g.levels) wanted.push({ login: groupClaim(g.groupId), title: names[g.role], level });
    const assignments = await spRest.roleAssignments(webUrl, listId);
    const bindingKey = (login: string, levelName: string): string => `${login.toLowerCase()}|${levelName.toLowerCase()}`;
    const actual = new Set(assignments.flatMap((a) => a.RoleDefinitionBindings.map((b) => bindingKey(a.Member.LoginName, b.Name))));
    const levelName = (key: LevelKey): string => findLevel(defs, key)?.Name ?? levelOf(key).name;
    const expected = new Set(wanted.map((w) => bindingKey(w.login, levelName(w.level))));
    for (const w of wanted) if (!actual.has(bindingKey(w.login, levelName(w.level)))) drifts.push(`${w.title} lacks "${levelName(w.level)}" on ${name}`);
    for (const a of assignments) {
      for (const b of a.RoleDefinitionBindings) {
        if (!expected.has(bindingKey(a.Member.LoginName, b.Name))) drifts.push(`${a.Member.Title} has "${b.Name}" on ${name}, which the role model does not give`);
      }
    }

    // What each group can really do there, nested groups and the site's groups included.
    const staffLevels = grants.find((g) => g.role === 'allStaff')?.levels ?? [];
    for (const role of ['allStaff', 'managers', 'admins'] as const) {
      const groupId = role === 'allStaff' ? groups.allStaffGroupId : role === 'managers' ? groups.managersGroupId : adminsGroupOf(groups);
      if (!groupId) continue;
      const own = grants.find((g) => g.role === role)?.levels ?? [];
      // Managers and admins are staff too: where their groups sit inside the all-staff group, staff's levels are theirs as well.
      const allowed = [...own, ...(role === 'allStaff' ? [] : staffLevels)].reduce((m, l) => m | levelOf(l).mask, 0n);
      const required = own.reduce((m, l) => m | levelOf(l).mask, 0n);
      const effective = await effectiveOrNone(spRest, webUrl, listId, groupClaim(groupId));
      for (const cap of CAPABILITIES) {
        const has = hasPermission(effective, cap.kind);
        if (has && !hasPermission(allowed, cap.kind)) drifts.push(`${names[role]} ${cap.can} ${name}`);
        else if (!has && hasPermission(required, cap.kind)) drifts.push(`${names[role]} ${cap.cannot} ${name}`);
      }
    }
  }
  return { siteId: site.id, webUrl, drifts };
}

/** A group's permissions; none when SharePoint does not know the group at all (never granted anything). */
async function effectiveOrNone(spRest: SpRest, webUrl: string, listId: string, claim: string): Promise<bigint> {
  try {
    return await spRest.userPermissions(webUrl, listId, claim);
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return 0n;
    throw error;
  }
}

/** The groups' display names for the report, from Entra; their role if Entra will not say. */
async function groupNames(graph: GraphClient, groups: ProvisionGroups): Promise<Record<GroupRole, string>> {
  const name = async (id: string | null | undefined, fallback: string): Promise<string> => {
    if (!id) return fallback;
    try {
      return (await graph.get<{ displayName?: string }>(`/groups/${encodeURIComponent(id)}`, { query: { $select: 'displayName' } })).displayName ?? fallback;
    } catch {
      return `${fallback} (${id})`;
    }
  };
  const [allStaff, managers, admins] = await Promise.all([
    name(groups.allStaffGroupId, 'The all-staff group'), name(groups.managersGroupId, 'The managers group'), name(adminsGroupOf(groups), 'The admins group'),
  ]);
  return { allStaff, managers, admins };
}

function describeMaskChange(actual: bigint, wanted: bigint): string {
  const added = permissionNames(actual & ~wanted);
  const removed = permissionNames(wanted & ~actual);
  return [added.length ? `now includes ${added.join(', ')}` : '', removed.length ? `lacks ${removed.join(', ')}` : ''].filter(Boolean).join('; ');
}
